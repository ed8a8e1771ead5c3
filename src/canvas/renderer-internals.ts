// Level of detail, kept layers and hit testing (level-of-detail.ts, cached-layer.ts, hit-test.ts) wrap
// methods of Cytoscape's 2D canvas renderer that are not public API. Each wrapper steps aside when its
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
  'findNearestElements',
  'getCachedZSortedEles',
] as const;

/** The wrapped methods the 2D renderer lacks (none under WebGL, which is left alone). */
export function missingRendererInternals(cy: Core): string[] {
  const renderer = (cy as unknown as { renderer(): (Record<string, unknown> & { webgl?: boolean }) | null }).renderer();
  if (!renderer || renderer.webgl) return [];
  return WRAPPED_RENDERER_METHODS.filter((name) => typeof renderer[name] !== 'function');
}
