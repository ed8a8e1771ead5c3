// A worker client's jobs on whole maps: the maps cross as JSON text written across tasks, and a newer job
// (or a cancel) while that text is still being written drops the older job. The "worker" here is a real
// comlink endpoint on a MessageChannel, so the text crosses a real message port.
import { afterEach, describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { CancellableWorker } from '../../../src/workers-client/cancellable.ts';
import { syntheticMap } from '../../../src/model/synthetic.ts';
import { TextInbox, type TextRef } from '../../../src/workers-client/text-parts.ts';

class Cancelled extends Error {}

type Api = { textPart(ref: TextRef, part: string): void; measure(...texts: TextRef[]): number[] };

/** A worker that records the texts it was given and answers with their lengths; a fresh inbox per worker. */
function fakeWorker(received: string[][]) {
  const spawned: MessagePort[] = [];
  const spawn = () => {
    const inbox = new TextInbox();
    const api: Api = {
      textPart: inbox.textPart,
      measure: (...refs) => {
        const texts = refs.map(inbox.take);
        received.push(texts);
        return texts.map((text) => text.length);
      },
    };
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
    spawned.push(port1, port2);
    return Object.assign(port2, { terminate: () => (port1.close(), port2.close()) }) as unknown as Worker;
  };
  return { spawn, close: () => spawned.forEach((port) => port.close()) };
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function client() {
  const received: string[][] = [];
  const fake = fakeWorker(received);
  const worker = new CancellableWorker<Api>(fake.spawn, () => new Cancelled());
  cleanups.push(() => worker.destroy(), fake.close);
  return { worker, received };
}

describe('a worker job on whole maps', () => {
  it('hands the worker each map as the text JSON.stringify writes, sent in parts', async () => {
    const { worker, received } = client();
    const [a, b] = [syntheticMap(1500), syntheticMap(300)];
    const lengths = await worker.runWithText([a, b], (api, texts) => api.measure(...texts));
    expect(received).toEqual([[JSON.stringify(a), JSON.stringify(b)]]);
    expect(lengths).toEqual([JSON.stringify(a).length, JSON.stringify(b).length]);
    // The next job's texts are its own, not appended to the last one's.
    const c = syntheticMap(50);
    expect(await worker.runWithText([c], (api, texts) => api.measure(...texts))).toEqual([JSON.stringify(c).length]);
  });

  it('is dropped when a newer job starts while its map is being written; only the newer one reaches the worker', async () => {
    const { worker, received } = client();
    const older = worker.runWithText([syntheticMap(2000)], (api, texts) => api.measure(...texts));
    const small = syntheticMap(20);
    const newer = worker.runWithText([small], (api, texts) => api.measure(...texts));
    await expect(older).rejects.toBeInstanceOf(Cancelled);
    await expect(newer).resolves.toEqual([JSON.stringify(small).length]);
    expect(received).toEqual([[JSON.stringify(small)]]);
  });

  it('is dropped by a cancel while its map is being written', async () => {
    const { worker, received } = client();
    const job = worker.runWithText([syntheticMap(200)], (api, texts) => api.measure(...texts));
    worker.cancel();
    await expect(job).rejects.toBeInstanceOf(Cancelled);
    expect(received).toEqual([]);
  });
});
