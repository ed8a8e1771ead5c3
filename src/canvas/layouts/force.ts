// The force layout (fCoSE) of a big map on a headless Cytoscape: the same settings as on the canvas
// (placement.ts), no animation, positions rounded. Runs in the layout worker (workers/layout.worker.ts).
import type cytoscape from 'cytoscape';
import type { Position } from '../../model/types.ts';
import { forceLayoutOptions } from '../placement.ts';

export interface LayoutGraph {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string }[];
}

export function forceLayoutPositions(cy: typeof cytoscape, graph: LayoutGraph): Record<string, Position> {
  const headless = cy({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
      ...graph.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  headless.layout({ ...forceLayoutOptions(graph.nodes.length), animate: false, fit: false } as cytoscape.LayoutOptions).run();
  const positions: Record<string, Position> = {};
  headless.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: Math.round(p.x), y: Math.round(p.y) };
  });
  headless.destroy();
  return positions;
}
