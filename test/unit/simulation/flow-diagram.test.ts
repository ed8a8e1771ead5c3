import { describe, expect, it } from 'vitest';
import { LOST, stageFlows } from '../../../src/simulation/flow-diagram.ts';
import { mapOf, program, referral } from '../../fixtures/maps.ts';

describe('stage flows for the Sankey', () => {
  it('adds referral flows by stage, forward only, and sends losses to Lost from their stage', () => {
    const forward = referral('A', 'B');
    const sideways = referral('B', 'B2');
    const backward = referral('C', 'A');
    const map = mapOf(
      [program('A', { lifeStages: ['prenatal-birth'] }), program('B', { lifeStages: ['early-childhood'] }), program('B2', { lifeStages: ['early-childhood'] }), program('C', { lifeStages: ['k12', 'aging'] })],
      [forward, sideways, backward, referral('B2', 'C')],
      { lifeStages: [{ id: 'prenatal-birth', label: 'Prenatal' }, { id: 'early-childhood', label: 'Early' }, { id: 'k12', label: 'K–12' }, { id: 'aging', label: 'Aging' }] },
    );
    const flows = stageFlows(map, { flows: { [forward.id]: 80, [sideways.id]: 30, [backward.id]: 5 }, lostAt: { [forward.id]: 20, B: 50, C: 10.4 } });
    expect(flows.links).toEqual([
      { source: 'Prenatal', target: 'Early', value: 80 },
      { source: 'Prenatal', target: LOST, value: 20 },
      { source: 'Early', target: LOST, value: 50 },
      { source: 'K–12', target: LOST, value: 10 },
    ]);
    expect(flows.nodes).toEqual(['Prenatal', 'Early', 'K–12', LOST]);
  });
});
