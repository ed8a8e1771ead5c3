// The Simulate panel's state: the settings, the run in flight (progress, cancel), the latest result,
// a scenario comparison and the "who is critical" ranking. Work happens in the simulation worker.
import * as Comlink from 'comlink';
import { SimulationCancelled, SimulationClient } from '../../workers-client/simulation.ts';
import type { SimulationRun } from '../../simulation/index.ts';
import type { Comparison, Scenario } from '../../simulation/scenarios.ts';
import type { Studio } from './studio.svelte.ts';

export class SimulationState {
  cohort = $state(1000);
  seed = $state(1);
  running = $state<null | 'run' | 'compare' | 'critical'>(null);
  progress = $state(0);
  /** The latest baseline run (the report reads it). */
  result = $state.raw<SimulationRun | null>(null);
  comparison = $state.raw<(Comparison & { label: string }) | null>(null);
  critical = $state.raw<{ organization: string; lost: number }[] | null>(null);
  error = $state<string | null>(null);
  /** Draw people passing and lost on the canvas. */
  showOnMap = $state(true);
  private readonly client = new SimulationClient();
  private readonly studio: Studio;

  constructor(studio: Studio) {
    this.studio = studio;
  }

  private options() {
    return { cohort: this.cohort, seed: this.seed };
  }

  private async work<T>(kind: 'run' | 'compare' | 'critical', job: Parameters<SimulationClient['run']>[0]): Promise<T | undefined> {
    this.running = kind;
    this.progress = 0;
    this.error = null;
    try {
      return (await this.client.run(job)) as T;
    } catch (error) {
      if (!(error instanceof SimulationCancelled)) this.error = String((error as Error)?.message ?? error);
      return undefined;
    } finally {
      this.running = null;
    }
  }

  async run(): Promise<void> {
    const mapJson = JSON.stringify(this.studio.snapshot.map);
    const options = this.options();
    const onProgress = Comlink.proxy((done: number) => (this.progress = done / options.cohort));
    const result = await this.work<SimulationRun>('run', (api) => api.run(mapJson, options, onProgress));
    if (result) this.result = result;
  }

  async compare(scenario: Scenario, label: string): Promise<void> {
    const mapJson = JSON.stringify(this.studio.snapshot.map);
    const comparison = await this.work<Comparison>('compare', (api) => api.compare(mapJson, scenario, this.options()));
    if (comparison) {
      this.comparison = { ...comparison, label };
      this.result = comparison.baseline;
    }
  }

  async rankCritical(): Promise<void> {
    const mapJson = JSON.stringify(this.studio.snapshot.map);
    const ranking = await this.work<{ organization: string; lost: number }[]>('critical', (api) => api.critical(mapJson, this.options()));
    if (ranking) this.critical = ranking;
  }

  cancel(): void {
    this.client.cancel();
  }

  destroy(): void {
    this.client.destroy();
  }
}
