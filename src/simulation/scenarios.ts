// What-ifs: a scenario is a list of changes to the map, simulated beside the baseline with the same
// seed, so the difference is the change and not the dice. Validated where it enters (a file or a form).
import type { MapEdge, PathwaysMap, ProgramNode } from '../model/types.ts';
import type { Problem } from '../model/types.ts';
import { simulate, type SimulationRun } from './index.ts';

export type ScenarioChange =
  | { kind: 'remove-organization'; organization: string }
  | { kind: 'fix-referral'; edge: string }
  | { kind: 'add-referral'; source: string; target: string; volume?: number; handoffRate?: number }
  | { kind: 'add-capacity'; program: string; capacity: number }
  | { kind: 'add-funding'; program: string; amount: number; capacity?: number; funder?: string };

export interface Scenario {
  label?: string;
  changes: ScenarioChange[];
}

const KINDS = ['remove-organization', 'fix-referral', 'add-referral', 'add-capacity', 'add-funding'];

/** Every problem of a scenario, by its path, against the map it changes. */
export function validateScenario(raw: unknown, map: PathwaysMap): { scenario: Scenario | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const nodes = new Map(map.nodes.map((n) => [n.id, n]));
  const edges = new Map(map.edges.map((e) => [e.id, e]));
  const changes = (raw as { changes?: unknown })?.changes;
  if (!raw || typeof raw !== 'object' || !Array.isArray(changes)) return { scenario: null, problems: [{ path: 'changes', message: 'must be a list of changes' }] };
  const need = (path: string, ok: boolean, message: string) => ok || problems.push({ path, message });
  const nodeOf = (path: string, id: unknown, type: 'organization' | 'program') =>
    need(path, typeof id === 'string' && nodes.get(id)?.type === type, `no ${type} "${String(id)}"`);
  const positive = (path: string, value: unknown, optional = false) =>
    need(path, (optional && value === undefined) || (typeof value === 'number' && Number.isFinite(value) && value >= 0), 'must be a number of at least 0');
  changes.forEach((change: Record<string, unknown>, i) => {
    const at = `changes[${i}]`;
    if (!change || typeof change !== 'object' || !KINDS.includes(change.kind as string)) {
      problems.push({ path: `${at}.kind`, message: `must be one of: ${KINDS.join(', ')}` });
      return;
    }
    if (change.kind === 'remove-organization') nodeOf(`${at}.organization`, change.organization, 'organization');
    if (change.kind === 'fix-referral') need(`${at}.edge`, edges.get(change.edge as string)?.type === 'referral', `no referral "${String(change.edge)}"`);
    if (change.kind === 'add-referral') {
      nodeOf(`${at}.source`, change.source, 'program');
      nodeOf(`${at}.target`, change.target, 'program');
      positive(`${at}.volume`, change.volume, true);
      need(`${at}.handoffRate`, change.handoffRate === undefined || (typeof change.handoffRate === 'number' && change.handoffRate >= 0 && change.handoffRate <= 1), 'must be between 0 and 1');
    }
    if (change.kind === 'add-capacity' || change.kind === 'add-funding') {
      nodeOf(`${at}.program`, change.program, 'program');
      positive(`${at}.${change.kind === 'add-capacity' ? 'capacity' : 'amount'}`, change.kind === 'add-capacity' ? change.capacity : change.amount);
      if (change.kind === 'add-funding') positive(`${at}.capacity`, change.capacity, true);
    }
  });
  return problems.length ? { scenario: null, problems } : { scenario: raw as Scenario, problems };
}

/** The map with the scenario's changes made (the input is not touched). */
export function applyScenario(map: PathwaysMap, scenario: Scenario): PathwaysMap {
  let nodes = [...map.nodes];
  let edges: MapEdge[] = [...map.edges];
  const growCapacity = (id: string, extra: number) => {
    nodes = nodes.map((n) => (n.id === id && n.type === 'program' ? ({ ...n, capacity: ((n as ProgramNode).capacity ?? 0) + extra } as ProgramNode) : n));
  };
  scenario.changes.forEach((change, i) => {
    switch (change.kind) {
      case 'remove-organization': {
        const gone = new Set([change.organization, ...nodes.filter((n) => n.type === 'program' && n.organization === change.organization).map((n) => n.id)]);
        nodes = nodes.filter((n) => !gone.has(n.id));
        edges = edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
        break;
      }
      case 'fix-referral':
        edges = edges.map((e) => (e.id === change.edge && e.type === 'referral' ? { ...e, status: 'active' } : e));
        break;
      case 'add-referral':
        edges.push({ id: `scenario-${i}`, type: 'referral', source: change.source, target: change.target, status: 'active', ...(change.volume !== undefined ? { volume: change.volume } : {}), ...(change.handoffRate !== undefined ? { handoffRate: change.handoffRate } : {}) });
        break;
      case 'add-capacity':
        growCapacity(change.program, change.capacity);
        break;
      case 'add-funding':
        if (change.funder) edges.push({ id: `scenario-${i}`, type: 'funding', source: change.funder, target: change.program, amount: change.amount });
        if (change.capacity) growCapacity(change.program, change.capacity);
        break;
    }
  });
  return { ...map, nodes, edges };
}

export interface Comparison {
  baseline: SimulationRun;
  scenario: SimulationRun;
  /** Scenario minus baseline, in people reaching each stage, overall and per population. */
  difference: { reach: Record<string, number>; byPopulation: Record<string, Record<string, number>> };
  /** Sampling noise of `difference.reach`: two standard errors, in people (0 where both runs are exact). */
  margin: Record<string, number>;
  exact: boolean;
}

const peopleDelta = (after: Record<string, number>, before: Record<string, number>, people: number) =>
  Object.fromEntries(Object.keys(before).map((s) => [s, Math.round(((after[s] ?? 0) - before[s]) * people * 10) / 10]));

/** Baseline and scenario with the same cohort and seed; exact figures where both allow them. */
export function compareScenario(map: PathwaysMap, scenario: Scenario, options: { cohort?: number; seed?: number; entry?: string } = {}): Comparison {
  const baseline = simulate(map, { ...options, exact: true });
  // The scenario keeps the baseline's entrants where they were: those at a removed or closed entry
  // point are lost at entry, never sent to another (which would raise reach by removing a program).
  const changed = simulate(applyScenario(map, scenario), { ...options, exact: true, entrySplit: baseline.entry.programs });
  const useExact = baseline.exact && changed.exact;
  const before = useExact ? baseline.exact! : baseline;
  const after = useExact ? changed.exact! : changed;
  const shareOf = (id: string) => map.meta.populations?.find((p) => p.id === id)?.share ?? 0;
  const cohort = baseline.cohort;
  const variance = (p: number) => (cohort > 0 ? (p * (1 - p)) / cohort : 0);
  const margin = Object.fromEntries(
    Object.keys(before.reach).map((s) => [s, useExact ? 0 : Math.round(2 * Math.sqrt(variance(before.reach[s]) + variance(after.reach[s] ?? 0)) * cohort)]),
  );
  return {
    baseline,
    scenario: changed,
    margin,
    exact: !!useExact,
    difference: {
      reach: peopleDelta(after.reach, before.reach, baseline.cohort),
      byPopulation: Object.fromEntries(Object.keys(before.byPopulation).map((pop) => [pop, peopleDelta(after.byPopulation[pop] ?? {}, before.byPopulation[pop], baseline.cohort * shareOf(pop))])),
    },
  };
}

/** Organizations ranked by life-stage reaches lost (people × stages) if each one closed. */
export function whoIsCritical(map: PathwaysMap, options: { cohort?: number; seed?: number; entry?: string } = {}): { organization: string; lost: number }[] {
  return map.nodes
    .filter((n) => n.type === 'organization')
    .map((org) => {
      const { difference } = compareScenario(map, { changes: [{ kind: 'remove-organization', organization: org.id }] }, options);
      const lost = Math.round(-Object.values(difference.reach).reduce((a, b) => a + b, 0) * 10) / 10;
      return { organization: org.id, lost: lost + 0 }; // + 0 turns -0 into 0
    })
    .sort((a, b) => b.lost - a.lost || a.organization.localeCompare(b.organization));
}
