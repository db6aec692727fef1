/**
 * Benchmark knobs come from `BENCH_*` environment variables, read once by `run.ts` and passed down as options,
 * so a bench module never reads `process.env` itself.
 */
export type BenchEnv = Readonly<Record<string, string | undefined>>;

export function envInt(env: BenchEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  // Accept 1_000_000 and 1e6 so the knobs are easy to type.
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not '${text}'`);
  return Math.floor(value);
}

export function envFlag(env: BenchEnv, name: string): boolean {
  const text = env[name];
  return text !== undefined && /^(1|true|yes|on)$/i.test(text.trim());
}
