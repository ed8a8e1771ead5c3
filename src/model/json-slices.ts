// A big map as JSON text, a few milliseconds per task: what the page hands its workers. JSON.stringify of
// a county map (5,000 programs, 20,000 ties: ~4 MB) was one task of 50–90 ms, each time the analysis ran.
import { runInSlices } from './tasks.ts';

/** Array items written between looks at the clock. */
const JSON_STEP = 500;

function* jsonSteps(value: object): Generator<void, string> {
  const fields: string[] = [];
  for (const [key, field] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    if (!Array.isArray(field)) {
      fields.push(`${JSON.stringify(key)}:${JSON.stringify(field)}`);
      continue;
    }
    const items: string[] = [];
    for (let i = 0; i < field.length; i++) {
      items.push(JSON.stringify(field[i]) ?? 'null');
      if (i % JSON_STEP === JSON_STEP - 1) yield;
    }
    fields.push(`${JSON.stringify(key)}:[${items.join(',')}]`);
    yield;
  }
  return `{${fields.join(',')}}`;
}

/**
 * The text `JSON.stringify(value)` gives for a plain object (a map: its long lists are written an item at a
 * time), written ~`budgetMs` per task. Null if `wanted()` turns false between tasks.
 */
export async function stringifyInSlices(value: object, wanted: () => boolean = () => true, budgetMs = 8): Promise<string | null> {
  return (await runInSlices(jsonSteps(value), budgetMs, wanted))?.value ?? null;
}
