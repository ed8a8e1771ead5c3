/** Runs `fn` `runs` times after one warm-up and reports the median and best in milliseconds. */
export async function measure(label: string, fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${label.padEnd(64)} median ${median.toFixed(1).padStart(9)} ms   best ${times[0].toFixed(1).padStart(9)} ms`);
  return median;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
