// Which canvas elements a finding points at, so a click can select and frame them.
import { servesArea, servesStage } from '../../model/rules.ts';
import type { BrokenPathway, Gap } from '../../analysis/types.ts';
import type { PathwaysMap, ProgramNode } from '../../model/types.ts';

const programs = (map: PathwaysMap) => map.nodes.filter((n): n is ProgramNode => n.type === 'program');

/** A coverage gap points at who serves that stage elsewhere; a transition gap at both stages' programs there. */
export function gapTargets(gap: Gap, map: PathwaysMap): string[] {
  if (gap.kind === 'coverage') return programs(map).filter((p) => servesStage(p, gap.stage)).map((p) => p.id);
  return programs(map)
    .filter((p) => (servesStage(p, gap.from) || servesStage(p, gap.to)) && servesArea(p, gap.area))
    .map((p) => p.id);
}

export function pathwayTargets(finding: BrokenPathway, map: PathwaysMap): string[] {
  if (finding.edge) {
    const edge = map.edges.find((e) => e.id === finding.edge);
    return edge ? [edge.id, edge.source, edge.target] : [];
  }
  return finding.node ? [finding.node] : [];
}
