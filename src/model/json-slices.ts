// A big map as JSON text, written a few milliseconds per task and handed on in parts: what the page sends
// its workers. JSON.stringify of a county map (5,000 programs, 20,000 ties: ~3.6 M characters) was one task
// of 50–90 ms at each analysis run, and posting that text whole another of 25–55 ms.
import { runInSlices } from './tasks.ts';

/** Array items written between looks at the clock; each such run is handed on as one part. */
const JSON_STEP = 500;

/** Emits, in parts, the text JSON.stringify gives for a plain object (its long lists an item at a time). */
function* jsonParts(value: object, emit: (part: string) => void): Generator<void, void> {
  let text = '{';
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(field)) {
      text += JSON.stringify(field);
      continue;
    }
    text += '[';
    const items: string[] = [];
    for (let i = 0; i < field.length; i++) {
      items.push(JSON.stringify(field[i]) ?? 'null');
      if (i % JSON_STEP === JSON_STEP - 1) {
        emit(text + items.join(',') + (i < field.length - 1 ? ',' : ''));
        text = '';
        items.length = 0;
        yield;
      }
    }
    text += `${items.join(',')}]`;
  }
  emit(`${text}}`);
}

/**
 * Writes `value` as JSON (the text `JSON.stringify` gives for a plain object such as a map), ~`budgetMs` per
 * task, handing each part to `emit` as it is written: the parts, joined, are the text. False if `wanted()`
 * turns false between tasks (the work was superseded): the parts emitted so far are then not the whole.
 */
export async function writeJsonInSlices(value: object, emit: (part: string) => void, wanted: () => boolean = () => true, budgetMs = 8): Promise<boolean> {
  return (await runInSlices(jsonParts(value, emit), budgetMs, wanted)) !== null;
}
