// The table view is the keyboard and screen-reader path to the map: its sort, filter and in-place
// edits must do exactly what the canvas and inspector do, through the same mutations.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import TableView from '../../src/ui/table/TableView.svelte';
import { Studio } from '../../src/ui/state/studio.svelte.ts';
import { createMapDoc } from '../../src/model/doc.ts';
import { readMapFile } from '../../src/model/snapshot.ts';
import type { ProgramNode, ReferralEdge } from '../../src/model/types.ts';
import { mapOf, org, program, referral } from '../fixtures/maps.ts';

let studio: Studio | undefined;
afterEach(() => {
  cleanup();
  studio?.destroy();
});

function open() {
  const map = mapOf(
    [
      org('o1', 'nonprofit'),
      program('p1', { label: 'Home visiting', organization: 'o1', capacity: 40 }),
      program('p2', { label: 'Pre-K', capacity: 300, status: 'waitlist' }),
      program('p3', { label: 'Adult literacy', capacity: 120 }),
    ],
    [{ ...referral('p1', 'p2'), id: 'r1', volume: 12 }],
  );
  studio = new Studio(createMapDoc(map), 'test');
  render(TableView, { studio });
  return studio;
}

const rowNames = () => screen.getAllByRole('row').slice(1).map((row) => (within(row).getAllByRole('textbox')[0] as HTMLInputElement).value);

describe('table view (component)', () => {
  it('sorts by a column, and the header says how (aria-sort)', async () => {
    open();
    // Default: by name, ascending.
    expect(rowNames()).toEqual(['Adult literacy', 'Home visiting', 'o1', 'Pre-K']);
    const capacity = screen.getByRole('button', { name: /Capacity/ });
    await fireEvent.click(capacity);
    // Numbers as numbers (40 < 120 < 300), the organization with no capacity last.
    expect(rowNames()).toEqual(['Home visiting', 'Adult literacy', 'Pre-K', 'o1']);
    expect(capacity.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(capacity);
    expect(rowNames()).toEqual(['Pre-K', 'Adult literacy', 'Home visiting', 'o1']);
    expect(capacity.closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('filters rows by every typed word', async () => {
    open();
    await fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'program waitlist' } });
    expect(rowNames()).toEqual(['Pre-K']);
  });

  it('edits a cell through the model’s mutations, and refuses an invalid value', async () => {
    const s = open();
    const capacity = screen.getByLabelText('Capacity of Home visiting');
    await fireEvent.input(capacity, { target: { value: '55' } });
    await fireEvent.change(capacity);
    const p1 = () => readFileProgram(s, 'p1');
    expect(p1().capacity).toBe(55);
    await fireEvent.change(screen.getByLabelText('Status of Home visiting'), { target: { value: 'paused' } });
    expect(p1().status).toBe('paused');
    const name = screen.getByLabelText('Name of Home visiting');
    await fireEvent.input(name, { target: { value: '' } });
    await fireEvent.change(name);
    expect(p1().label).toBe('Home visiting');
    expect(screen.getByRole('status').textContent).toContain('Not saved');
  });

  it('edits a referral’s status on the ties tab', async () => {
    const s = open();
    await fireEvent.click(screen.getByRole('button', { name: /^Ties/ }));
    await fireEvent.change(screen.getByLabelText('Status of referral Home visiting to Pre-K'), { target: { value: 'broken' } });
    expect((readMapFile(s.doc).edges[0] as ReferralEdge).status).toBe('broken');
  });
});

function readFileProgram(s: Studio, id: string): ProgramNode {
  return readMapFile(s.doc).nodes.find((n) => n.id === id) as ProgramNode;
}
