// Timing helpers the benchmark suites share: run a step n times, report p50 / p95 in milliseconds.

export interface Sample {
  p50: number
  p95: number
}

export function percentiles(times: number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return {p50: at(0.5), p95: at(0.95)}
}

export async function time(iterations: number, run: (i: number) => unknown): Promise<Sample> {
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    await run(i)
    times.push(performance.now() - started)
  }
  return percentiles(times)
}

export const ms = (value: number) => `${value.toFixed(1)} ms`
