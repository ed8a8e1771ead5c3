import { describe, expect, it } from 'vitest';
import { simulationOverlay } from '../../../src/simulation/overlay.ts';

describe('simulation overlay', () => {
  it('widens referrals by the square root of people passing and marks where people were lost', () => {
    const overlay = simulationOverlay({ flows: { big: 400, quarter: 100, none: 0 }, lostAt: { e1: 12.4, P1: 0.3, P2: 7 } });
    expect(overlay.width.get('big')).toBe(14);
    expect(overlay.width.get('quarter')).toBe(8); // 2 + 12 × √(1/4)
    expect(overlay.width.has('none')).toBe(false);
    expect([...overlay.lost]).toEqual([['e1', 12], ['P2', 7]]);
  });

  it('marks only the biggest losses', () => {
    const lostAt = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`e${i}`, i + 1]));
    const overlay = simulationOverlay({ flows: {}, lostAt });
    expect([...overlay.lost.keys()]).toEqual(Array.from({ length: 12 }, (_, i) => `e${19 - i}`));
  });

  it('is empty without a result', () => {
    const overlay = simulationOverlay(null);
    expect(overlay.width.size + overlay.lost.size).toBe(0);
  });
});
