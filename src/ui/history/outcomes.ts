// Shared outcomes (meta.outcomes) across versions and now: one series per outcome, for a small chart.
import type { PathwaysMap } from '../../model/types.ts';

export interface OutcomeSeries {
  key: string;
  measure: string;
  target?: number;
  /** One value per column (versions, then now); null where that map does not state it. */
  actual: (number | null)[];
}

export function outcomeSeries(maps: PathwaysMap[]): OutcomeSeries[] {
  const series = new Map<string, OutcomeSeries>();
  maps.forEach((map, column) => {
    for (const outcome of map.meta.outcomes ?? []) {
      const key = outcome.id ?? `${outcome.measure}\u0000${outcome.stage ?? ''}`;
      const row = series.get(key) ?? { key, measure: outcome.measure, actual: maps.map(() => null) };
      row.actual[column] = typeof outcome.actual === 'number' ? outcome.actual : null;
      if (typeof outcome.target === 'number') row.target = outcome.target;
      series.set(key, row);
    }
  });
  return [...series.values()].filter((row) => row.actual.some((v) => v !== null));
}
