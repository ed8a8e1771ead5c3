// Cheaper style bookkeeping for big loads (issue 14). For every property Cytoscape sets on an element it
// invalidates what that property may affect: it builds a collection of the element's connected edges to
// clear their style caches, and dirties the element's bounds, emitting a `bounds` event each time. For
// 26,000 new elements × ~15 properties that was ~1 s of a 5,000-program load. Here the same caches are
// cleared without building collections, and the bounds once per element per styling pass (dirtying is
// idempotent: nothing reads the bounds in between). Compound graphs keep Cytoscape's own path. Framework-free.
import type { Core } from 'cytoscape';

type Trigger = (from: unknown, to: unknown, ele: StyledElement) => boolean;

interface ElementPrivate {
  group: 'nodes' | 'edges';
  edges: { _private: { styleCache: unknown } }[];
  styleCache: unknown;
}

interface StyledElement {
  _private: ElementPrivate;
  removed(): boolean;
  dirtyBoundingBoxCache(): void;
}

type Check = (ele: StyledElement, name: string, from: unknown, to: unknown) => void;

interface StyleInternals {
  properties: Record<string, { triggersBounds?: Trigger } | undefined>;
  apply(eles: unknown): unknown;
  checkTriggers: Check;
  checkZOrderTrigger: Check;
  checkConnectedEdgesBoundsTrigger: Check;
  checkParallelEdgesBoundsTrigger: Check;
}

const installed = new WeakSet<object>();

/** Call once per Cytoscape instance, after its stylesheet is set. */
export function installStyleTriggers(cy: Core): void {
  const compound = () => (cy as unknown as { hasCompoundNodes(): boolean }).hasCompoundNodes();
  const style = cy.style() as unknown as StyleInternals;
  const { apply, checkTriggers, checkZOrderTrigger, checkConnectedEdgesBoundsTrigger, checkParallelEdgesBoundsTrigger } = style;
  if (installed.has(style) || typeof apply !== 'function' || typeof checkTriggers !== 'function' || !style.properties) return;
  if (typeof checkZOrderTrigger !== 'function' || typeof checkConnectedEdgesBoundsTrigger !== 'function' || typeof checkParallelEdgesBoundsTrigger !== 'function') return;
  installed.add(style);

  // Elements whose bounds this styling pass has already dirtied; passes may nest (a mapper reading another element).
  const boundsDirtied = new Set<StyledElement>();
  let depth = 0;
  style.apply = function (this: StyleInternals, eles) {
    depth++;
    try {
      return apply.call(this, eles);
    } finally {
      if (--depth === 0) boundsDirtied.clear();
    }
  };

  style.checkTriggers = function (this: StyleInternals, ele, name, from, to) {
    if (compound() || depth === 0) return checkTriggers.call(this, ele, name, from, to);
    // Cytoscape's dirtyStyleCache, without a collection per call.
    const own = ele._private;
    own.styleCache = null;
    if (own.group === 'nodes') for (const edge of own.edges) edge._private.styleCache = null;
    checkZOrderTrigger.call(this, ele, name, from, to);
    if (!boundsDirtied.has(ele) && !ele.removed() && style.properties[name]?.triggersBounds?.(from, to, ele)) {
      boundsDirtied.add(ele);
      ele.dirtyBoundingBoxCache();
    }
    checkConnectedEdgesBoundsTrigger.call(this, ele, name, from, to);
    checkParallelEdgesBoundsTrigger.call(this, ele, name, from, to);
  };
}
