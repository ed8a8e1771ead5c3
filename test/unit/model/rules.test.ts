// The domain rules every feature shares (src/model/rules.ts), one table per rule, and the proof that
// analysis, simulation and views give the same answer for the same program.
import { describe, expect, it } from 'vitest';
import { mapContext } from '../../../src/analysis/context.ts';
import { coverageGaps } from '../../../src/analysis/gaps.ts';
import { DEFAULT_LIFE_STAGES } from '../../../src/model/constants.ts';
import {
  areaMismatch,
  handoffRateOf,
  isOpenProgram,
  isUsableReferral,
  languageMismatch,
  lifeStageIds,
  servesArea,
  servesPopulation,
  servesStage,
} from '../../../src/model/rules.ts';
import type { Population, ProgramNode, ReferralEdge } from '../../../src/model/types.ts';
import { compileNetwork, handoffFor } from '../../../src/simulation/network.ts';
import { visibleElements } from '../../../src/views/filter.ts';
import { mapOf, program, referral } from '../../fixtures/maps.ts';

const spanish: Population = { id: 'es-speaking', label: 'Spanish speakers', share: 0.3, languages: ['es'], barrier: 0.5 };

describe('who a program serves', () => {
  it.each<[string, Partial<ProgramNode>, Population, boolean]>([
    ['no populations, no languages: everyone', {}, spanish, true],
    ['es-MX serves Spanish speakers (primary subtag)', { languages: ['es-MX'] }, spanish, true],
    ['ES serves es-419 speakers (case and region ignored)', { languages: ['ES'] }, { ...spanish, languages: ['es-419'] }, true],
    ['English only does not serve Spanish speakers', { languages: ['en'] }, spanish, false],
    ['one shared language is enough', { languages: ['en', 'es'] }, spanish, true],
    ['population states no language: no barrier', { languages: ['en'] }, { ...spanish, languages: [] }, true],
    ['empty language list = not stated', { languages: [] }, spanish, true],
    ['eligible populations listed, this one included', { populations: ['es-speaking'] }, spanish, true],
    ['eligible populations listed, this one not', { populations: ['veterans'] }, spanish, false],
    ['empty population list = everyone', { populations: [] }, spanish, true],
    ['eligible but no shared language', { populations: ['es-speaking'], languages: ['vi'] }, spanish, false],
  ])('%s', (_, fields, population, expected) => {
    expect(servesPopulation(program('p', fields), population)).toBe(expected);
  });

  it.each<[string, string[] | undefined, string | undefined, boolean]>([
    ['no areas listed: every area', undefined, 'south', true],
    ['empty list: every area', [], 'south', true],
    ['listed area', ['north', 'south'], 'south', true],
    ['other area', ['north'], 'south', false],
    ['the map as a whole', ['north'], undefined, true],
  ])('areas: %s', (_, areas, area, expected) => {
    expect(servesArea(program('p', { areas }), area)).toBe(expected);
  });

  it.each<[string, { languages?: string[]; areas?: string[] }, { languages?: string[]; areas?: string[] }, boolean, boolean]>([
    ['unstated on both', {}, {}, false, false],
    ['es-MX vs es', { languages: ['es-MX'] }, { languages: ['es'] }, false, false],
    ['en vs vi', { languages: ['en'] }, { languages: ['vi'] }, true, false],
    ['areas miss', { areas: ['north'] }, { areas: ['south'] }, false, true],
    ['areas overlap', { areas: ['north', 'south'] }, { areas: ['south'] }, false, false],
  ])('barriers: %s', (_, target, group, language, area) => {
    expect([languageMismatch(target, group), areaMismatch(target, group)]).toEqual([language, area]);
  });

  it('serves a stage only when it lists it', () => {
    expect(servesStage(program('p', { lifeStages: ['k12'] }), 'k12')).toBe(true);
    expect(servesStage(program('p', { lifeStages: [] }), 'k12')).toBe(false);
    expect(servesStage(program('p'), 'k12')).toBe(false);
  });
});

describe('life stages, open, usable, hand-offs', () => {
  it('takes the map’s own life stages, all of them, else the default six', () => {
    expect(lifeStageIds({})).toEqual([...DEFAULT_LIFE_STAGES]);
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, label: `Stage ${i}` }));
    expect(lifeStageIds({ lifeStages: many })).toHaveLength(40);
  });

  it.each<[ProgramNode['status'], boolean]>([[undefined, true], ['active', true], ['waitlist', true], ['paused', false], ['closed', false]])(
    'a %s program is open: %s',
    (status, open) => expect(isOpenProgram({ status })).toBe(open),
  );

  it.each<[ReferralEdge['status'], number | undefined, boolean, number]>([
    [undefined, undefined, true, 0.8],
    ['active', undefined, true, 0.8],
    ['informal', undefined, true, 0.5],
    ['informal', 0.3, true, 0.3],
    ['broken', 0.9, false, 0],
    ['proposed', undefined, false, 0],
  ])('a %s referral (rate %s) is usable: %s, hand-off %s', (status, handoffRate, usable, rate) => {
    expect(isUsableReferral({ status })).toBe(usable);
    expect(handoffRateOf({ status, handoffRate })).toBe(rate);
  });
});

describe('every feature reads the same rule', () => {
  // A program whose languages name a region (es-MX) serves Spanish speakers in insights, in a view's
  // population filter, and carries them without a barrier in the simulation.
  const map = mapOf(
    [program('entry', { lifeStages: ['k12'], entryPoint: true, languages: ['es'] }), program('clinic', { lifeStages: ['k12'], languages: ['es-MX'] })],
    [referral('entry', 'clinic', { status: 'informal' })],
    { lifeStages: [{ id: 'k12', label: 'K–12' }], populations: [spanish] },
  );

  it('insights: no coverage gap for Spanish speakers', () => {
    expect(coverageGaps(mapContext(map))).toEqual([]);
  });

  it('views: the population filter keeps the program', () => {
    expect(visibleElements(map, null, { populations: ['es-speaking'] }).has('clinic')).toBe(true);
  });

  it('simulation: no barrier on the hand-off, and the informal default rate', () => {
    const network = compileNetwork(map);
    const [out] = network.out[0];
    const group = network.groups.find((g) => g.id === 'es-speaking')!;
    expect(handoffFor(out, group)).toBe(0.5);
  });
});
