// Graph files from other tools: importing a Gephi-like GEXF (5,000 nodes, 20,000 weighted edges
// numbered from 0 like the nodes, so every edge id is namespaced) and our own GraphML, GEXF and
// Cytoscape exports of a 4,000-program map (about 5 MB each). Time per import.
import { exportMap, importFiles, type ExportFormat } from '../../src/formats/index.ts';
import type { InputFile } from '../../src/formats/common.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { measure } from './measure.ts';

function gephiLike(nodes: number, edges: number): InputFile {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected">'];
  parts.push('<attributes class="node"><attribute id="0" title="Modularity Class" type="integer"/></attributes><nodes>');
  for (let i = 0; i < nodes; i++) parts.push(`<node id="${i}" label="Node ${i}"><attvalues><attvalue for="0" value="${i % 12}"/></attvalues><viz:size value="${(i % 40) + 4}"/><viz:position x="${i % 100}" y="${Math.floor(i / 100)}" z="0"/><viz:color r="${i % 255}" g="80" b="160"/></node>`);
  parts.push('</nodes><edges>');
  for (let i = 0; i < edges; i++) parts.push(`<edge id="${i}" source="${i % nodes}" target="${(i * 7 + 1) % nodes}" weight="${1 + (i % 5)}"/>`);
  parts.push('</edges></graph></gexf>\n');
  return { name: 'grid.gexf', bytes: new TextEncoder().encode(parts.join('\n')) };
}

export default async function () {
  const gexf = gephiLike(5000, 20000);
  console.log(`generated Gephi-like GEXF: ${(gexf.bytes.length / 1024 / 1024).toFixed(1)} MB`);
  await measure('import a Gephi-like GEXF, 5,000 nodes + 20,000 edges', () => importFiles([gexf]), 3);
  const map = syntheticMap(4000, 2);
  for (const format of ['graphml', 'gexf', 'cyjs'] as ExportFormat[]) {
    const files = exportMap(map, format).map((f) => ({ name: `map${f.suffix}`, bytes: new TextEncoder().encode(f.text) }));
    const mb = (files[0].bytes.length / 1024 / 1024).toFixed(1);
    await measure(`import our ${format} export of ${map.nodes.length} nodes, ${map.edges.length} ties (${mb} MB)`, () => importFiles(files, { format }), 3);
  }
}
