// The inspector binds form controls to model mutations: what a user types either lands in the map as
// a valid value or is refused with a message at the field, and the map is left unchanged.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import Inspector from '../../src/ui/inspector/Inspector.svelte';
import { Studio } from '../../src/ui/state/studio.svelte.ts';
import { createMapDoc } from '../../src/model/doc.ts';
import { readMapFile } from '../../src/model/snapshot.ts';
import type { ProgramNode } from '../../src/model/types.ts';
import { mapOf, org, program } from '../fixtures/maps.ts';

let studio: Studio | undefined;
afterEach(() => {
  cleanup();
  studio?.destroy();
});

function open(selection: string[]) {
  const map = mapOf([org('o1', 'nonprofit'), program('p1', { label: 'Home visiting', organization: 'o1' }), program('p2', { label: 'Pre-K' })]);
  studio = new Studio(createMapDoc(map), 'test');
  studio.select(selection);
  render(Inspector, { studio, ondelete: () => {} });
  return studio;
}

const programOf = (s: Studio, id: string) => readMapFile(s.doc).nodes.find((n) => n.id === id) as ProgramNode;

async function typeAndCommit(label: RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await fireEvent.input(input, { target: { value } });
  await fireEvent.change(input);
}

describe('inspector (component)', () => {
  it('writes a valid capacity and refuses a negative one at the field, changing nothing', async () => {
    const s = open(['p1']);
    await typeAndCommit(/^Capacity/, '-3');
    expect(screen.getByRole('alert').textContent).toContain('Capacity must be a whole number of at least 0.');
    expect(programOf(s, 'p1').capacity).toBeUndefined();
    await typeAndCommit(/^Capacity/, '120');
    expect(programOf(s, 'p1').capacity).toBe(120);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('makes each committed field its own undo step, however quickly the next follows', async () => {
    const s = open(['p1']);
    await typeAndCommit(/^Capacity/, '120');
    await typeAndCommit(/^Name/, 'Home visiting plus');
    expect(programOf(s, 'p1')).toMatchObject({ capacity: 120, label: 'Home visiting plus' });
    s.undo();
    expect(programOf(s, 'p1')).toMatchObject({ capacity: 120, label: 'Home visiting' });
    s.undo();
    expect(programOf(s, 'p1').capacity).toBeUndefined();
  });

  it('toggles life stages as chips and keeps the order of the clicks', async () => {
    const s = open(['p1']);
    const stages = screen.getByRole('group', { name: 'Life stages' });
    await fireEvent.click(within(stages).getByRole('button', { name: 'K–12' }));
    await fireEvent.click(within(stages).getByRole('button', { name: 'Early childhood' }));
    expect(programOf(s, 'p1').lifeStages).toEqual(['k12', 'early-childhood']);
    await fireEvent.click(within(stages).getByRole('button', { name: 'K–12' }));
    expect(programOf(s, 'p1').lifeStages).toEqual(['early-childhood']);
    flushSync();
    expect(within(stages).getByRole('button', { name: 'Early childhood' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('accepts language codes and refuses anything else', async () => {
    const s = open(['p1']);
    const input = screen.getByLabelText('Languages');
    await fireEvent.input(input, { target: { value: 'Spanish please' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toContain('is not a language code');
    expect(programOf(s, 'p1').languages).toBeUndefined();
    await fireEvent.input(input, { target: { value: 'es' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(programOf(s, 'p1').languages).toEqual(['es']);
  });

  it('refuses an empty name and markup in a name; undo takes back a rename', async () => {
    const s = open(['p1']);
    await typeAndCommit(/^Name/, '   ');
    expect(screen.getByRole('alert').textContent).toContain('Name cannot be empty.');
    await typeAndCommit(/^Name/, '<b>Home</b>');
    expect(programOf(s, 'p1').label).toBe('Home visiting');
    await typeAndCommit(/^Name/, 'Nurse home visiting');
    expect(programOf(s, 'p1').label).toBe('Nurse home visiting');
    s.undo();
    expect(programOf(s, 'p1').label).toBe('Home visiting');
  });

  it('edits several selected programs at once (bulk), in one undoable step', async () => {
    const s = open(['p1', 'p2']);
    const status = screen.getByLabelText(/^Status/) as HTMLSelectElement;
    await fireEvent.change(status, { target: { value: 'waitlist' } });
    expect([programOf(s, 'p1').status, programOf(s, 'p2').status]).toEqual(['waitlist', 'waitlist']);
    s.undo();
    expect([programOf(s, 'p1').status, programOf(s, 'p2').status]).toEqual(['active', 'active']);
  });
});
