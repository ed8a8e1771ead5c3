// A comlink worker whose job can be cancelled or superseded: starting a job cancels the one in
// flight, and cancelling terminates the worker (a running computation cannot be interrupted
// otherwise); the next job starts a fresh one. Shared by every worker client.
import * as Comlink from 'comlink';
import { sendAsJson, type TextReceiver, type TextRef } from './text-parts.ts';

export class CancellableWorker<Api> {
  private worker: Worker | null = null;
  private api: Comlink.Remote<Api> | null = null;
  private rejectRunning: ((error: Error) => void) | null = null;
  /** Jobs started or cancelled so far: a job whose maps are still being written when this moves on is dropped. */
  private generation = 0;

  constructor(
    private readonly spawn: () => Worker,
    /** The error a cancelled or superseded job rejects with. */
    private readonly cancelled: () => Error,
  ) {}

  private remote(): Comlink.Remote<Api> {
    if (!this.api) {
      this.worker = this.spawn();
      this.api = Comlink.wrap<Api>(this.worker);
    }
    return this.api;
  }

  run<T>(job: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
    this.cancel();
    return new Promise<T>((resolve, reject) => {
      this.rejectRunning = reject;
      job(this.remote()).then(
        (value) => {
          if (this.rejectRunning !== reject) return;
          this.rejectRunning = null;
          resolve(value);
        },
        (error) => {
          if (this.rejectRunning !== reject) return;
          this.rejectRunning = null;
          reject(error);
        },
      );
    });
  }

  /**
   * Like `run`, for jobs that take whole maps: the worker receives each as JSON text, written and sent in parts
   * a few ms per task (text-parts.ts), and the job gets where they wait. Text, not structured clones: far cheaper
   * for the page. Starting cancels the job in flight; a newer job or a cancel meanwhile rejects this one.
   */
  async runWithText<T>(this: CancellableWorker<Api & TextReceiver>, values: object[], job: (api: Comlink.Remote<Api & TextReceiver>, texts: TextRef[]) => Promise<T>): Promise<T> {
    this.cancel();
    const generation = this.generation;
    const texts = await sendAsJson(this.remote(), generation, values, () => generation === this.generation);
    // Written in one go (a small map), the text is done before a cancel or a newer job made just after it.
    if (!texts || generation !== this.generation) throw this.cancelled();
    return this.run((api) => job(api, texts));
  }

  cancel(): void {
    this.generation++;
    if (!this.rejectRunning) return;
    this.rejectRunning(this.cancelled());
    this.rejectRunning = null;
    this.terminate();
  }

  destroy(): void {
    this.cancel();
    this.terminate();
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
