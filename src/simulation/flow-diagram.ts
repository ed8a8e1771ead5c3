// People moving between life stages, for a flow (Sankey) picture: referrals aggregated by the first
// life stage of each end, forward moves only (a Sankey must not loop), and every loss flowing into
// "Lost" from the stage where it happened.
import type { PathwaysMap } from '../model/types.ts';
import { lifeStagesOf } from '../model/rules.ts';
import type { SimulationResult } from './types.ts';

export const LOST = 'Lost';

export interface FlowDiagram {
  nodes: string[];
  links: { source: string; target: string; value: number }[];
}

export function stageFlows(map: PathwaysMap, result: Pick<SimulationResult, 'flows' | 'lostAt'>): FlowDiagram {
  const stages = lifeStagesOf(map.meta);
  const label = new Map(stages.map((s) => [s.id, s.label]));
  const order = new Map(stages.map((s, i) => [s.id, i]));
  const firstStage = new Map(map.nodes.flatMap((n) => (n.type === 'program' && n.lifeStages?.length ? [[n.id, n.lifeStages[0]] as const] : [])));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  const totals = new Map<string, number>();
  const add = (from: string, to: string, people: number) => totals.set(`${from}\u0000${to}`, (totals.get(`${from}\u0000${to}`) ?? 0) + people);
  for (const [id, people] of Object.entries(result.flows)) {
    const edge = edges.get(id);
    const from = edge && firstStage.get(edge.source);
    const to = edge && firstStage.get(edge.target);
    if (from && to && (order.get(to) ?? -1) > (order.get(from) ?? -1)) add(label.get(from) ?? from, label.get(to) ?? to, people);
  }
  for (const [id, people] of Object.entries(result.lostAt)) {
    const at = edges.get(id)?.source ?? id;
    const stage = firstStage.get(at);
    if (stage) add(label.get(stage) ?? stage, LOST, people);
  }
  const links = [...totals].filter(([, v]) => v > 0).map(([key, value]) => {
    const [source, target] = key.split('\u0000');
    return { source, target, value: Math.round(value) };
  });
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  return { nodes: [...stages.map((s) => s.label).filter((l) => used.has(l)), ...(used.has(LOST) ? [LOST] : [])], links };
}
