/** Timing helpers for benchmarks: per-call latencies and percentiles. */

export interface Timing {
  n: number;
  perSecond: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Run `fn` over every input after a warm-up, timing each call. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 200): Timing {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]!);
  const times = new Float64Array(inputs.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < inputs.length; i++) {
    const t0 = process.hrtime.bigint();
    fn(inputs[i]!);
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
  times.sort();
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return {
    n: inputs.length,
    perSecond: (inputs.length / totalMs) * 1000,
    meanMs: totalMs / inputs.length,
    p50Ms: pct(50),
    p99Ms: pct(99),
  };
}

export function row(name: string, t: Timing): string {
  return `${name.padEnd(34)} ${t.perSecond.toFixed(0).padStart(9)}/s  mean ${t.meanMs.toFixed(3)} ms  p50 ${t.p50Ms.toFixed(3)} ms  p99 ${t.p99Ms.toFixed(3)} ms`;
}
