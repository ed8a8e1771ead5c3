// What a simulation adds to the canvas: referral width by people passing, and markers with the number
// of people lost at a referral or a program. Pure: per-element data the canvas applies in one batch.
import type { SimulationResult } from './types.ts';

export const MAX_LOST_MARKERS = 12;

export interface SimulationOverlay {
  /** Edge id → line width in pixels (2–14, by the square root of people passing). */
  width: Map<string, number>;
  /** Element id → people lost there, rounded for the label. */
  lost: Map<string, number>;
}

export function simulationOverlay(result: Pick<SimulationResult, 'flows' | 'lostAt'> | null): SimulationOverlay {
  const overlay: SimulationOverlay = { width: new Map(), lost: new Map() };
  if (!result) return overlay;
  const most = Math.max(0, ...Object.values(result.flows));
  for (const [id, people] of Object.entries(result.flows)) {
    if (people > 0) overlay.width.set(id, Math.round((2 + 12 * Math.sqrt(people / most)) * 10) / 10);
  }
  // Only the biggest losses get a marker: more would bury the map in labels (the panel lists all).
  const biggest = Object.entries(result.lostAt).sort((a, b) => b[1] - a[1]).slice(0, MAX_LOST_MARKERS);
  for (const [id, people] of biggest) {
    const rounded = Math.round(people);
    if (rounded > 0) overlay.lost.set(id, rounded);
  }
  return overlay;
}
