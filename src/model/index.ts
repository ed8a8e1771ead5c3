export * from './constants.ts';
export type * from './types.ts';
export { createMapDoc, emptyMap, LOAD_ORIGIN, LOCAL_ORIGIN, mapRoots, replaceMapContent } from './doc.ts';
export { projectSnapshot, readMapFile, SnapshotProjector } from './snapshot.ts';
export type { HiddenEdge, MapSnapshot, QuarantinedEntry, SnapshotChange } from './snapshot.ts';
export * from './mutations.ts';
export { createUndoManager } from './undo.ts';
export { formatProblems, parseMapText, validateMap } from './validate.ts';
