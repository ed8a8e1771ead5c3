// What a shared link asks of a freshly opened studio: a view to show, and whether it is an embed.
import type { Studio } from '../state/studio.svelte.ts';
import { activateView, findView } from './activate.ts';

export function applyShareRequest(studio: Studio, share: { viewId: string | null; embed: boolean }): void {
  // Only ever turns the embed on: a convening viewer is already read-only (Session.open).
  if (share.embed) studio.embedded = true;
  const view = share.viewId ? findView(studio, share.viewId) : null;
  if (view) activateView(studio, view);
}
