// A comlink worker whose job can be cancelled or superseded: starting a job cancels the one in
// flight, and cancelling terminates the worker (a running computation cannot be interrupted
// otherwise); the next job starts a fresh one. Shared by the analysis and simulation clients.
import * as Comlink from 'comlink';

export class CancellableWorker<Api> {
  private worker: Worker | null = null;
  private api: Comlink.Remote<Api> | null = null;
  private rejectRunning: ((error: Error) => void) | null = null;

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

  cancel(): void {
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
