// Thin comlink entry: force-directed (fCoSE) positions for big maps, computed off the page's main
// thread on a headless Cytoscape; the page only moves the nodes in one batch.
import * as Comlink from 'comlink';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forceLayoutPositions, type LayoutGraph } from '../src/canvas/layouts/force.ts';

cytoscape.use(fcose);

const api = {
  force: (graph: LayoutGraph) => forceLayoutPositions(cytoscape, graph),
};
export type LayoutWorkerApi = typeof api;
Comlink.expose(api);
