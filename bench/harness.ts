import { performance } from 'node:perf_hooks'

/** One line of bench/results.json: a value, its unit, and where there is one, the physical limit and the ratio. */
export interface Figure {
  name: string
  value: number
  unit: string
  limit?: number
  ratio?: number
  /** the target this figure is held against, e.g. "p95 < 50 ms" */
  target?: string
  met?: boolean
}

export interface Timing {
  fastest: number
  median: number
  p95: number
  runs: number
}

/**
 * Runs fn repeatedly (after a warm-up) and reports fastest, median and p95 in milliseconds. 60 samples: a p95
 * of 10 is just the slowest sample, which on a shared machine is whatever else ran at that moment.
 * The fastest run beside it shows what the work itself costs.
 */
export async function time(fn: () => unknown, runs = 60, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!
  return { fastest: samples[0]!, median: at(0.5), p95: at(0.95), runs }
}

/** Latency figures (fastest, median and p95 of t.runs samples) held against a p95 target in ms. */
export function latency(name: string, t: Timing, targetMs: number): Figure[] {
  return [
    { name: `${name} (fastest)`, value: round(t.fastest), unit: 'ms' },
    { name: `${name} (median)`, value: round(t.median), unit: 'ms' },
    { name: `${name} (p95)`, value: round(t.p95), unit: 'ms', target: `p95 < ${targetMs} ms`, met: t.p95 < targetMs },
  ]
}

/** Our time against the bare-stack time for the same work, measured in the same run. */
export function ratio(name: string, ours: number, limit: number, maxRatio: number): Figure {
  const r = ours / limit
  return { name, value: round(ours), unit: 'ms', limit: round(limit), ratio: round(r, 2), target: `ratio ≤ ${maxRatio}`, met: r <= maxRatio }
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits
