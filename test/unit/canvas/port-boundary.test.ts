// Nothing outside the canvas touches Cytoscape: the UI reads and moves the canvas only through its port
// (src/canvas/port.svelte.ts). A scan of the UI's sources, so a stray `studio.cy` or import fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Declarations of the extensions' types (no code) are the only other files that name cytoscape. */
const ALLOWED = ['types/cytoscape-extensions.d.ts'];
const outsideCanvas = () =>
  sources(SRC).filter((path) => {
    const name = relative(SRC, path).split('\\').join('/');
    return !name.startsWith('canvas/') && !ALLOWED.includes(name);
  });

describe('only the canvas touches Cytoscape', () => {
  it('no file outside src/canvas imports cytoscape or an extension of it', () => {
    const importers = outsideCanvas().filter((path) => /from\s+['"]cytoscape(-[\w-]+)?['"]|import\(\s*['"]cytoscape/.test(readFileSync(path, 'utf8')));
    expect(importers.map((path) => relative(SRC, path))).toEqual([]);
  });

  it('no file under src/ui reaches for a raw `cy`', () => {
    const users = sources(join(SRC, 'ui')).filter((path) => /\.cy\b|\bcy\s*[?.]\s*\w|\bCore\b.*from\s+['"]cytoscape/.test(readFileSync(path, 'utf8')));
    expect(users.map((path) => relative(SRC, path))).toEqual([]);
  });
});
