// Level of detail, kept layers and hit testing (level-of-detail.ts, cached-layer.ts, hit-test.ts) wrap
// and read parts of Cytoscape's 2D canvas renderer that are not public API. Each wrapper steps aside when its
// method is missing, so a Cytoscape release that renames one would quietly bring back the slow paths:
// the canvas marks the page instead (`data-renderer-internals-missing`), and a browser test fails on it.
// Cytoscape is pinned to an exact version in package.json for the same reason.
import type { Core } from 'cytoscape';

export const WRAPPED_RENDERER_METHODS = [
  'render',
  'eleTextBiggerThanMin',
  'drawArrowheads',
  'drawEdgePath',
  'drawLayeredElements',
  'drawCachedNodes',
  'drawCachedElement',
  // Called for the count matrix at overview (drawn directly, not through the texture caches).
  'drawElement',
  'findNearestElements',
  'getCachedZSortedEles',
  // Called by the fast z-sort (z-order.ts) after it sorts, as Cytoscape's own sort does.
  'updateCachedGrabbedEles',
  // Called by the kept layers (cached-layer.ts): without them a layer's next slice is never asked for.
  'redrawHint',
  'redraw',
] as const;

type RendererInternals = Record<string, unknown> & {
  webgl?: boolean;
  NODE?: unknown;
  data?: { contexts?: unknown; eleTxrCache?: { onDequeue?: unknown }; lblTxrCache?: { onDequeue?: unknown } };
};

/** The internals the 2D renderer lacks (none under WebGL, which is left alone). */
export function missingRendererInternals(cy: Core): string[] {
  const renderer = (cy as unknown as { renderer(): RendererInternals | null }).renderer();
  if (!renderer || renderer.webgl) return [];
  const missing: string[] = WRAPPED_RENDERER_METHODS.filter((name) => typeof renderer[name] !== 'function');
  // Read by the kept layers: which canvas is the nodes' layer, and when a sharper texture is drawn.
  if (!Array.isArray(renderer.data?.contexts) || typeof renderer.NODE !== 'number') missing.push('data.contexts[NODE]');
  for (const cache of ['eleTxrCache', 'lblTxrCache'] as const) {
    if (typeof renderer.data?.[cache]?.onDequeue !== 'function') missing.push(`data.${cache}.onDequeue`);
  }
  return missing;
}
