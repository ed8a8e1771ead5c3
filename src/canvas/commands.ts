// What the studio asks the canvas to do — frame these elements, arrange the network again, move to
// the view being shown — as method calls, not counters to watch. The studio holds one CanvasCommands
// for its whole life; the Cytoscape component connects to it when it mounts and carries the calls
// out. A call made while no canvas is connected (a share link or a presenter's slide arriving before
// the canvas mounts) is kept — only the latest, which would have replaced the others on screen — and
// carried out when the canvas connects.
import type { Viewport } from './port.svelte.ts';

/** What the mounted canvas does for each command. */
export interface CanvasCommandHandlers {
  frame(ids: string[]): void;
  rearrange(): void;
  /** `restore`: put the viewport exactly here instead of framing the view (back from a presentation). */
  showView(restore: Viewport | null): void;
}

type Command = (handlers: CanvasCommandHandlers) => void;

export class CanvasCommands {
  #handlers: CanvasCommandHandlers | null = null;
  #pending: Command | null = null;

  /** Fit these elements and their neighbours in the view (selection alone does not move the view). */
  frame(ids: string[]): void {
    const copy = [...ids];
    this.#send((handlers) => handlers.frame(copy));
  }

  /** Run the network layout again (in the network layout only). */
  rearrange(): void {
    this.#send((handlers) => handlers.rearrange());
  }

  /** Move to the current view's viewport (or frame what it shows), or put back a viewport saved before. */
  showView(options: { restore?: Viewport | null } = {}): void {
    const restore = options.restore ? { zoom: options.restore.zoom, pan: { ...options.restore.pan } } : null;
    this.#send((handlers) => handlers.showView(restore));
  }

  #send(command: Command): void {
    if (this.#handlers) command(this.#handlers);
    else this.#pending = command;
  }

  /** The canvas mounted: it runs the command kept for it, then each as it comes. Returns the disconnect. */
  connect(handlers: CanvasCommandHandlers): () => void {
    this.#handlers = handlers;
    const pending = this.#pending;
    this.#pending = null;
    pending?.(handlers);
    return () => {
      if (this.#handlers === handlers) this.#handlers = null;
    };
  }
}
