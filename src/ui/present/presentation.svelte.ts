// Presentation mode: the map's saved views as slides. Plain state that collaboration can mirror:
// `presenting` is what a presenter broadcasts, `followPresenter` is what a follower applies.
import type { Core } from 'cytoscape';
import { activateView } from '../views/activate.ts';
import type { Studio } from '../state/studio.svelte.ts';
import type { SavedView } from '../../views/types.ts';
import { fitViewport, type SharedViewport } from '../../collab/presence.ts';

/** What a presenter shares with the room (plain data: safe to send over awareness). */
export interface PresentingState {
  viewId: string | null;
  slideIndex: number;
  viewport: SharedViewport | null;
}

/** This canvas's viewport as the room sees it (with its size, so other screens can fit the same area). */
export function sharedViewportOf(cy: Core): SharedViewport {
  return { zoom: cy.zoom(), pan: { ...cy.pan() }, size: { width: cy.width(), height: cy.height() } };
}

export class PresentationState {
  active = $state(false);
  slideIndex = $state(0);
  /** While true, a participant's screen follows the presenter; they can step out and back. */
  following = $state(true);
  /** The presenter's latest state as last received (null: nobody is presenting). */
  remote = $state.raw<PresentingState | null>(null);
  private readonly studio: Studio;

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
    const cy = this.studio.cy;
    return { viewId: this.slide?.id ?? null, slideIndex: this.slideIndex, viewport: cy ? sharedViewportOf(cy) : null };
  }

  start(index = 0): void {
    this.active = true;
    this.studio.stageMode = 'canvas';
    this.go(index);
    void document.documentElement.requestFullscreen?.().catch(() => {
      // Refused (no user gesture, an embed without permission): the overlay still fills the window.
    });
  }

  stop(): void {
    this.active = false;
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
  followPresenter(state: PresentingState | null): void {
    this.remote = state;
    if (!state || !this.following) return;
    this.active = true;
    const index = state.viewId ? this.slides.findIndex((v) => v.id === state.viewId) : state.slideIndex;
    if (index >= 0 && index !== this.slideIndex) this.go(index);
    const cy = this.studio.cy;
    if (state.viewport && cy) cy.animate(fitViewport(state.viewport, { width: cy.width(), height: cy.height() }), { duration: 300 });
  }

  /** Step out of following the presenter, or back in (catching up at once). */
  setFollowing(on: boolean): void {
    this.following = on;
    if (!on) this.active = false;
    if (on) this.followPresenter(this.remote);
  }
}
