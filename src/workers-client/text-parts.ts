// A job's long texts (a county map's JSON: ~3.6 M characters, two bytes each once any name has an accent)
// cross to a worker a part per message, each sent as soon as it is written. Posted whole, the text was one
// task of 25–55 ms on the page, however finely it had been written. Both sides live here.
import { writeJsonInSlices } from '../model/json-slices.ts';

/** Where a text waits in the worker: the job that sent it and its place among that job's texts. */
export interface TextRef {
  job: number;
  index: number;
}

/** What a worker exposes to receive texts in parts. */
export interface TextReceiver {
  textPart(ref: TextRef, part: string): void;
}

/** The worker's side: the parts of the latest job's texts. A newer job's first part drops an older job's. */
export class TextInbox implements TextReceiver {
  private job = -1;
  private texts: string[][] = [];

  readonly textPart = (ref: TextRef, part: string): void => {
    if (ref.job !== this.job) {
      this.job = ref.job;
      this.texts = [];
    }
    (this.texts[ref.index] ??= []).push(part);
  };

  /** The whole text (forgotten here once taken). */
  readonly take = (ref: TextRef): string => {
    const parts = ref.job === this.job ? this.texts[ref.index] : undefined;
    if (!parts) throw new Error(`text ${ref.index} of job ${ref.job} never arrived`);
    delete this.texts[ref.index];
    return parts.join('');
  };
}

/**
 * The page's side: writes `values` as JSON a few ms per task and sends each part on as it is written.
 * Null if `wanted()` turns false meanwhile (the worker then holds parts that a newer job's will drop).
 */
export async function sendAsJson(receiver: TextReceiver, job: number, values: object[], wanted: () => boolean): Promise<TextRef[] | null> {
  const refs: TextRef[] = [];
  for (const [index, value] of values.entries()) {
    const ref = { job, index };
    if (!(await writeJsonInSlices(value, (part) => receiver.textPart(ref, part), wanted))) return null;
    refs.push(ref);
  }
  return refs;
}
