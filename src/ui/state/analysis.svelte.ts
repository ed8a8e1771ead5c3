// Keeps the insights current: after edits settle (debounced), the map goes to the worker; a newer
// edit cancels the run in flight. The page never waits for the analysis.
import { AnalysisCancelled, AnalysisClient } from '../../workers-client/analysis.ts';
import { untrack } from 'svelte';
import { nextTask } from '../../model/tasks.ts';
import type { AnalysisReport } from '../../analysis/types.ts';
import type { PathwaysMap } from '../../model/types.ts';
import type { LiveAnalysis } from './features.ts';
import type { Studio } from './studio.svelte.ts';

export const ANALYSIS_DEBOUNCE_MS = 300;
/** However long the canvas takes, the insights do not wait longer than this. */
const CANVAS_BUSY_MAX_WAIT_MS = 30_000;
/** A canvas not made by then (a hidden tab) is not waited for. */
const CANVAS_MADE_MAX_WAIT_MS = 1000;

export class AnalysisState implements LiveAnalysis {
  report = $state.raw<AnalysisReport | null>(null);
  /** The map the report describes (a report always reads against its own map). */
  analyzedMap = $state.raw<PathwaysMap | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  runs = $state(0);
  private readonly client = new AnalysisClient();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The newest map asked for: a wait for the canvas that ends after a newer edit analyses nothing. */
  private wanted: PathwaysMap | null = null;

  constructor(private readonly studio: Studio) {
    // Depends on the map alone: reading the report it writes would make each run schedule the next.
    $effect(() => {
      const map = studio.snapshot.map;
      clearTimeout(this.timer);
      // Another map opened here: the old map's findings would point at programs that are gone.
      if (untrack(() => studio.lastChange)?.load) {
        this.report = null;
        this.analyzedMap = null;
      }
      // The first analysis runs at once; later ones wait for edits to settle.
      const delay = untrack(() => this.report) ? ANALYSIS_DEBOUNCE_MS : 0;
      this.wanted = map;
      this.timer = setTimeout(() => this.analyzeWhenDrawn(map), delay);
      return () => {
        clearTimeout(this.timer);
        this.wanted = null;
      };
    });
    $effect(() => () => this.client.destroy());
  }

  /**
   * A big map still arriving on the canvas goes first: on two cores the analysis would halve its pace. The
   * canvas itself is made a frame or two after the studio mounts (Canvas.svelte), so it is waited for too.
   */
  private async analyzeWhenDrawn(map: PathwaysMap): Promise<void> {
    const studio = this.studio;
    const waited = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined));
    let canvas = untrack(() => studio.canvas);
    if (!canvas && untrack(() => studio.stageMode) === 'canvas') canvas = await Promise.race([studio.canvasMade(), waited(CANVAS_MADE_MAX_WAIT_MS)]);
    if (canvas) {
      await Promise.race([canvas.drawn(), waited(CANVAS_BUSY_MAX_WAIT_MS)]);
      // After the canvas's last step, not in it: the map's JSON for the worker starts with a slice of its own.
      await nextTask();
    }
    if (this.wanted === map) void this.analyze(map);
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
