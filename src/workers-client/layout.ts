// The page side of the layout worker: one force layout at a time; a newer one cancels the last.
import type { LayoutWorkerApi } from '../../workers/layout.worker.ts';
import { CancellableWorker } from './cancellable.ts';
import type { Position } from '../model/types.ts';
import type { LayoutGraph } from '../canvas/layouts/force.ts';

export class LayoutCancelled extends Error {
  constructor() {
    super('layout cancelled');
  }
}

export class LayoutClient extends CancellableWorker<LayoutWorkerApi> {
  constructor() {
    super(() => new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' }), () => new LayoutCancelled());
  }

  force(graph: LayoutGraph): Promise<Record<string, Position>> {
    return this.run((api) => api.force(graph));
  }
}
