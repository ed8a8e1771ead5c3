// Keeps the insights current: after edits settle (debounced), the map goes to the worker; a newer
// edit cancels the run in flight. The page never waits for the analysis.
import { AnalysisCancelled, AnalysisClient } from '../../workers-client/analysis.ts';
import { untrack } from 'svelte';
import type { AnalysisReport } from '../../analysis/types.ts';
import type { PathwaysMap } from '../../model/types.ts';
import type { LiveAnalysis } from './features.ts';
import type { Studio } from './studio.svelte.ts';

export const ANALYSIS_DEBOUNCE_MS = 300;
const CANVAS_BUSY_RETRY_MS = 100;
/** However long the canvas takes, the insights do not wait longer than this. */
const CANVAS_BUSY_MAX_WAIT_MS = 30_000;

export class AnalysisState implements LiveAnalysis {
  report = $state.raw<AnalysisReport | null>(null);
  /** The map the report describes (a report always reads against its own map). */
  analyzedMap = $state.raw<PathwaysMap | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  runs = $state(0);
  private readonly client = new AnalysisClient();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(studio: Studio) {
    // Depends on the map alone: reading the report it writes would make each run schedule the next.
    $effect(() => {
      const map = studio.snapshot.map;
      clearTimeout(this.timer);
      // The first analysis runs at once; later ones wait for edits to settle.
      const delay = untrack(() => this.report) ? ANALYSIS_DEBOUNCE_MS : 0;
      this.timer = setTimeout(() => this.analyzeWhenDrawn(map), delay);
      return () => clearTimeout(this.timer);
    });
    $effect(() => () => this.client.destroy());
  }

  /** A big map still arriving on the canvas goes first: on two cores the analysis would halve its pace. */
  private analyzeWhenDrawn(map: PathwaysMap, waited = 0): void {
    const busy = typeof document !== 'undefined' && document.body.dataset.canvasBusy;
    if (busy && waited < CANVAS_BUSY_MAX_WAIT_MS) this.timer = setTimeout(() => this.analyzeWhenDrawn(map, waited + CANVAS_BUSY_RETRY_MS), CANVAS_BUSY_RETRY_MS);
    else void this.analyze(map);
  }

  private async analyze(map: PathwaysMap): Promise<void> {
    this.running = true;
    try {
      const report = await this.client.run(map);
      this.report = report;
      this.analyzedMap = map;
      this.error = null;
      this.runs++;
      this.running = false;
    } catch (error) {
      if (error instanceof AnalysisCancelled) return;
      this.error = String((error as Error)?.message ?? error);
      this.running = false;
    }
  }
}
