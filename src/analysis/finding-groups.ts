// Findings grouped for a county-size map: by kind, life stage, area or organization, each group with
// its count and the people its findings affect, the groups with the most people first.
import { lifeStagesOf } from '../model/rules.ts';
import type { PathwaysMap } from '../model/types.ts';
import { FINDING_KINDS, type Finding } from './findings.ts';

export type GroupBy = 'kind' | 'stage' | 'area' | 'organization';

export const GROUP_BY: [GroupBy, string][] = [
  ['kind', 'Kind'],
  ['stage', 'Life stage'],
  ['area', 'Area'],
  ['organization', 'Organization'],
];

export interface FindingGroup {
  /** Unique within one grouping (the kind, stage, area or organization id; '' for "none"). */
  key: string;
  label: string;
  /** Most people affected first (the order they came in). */
  findings: Finding[];
  /** People affected, summed over the group's findings. */
  people: number;
}

const NONE_LABEL: Record<GroupBy, string> = {
  kind: 'Other',
  stage: 'No life stage',
  area: 'Every area',
  organization: 'No single organization',
};

/** Groups ranked by people affected, then by size, then by name; findings keep their ranked order. */
export function groupFindings(findings: Finding[], by: GroupBy, map: PathwaysMap): FindingGroup[] {
  const labels = labelsOf(by, map);
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = (by === 'kind' ? finding.kind : finding[by]) ?? '';
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: key ? (labels.get(key) ?? key) : NONE_LABEL[by], findings: [], people: 0 }));
    group.findings.push(finding);
    group.people += finding.impact.people;
  }
  return [...groups.values()].sort((a, b) => b.people - a.people || b.findings.length - a.findings.length || a.label.localeCompare(b.label));
}

function labelsOf(by: GroupBy, map: PathwaysMap): Map<string, string> {
  if (by === 'kind') return new Map(FINDING_KINDS);
  if (by === 'stage') return new Map(lifeStagesOf(map.meta).map((s) => [s.id, s.label]));
  if (by === 'area') return new Map((map.meta.areas ?? []).map((a) => [a.id, a.label]));
  return new Map(map.nodes.flatMap((n) => (n.type === 'organization' ? [[n.id, n.label] as const] : [])));
}
