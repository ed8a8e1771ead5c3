// Issue 7 figures: computing a saved view (filter, colour, size, legend) and its layouts on a
// 5,000-node map — the work done on every slide change and every edit while a view is shown.
import { analyze } from '../../src/analysis/index.ts';
import { byAreaLayout } from '../../src/canvas/layouts/by-area.ts';
import { concentricLayout } from '../../src/canvas/layouts/concentric.ts';
import { syntheticMap } from '../../src/model/synthetic.ts';
import { presentView } from '../../src/views/present.ts';
import { measure } from './measure.ts';

export default async function () {
  const map = syntheticMap(5000);
  const report = analyze(map);
  const n = map.nodes.length;
  await measure(`view: problems only, colour by status (${n} nodes)`, () => presentView(map, report, { id: 'v', label: 'v', colorBy: 'status', filter: { problemsOnly: true } }));
  await measure(`view: community colour + betweenness size (${n} nodes)`, () => presentView(map, report, { id: 'v', label: 'v', colorBy: 'community', sizeBy: 'betweenness' }));
  await measure(`view: population + stage filter, metric colour (${n} nodes)`, () =>
    presentView(map, report, { id: 'v', label: 'v', colorBy: 'metric', filter: { lifeStages: ['k12'], populations: [map.meta.populations?.[0]?.id ?? 'none'] } }),
  );
  await measure(`layout: concentric by betweenness (${n} nodes)`, () => concentricLayout(map, report.structure.betweenness));
  await measure(`layout: grouped by area (${n} nodes)`, () => byAreaLayout(map));
}
