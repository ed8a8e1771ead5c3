// Turning a saved view on and off: the one place that sets the studio's view, its layout and the
// share link, so the switcher, the presentation and `#view=` links all behave the same.
import type { Studio } from '../state/studio.svelte.ts';
import type { SavedView } from '../../views/types.ts';
import type { Viewport } from '../../canvas/port.svelte.ts';

export function findView(studio: Studio, id: string): SavedView | null {
  return (studio.snapshot.map.views.find((v) => v.id === id) as SavedView | undefined) ?? null;
}

/** The person's own layout (lanes or network) from before a view set one: the whole map returns to it. */
const ownLayout = new WeakMap<Studio, Studio['layout']>();

/** Shows `view` (null: the whole map); `viewport`: put the viewport exactly there instead of framing the view. */
export function activateView(studio: Studio, view: SavedView | null, options: { viewport?: Viewport | null } = {}): void {
  if (view && !studio.currentView && (studio.layout === 'lanes' || studio.layout === 'force')) ownLayout.set(studio, studio.layout);
  studio.showView(view);
  if (view?.layout) studio.layout = view.layout;
  // The whole map is shown in the person's own layout, with its button in the layout switch selected.
  if (!view) studio.layout = ownLayout.get(studio) ?? (studio.layout === 'force' ? 'force' : 'lanes');
  studio.canvasCommands.showView({ restore: options.viewport ?? null });
  const params = new URLSearchParams(location.hash.slice(1));
  if (view) params.set('view', view.id);
  else params.delete('view');
  history.replaceState(null, '', `#${params.toString()}`);
}

/** A link that opens this map at this view; `embed` hides the editing chrome and locks the canvas. */
export function shareLink(studio: Studio, viewId: string, embed = false): string {
  const params = new URLSearchParams({ map: studio.mapId, view: viewId });
  if (embed) params.set('embed', '1');
  // `?embed=1` too: the fragment never reaches the server, which allows framing only for embed links.
  return `${location.origin}${location.pathname}${embed ? '?embed=1' : ''}#${params.toString()}`;
}

/** What a `#view=ID` / `#embed=1` link asks for. Read once at start, before the session rewrites the hash. */
export function readShareHash(hash: string): { viewId: string | null; embed: boolean } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return { viewId: params.get('view'), embed: params.get('embed') === '1' };
}
