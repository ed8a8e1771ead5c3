// Presentation mode: the map's saved views as slides. Plain state that collaboration can mirror:
// `presenting` is what a presenter broadcasts, `applyPresenter` what a participant's screen shows of it.
// ("Follow" is kept for a person's viewport, room.svelte.ts; a participant *joins* the slides and can step out.)
import type { CanvasPort } from '../../canvas/port.svelte.ts';
import { activateView, findView } from '../views/activate.ts';
import type { Studio } from '../state/studio.svelte.ts';
import type { SavedView } from '../../views/types.ts';
import { fitViewport, type SharedViewport } from '../../collab/presence.ts';
import type { Presentation, PresentingState } from '../state/features.ts';

export type { PresentingState };

/** This canvas's viewport as the room sees it (with its size, so other screens can fit the same area). */
export function sharedViewportOf(canvas: CanvasPort): SharedViewport {
  return canvas.current();
}

export class PresentationState implements Presentation {
  active = $state(false);
  slideIndex = $state(0);
  /** While true, a participant's screen shows the presenter's slides; they can step out and rejoin. */
  joined = $state(true);
  /** The presenter's latest state as last received (null: nobody is presenting). */
  remote = $state.raw<PresentingState | null>(null);
  private readonly studio: Studio;
  /** Where this screen was before the slides took it over: Escape (or the presenter stopping) returns here. */
  private before: { viewId: string | null; layout: Studio['layout']; viewport: { zoom: number; pan: { x: number; y: number } } | null } | null = null;

  constructor(studio: Studio) {
    this.studio = studio;
  }

  get slides(): SavedView[] {
    return this.studio.snapshot.map.views as SavedView[];
  }

  get slide(): SavedView | null {
    return this.slides[this.slideIndex] ?? null;
  }

  /** For collaboration to broadcast while this screen presents (null when not presenting). */
  get presenting(): PresentingState | null {
    if (!this.active) return null;
    const canvas = this.studio.canvas;
    return { viewId: this.slide?.id ?? null, slideIndex: this.slideIndex, viewport: canvas ? sharedViewportOf(canvas) : null };
  }

  /** Remembers this screen's view, layout and viewport, once, as the slides take over. */
  private remember(): void {
    if (this.active || this.before) return;
    const now = this.studio.canvas?.current();
    this.before = { viewId: this.studio.currentView?.id ?? null, layout: this.studio.layout, viewport: now ? { zoom: now.zoom, pan: now.pan } : null };
  }

  /** Back to the view, layout and viewport this screen had before the presentation. */
  private restore(): void {
    const before = this.before;
    this.before = null;
    if (!before) return;
    const view = before.viewId ? findView(this.studio, before.viewId) : null;
    activateView(this.studio, view, { viewport: before.viewport });
    this.studio.layout = before.layout;
  }

  start(index = 0): void {
    this.remember();
    this.active = true;
    this.studio.stageMode = 'canvas';
    this.go(index);
    void document.documentElement.requestFullscreen?.().catch(() => {
      // Refused (no user gesture, an embed without permission): the overlay still fills the window.
    });
  }

  stop(): void {
    this.active = false;
    this.restore();
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  }

  go(index: number): void {
    if (!this.slides.length) {
      activateView(this.studio, null);
      return;
    }
    this.slideIndex = Math.max(0, Math.min(this.slides.length - 1, index));
    activateView(this.studio, this.slide);
  }

  next(): void {
    this.go(this.slideIndex + 1);
  }

  previous(): void {
    this.go(this.slideIndex - 1);
  }

  /** Applies the presenter's state on a participant's screen (unless they stepped out). */
  applyPresenter(state: PresentingState | null): void {
    this.remote = state;
    if (!state || !this.joined) return;
    this.remember();
    const joining = !this.active;
    this.active = true;
    const index = state.viewId ? this.slides.findIndex((v) => v.id === state.viewId) : state.slideIndex;
    // Joining shows the presenter's slide even when its index matches this screen's last one (slide 1's filter).
    if (index >= 0 && (joining || index !== this.slideIndex)) this.go(index);
    const canvas = this.studio.canvas;
    if (state.viewport && canvas) canvas.setViewport(fitViewport(state.viewport, canvas.current().size), { duration: 300 });
  }

  /** Back into the presenter's slides, catching up at once. */
  rejoin(): void {
    this.joined = true;
    this.applyPresenter(this.remote);
  }

  /** Out of the presenter's slides (they go on for the others); `rejoin` comes back. */
  stepOut(): void {
    this.joined = false;
    this.active = false;
    // Out of the slides: the view framed again in the studio (no title and caption bars to leave room for).
    this.studio.canvasCommands.showView();
  }
}
