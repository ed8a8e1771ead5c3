// Names for what the simulation reports: stages, populations, and where people were lost (a referral
// reads "From → To", a program by its label).
import type { PathwaysMap } from '../model/types.ts';

export function describeLabels(map: PathwaysMap) {
  const nodes = new Map(map.nodes.map((n) => [n.id, n.label]));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  const stages = new Map((map.meta.lifeStages ?? []).map((s) => [s.id, s.label]));
  const populations = new Map((map.meta.populations ?? []).map((p) => [p.id, p.label]));
  return {
    stage: (id: string) => stages.get(id) ?? id,
    population: (id: string) => populations.get(id) ?? id,
    element(id: string): string {
      const edge = edges.get(id);
      if (edge) return `referral ${nodes.get(edge.source) ?? edge.source} → ${nodes.get(edge.target) ?? edge.target}`;
      return nodes.get(id) ?? id;
    },
  };
}
