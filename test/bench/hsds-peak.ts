// Run by formats.bench.ts in a fresh process: the peak RSS growth of one import of the generated
// 5,000-service HSDS directory (`zip` or `folder`), measured by the kernel (maxRSS), printed as JSON.
import { importFiles } from '../../src/formats/index.ts';
import { hsdsDirectory, zipped } from '../fixtures/hsds-directory.ts';

const mode = process.argv[2] === 'zip' ? 'zip' : 'folder';
const directory = hsdsDirectory(5000);
const input = mode === 'zip' ? [zipped(directory)] : directory.files;
const before = process.resourceUsage().maxRSS;
const start = performance.now();
const result = importFiles(input);
const ms = performance.now() - start;
const peakKb = process.resourceUsage().maxRSS - before;
process.stdout.write(JSON.stringify({ mode, ms, peakMb: peakKb / 1024, nodes: result.map?.nodes.length ?? 0, problems: result.problems.length }) + '\n');
