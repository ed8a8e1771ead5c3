// The Simulate panel's state: the settings, the run in flight (progress, cancel), the latest result,
// a scenario comparison and the "who is critical" ranking. Work happens in the simulation worker.
import { SimulationCancelled, SimulationClient } from '../../workers-client/simulation.ts';
import type { SimulationRun } from '../../simulation/index.ts';
import type { Comparison, Scenario } from '../../simulation/scenarios.ts';
import type { SimulationResults } from './features.ts';
import type { Studio } from './studio.svelte.ts';

export class SimulationState implements SimulationResults {
  cohort = $state(1000);
  seed = $state(1);
  /** Where people enter: '' for every entry point, else a life stage id (SPEC `--entry`). */
  entry = $state('');
  running = $state<null | 'run' | 'compare' | 'critical'>(null);
  progress = $state(0);
  /** The latest baseline run (the report reads it). */
  result = $state.raw<SimulationRun | null>(null);
  comparison = $state.raw<(Comparison & { label: string }) | null>(null);
  critical = $state.raw<{ organization: string; lost: number }[] | null>(null);
  error = $state<string | null>(null);
  /** Draw people passing and lost on the canvas (only while the Simulate tab is open). */
  showOnMap = $state(true);
  /** The flow diagram's wide dialog is open. */
  flowOpen = $state(false);
  private readonly client = new SimulationClient();
  private readonly studio: Studio;

  constructor(studio: Studio) {
    this.studio = studio;
  }

  private options() {
    return { cohort: this.cohort, seed: this.seed, ...(this.entry ? { entry: this.entry } : {}) };
  }

  /** What the canvas draws: the latest result, only in the Simulate tab, never on slides or in an embed. */
  get overlayResult(): SimulationRun['exact'] | SimulationRun | null {
    const studio = this.studio;
    if (!this.showOnMap || studio.sidebarTab !== 'simulate' || studio.presentation.active || studio.embedded || studio.stageMode !== 'canvas') return null;
    return this.result?.exact ?? this.result ?? null;
  }

  private async work<T>(kind: 'run' | 'compare' | 'critical', job: () => Promise<T>): Promise<T | undefined> {
    this.running = kind;
    this.progress = 0;
    this.error = null;
    try {
      return await job();
    } catch (error) {
      if (!(error instanceof SimulationCancelled)) this.error = String((error as Error)?.message ?? error);
      return undefined;
    } finally {
      this.running = null;
    }
  }

  async run(): Promise<void> {
    const options = this.options();
    const onProgress = (done: number) => (this.progress = done / options.cohort);
    const result = await this.work('run', () => this.client.run(this.studio.snapshot.map, options, onProgress));
    if (result) this.result = result;
  }

  async compare(scenario: Scenario, label: string): Promise<void> {
    const comparison = await this.work('compare', () => this.client.compare(this.studio.snapshot.map, scenario, this.options()));
    if (comparison) {
      this.comparison = { ...comparison, label };
      this.result = comparison.baseline;
    }
  }

  async rankCritical(): Promise<void> {
    const ranking = await this.work('critical', () => this.client.critical(this.studio.snapshot.map, this.options()));
    if (ranking) this.critical = ranking;
  }

  cancel(): void {
    this.client.cancel();
  }

  destroy(): void {
    this.client.destroy();
  }
}
