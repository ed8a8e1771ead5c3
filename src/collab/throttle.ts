// Latest-wins throttle for what a screen tells the room (its pointer, its viewport): a task runs at
// once when the last one ran at least `interval()` ms ago; otherwise the newest task waits until then
// and the ones it replaced never run. So a long move sends a few messages, and always its end.
export class Throttle {
  readonly #interval: () => number;
  #last = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `interval`: asked at each run, so it can grow with the room. */
  constructor(interval: () => number) {
    this.#interval = interval;
  }

  run(task: () => void): void {
    this.cancel();
    const wait = this.#interval() - (performance.now() - this.#last);
    if (wait > 0) this.#timer = setTimeout(() => this.now(task), wait);
    else this.now(task);
  }

  /** Runs `task` at once, dropping any task still waiting. */
  now(task: () => void): void {
    this.cancel();
    this.#last = performance.now();
    task();
  }

  /** Drops the task still waiting, if any. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
