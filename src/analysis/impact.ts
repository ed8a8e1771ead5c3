// How many people a finding affects, in people a year — the one rule that ranks findings, so a planner
// can name the most important problems first. The estimate, by kind:
// - coverage gap (stage, area, population): the people at that stage × the area's share (areas count
//   evenly: the map holds no head counts) × the population's `share` (else an even share);
// - transition gap (s → s+1, area): the people at stage s in that area — they finish s with no
//   referral onward;
// - referral into a paused or closed program, dead end: the people the latest simulation loses there,
//   scaled from its cohort to the map's yearly entrants; without a simulation, the referral's `volume`
//   (else its source's people split over its referrals), and the dead end's people;
// - broken referral: its `volume`, else its source's people split over its referrals (the simulation
//   sends no one down a broken referral, so it cannot measure one);
// - unreachable program: its capacity, the places no referral fills;
// - redundancy: the capacity the two programs duplicate.
// "People at a program" = its `served`, else its `capacity`; "people at a stage" = the sum over the open
// programs serving it, each program's people shared evenly between the stages (and areas) it serves;
// "yearly entrants" = people at the open entry points.
import { isOpenProgram, isUsableReferral, lifeStageIds } from '../model/rules.ts';
import type { PathwaysMap, ProgramNode, ReferralEdge } from '../model/types.ts';
import type { BrokenPathway, Gap, Redundancy } from './types.ts';

/** Where the number comes from, said beside it. */
export type ImpactBasis = 'simulation' | 'referrals' | 'capacity' | 'shares';

export interface Impact {
  /** Estimated people a year. */
  people: number;
  basis: ImpactBasis;
}

/** What the impact rule reads from the latest simulation: its cohort and where people were lost. */
export interface SimulationLosses {
  cohort: number;
  lostAt: Record<string, number>;
}

/** Used when a map states no served or capacity at its entry points. */
const FALLBACK_ENTRANTS = 1000;

export class ImpactModel {
  private readonly programs = new Map<string, ProgramNode>();
  private readonly referrals = new Map<string, ReferralEdge>();
  private readonly referralsOut = new Map<string, number>();
  private readonly stagePeople = new Map<string, number>();
  private readonly areaShare: number;
  private readonly populationShare = new Map<string, number>();
  /** Simulated people → people a year. */
  private readonly simulationScale: number;

  constructor(
    map: PathwaysMap,
    private readonly simulation: SimulationLosses | null = null,
  ) {
    const stages = lifeStageIds(map.meta);
    const known = new Set(stages);
    const areas = (map.meta.areas ?? []).map((a) => a.id);
    let entrants = 0;
    for (const node of map.nodes) {
      if (node.type !== 'program') continue;
      this.programs.set(node.id, node);
      if (!isOpenProgram(node)) continue;
      const people = peopleAt(node);
      if (node.entryPoint) entrants += people;
      const served = (node.lifeStages ?? []).filter((s) => known.has(s));
      const where = node.areas?.length ? node.areas.filter((a) => areas.includes(a)) : areas;
      for (const stage of served) {
        this.add(stage, people / served.length);
        for (const area of where) this.add(`${stage}@${area}`, people / served.length / where.length);
      }
    }
    for (const edge of map.edges) {
      if (edge.type !== 'referral') continue;
      this.referrals.set(edge.id, edge);
      if (isUsableReferral(edge) || edge.status === 'broken') this.referralsOut.set(edge.source, (this.referralsOut.get(edge.source) ?? 0) + 1);
    }
    const scale = entrants > 0 ? entrants : FALLBACK_ENTRANTS;
    // A stage nothing serves still has people: an even share of the entrants.
    for (const stage of stages) if (!this.stagePeople.get(stage)) this.stagePeople.set(stage, scale / Math.max(1, stages.length));
    this.areaShare = 1 / Math.max(1, map.meta.areas?.length ?? 0);
    const populations = map.meta.populations ?? [];
    for (const p of populations) this.populationShare.set(p.id, p.share && p.share > 0 ? p.share : 1 / (populations.length + 1));
    this.simulationScale = simulation && simulation.cohort > 0 ? scale / simulation.cohort : 0;
  }

  gap(gap: Gap): Impact {
    const area = gap.area !== undefined ? this.areaShare : 1;
    if (gap.kind === 'transition') {
      const key = gap.area !== undefined ? `${gap.from}@${gap.area}` : gap.from;
      return { people: round(this.stagePeople.get(key) ?? 0), basis: 'shares' };
    }
    const population = gap.population !== undefined ? (this.populationShare.get(gap.population) ?? 0) : 1;
    return { people: round((this.stagePeople.get(gap.stage) ?? 0) * area * population), basis: 'shares' };
  }

  pathway(finding: BrokenPathway): Impact {
    const measured = finding.kind === 'dead-end' || finding.kind === 'referral-to-inactive';
    if (measured && this.simulation) {
      const id = finding.kind === 'dead-end' ? finding.node! : finding.edge!;
      return { people: round((this.simulation.lostAt[id] ?? 0) * this.simulationScale), basis: 'simulation' };
    }
    if (finding.kind === 'unreachable') return { people: round(this.programs.get(finding.node!)?.capacity ?? peopleAt(this.programs.get(finding.node!))), basis: 'capacity' };
    if (finding.kind === 'dead-end') return { people: round(peopleAt(this.programs.get(finding.node!))), basis: 'capacity' };
    return this.referral(finding.edge);
  }

  redundancy(redundancy: Redundancy): Impact {
    return { people: round(redundancy.duplicatedCapacity ?? 0), basis: 'capacity' };
  }

  private add(key: string, people: number): void {
    this.stagePeople.set(key, (this.stagePeople.get(key) ?? 0) + people);
  }

  private referral(id: string | undefined): Impact {
    const edge = id ? this.referrals.get(id) : undefined;
    if (!edge) return { people: 0, basis: 'referrals' };
    if (edge.volume !== undefined && edge.volume > 0) return { people: round(edge.volume), basis: 'referrals' };
    const source = this.programs.get(edge.source);
    return { people: round(peopleAt(source) / Math.max(1, this.referralsOut.get(edge.source) ?? 1)), basis: 'capacity' };
  }
}

function peopleAt(program: ProgramNode | undefined): number {
  return Math.max(0, program?.served ?? program?.capacity ?? 0);
}

const round = (value: number) => Math.round(value);
