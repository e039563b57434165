// Timing helpers the benchmark suites share: run a step n times, report p50 / p95 in milliseconds.
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

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

/**
 * A full collection now. The benches run without `--expose-gc`, so the collector is exposed at run
 * time. Called before a measurement, it keeps the garbage an earlier step left (the plain groq-js
 * reference builds hundreds of MB at 100k documents) from being collected inside the next one.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/**
 * The heap in use after a full collection, so a before/after difference measures what is kept, not
 * what happens to be uncollected yet (without it a load can read as a negative number of MB).
 */
export function heapAfterCollection(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}
