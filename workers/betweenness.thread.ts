// The command line's betweenness thread (worker_threads), as script text: the thread runs the same
// `betweennessRange`, handed over as its compiled source, so it starts in milliseconds instead of
// loading the TypeScript toolchain first (~0.2 s of CPU per thread, measured in `npm run bench`).
// The function is self-contained by design (typed arrays in, typed array out, no imports).
import { betweennessRange } from '../src/analysis/centrality.ts';

export const BETWEENNESS_THREAD_SCRIPT = `
const { parentPort } = require('node:worker_threads');
const betweennessRange = ${betweennessRange.toString()};
parentPort.on('message', ({ id, offsets, adjacency, from, to }) => {
  const sums = betweennessRange(offsets, adjacency, from, to);
  parentPort.postMessage({ id, sums }, [sums.buffer]);
});
`;
