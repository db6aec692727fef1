import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { envFlag, type BenchEnv } from './bench-env.js';
import { summariseProfiles } from './cpu-profile-summary.js';
import { DEFAULT_SERVER_MAIN, startServer, type RunningServer } from './server-process.js';

/** How every bench starts its server: which entry point, and whether to take a CPU profile. */
export interface ServerLaunch {
  /** `dist/server/main.js` unless `BENCH_SERVER_MAIN` points at another build (e.g. a worktree of an older commit). */
  readonly main: string;
  /** `BENCH_CPU_PROF=1`: run the server under `--cpu-prof` and print its hottest functions. */
  readonly cpuProfile: boolean;
}

export function serverLaunchFromEnv(env: BenchEnv): ServerLaunch {
  const main = env.BENCH_SERVER_MAIN;
  return { main: main === undefined || main === '' ? DEFAULT_SERVER_MAIN : resolve(main), cpuProfile: envFlag(env, 'BENCH_CPU_PROF') };
}

export interface WithServerOutcome<T> {
  readonly value: T;
  /** Hottest server functions, when profiling was asked for. */
  readonly profile?: string;
}

export interface WithServerOptions {
  readonly launch: ServerLaunch;
  /** The bench's scratch folder; a CPU profile is written inside it. */
  readonly scratchDir: string;
  readonly nodeFlags?: readonly string[];
  readonly onOutputLine?: (line: string) => void;
  readonly serverArgs?: readonly string[];
}

/** Starts a fresh server, runs `work` against it, always stops it, then summarises its CPU profile if one was taken. */
export async function withServer<T>(options: WithServerOptions, work: (server: RunningServer) => Promise<T>): Promise<WithServerOutcome<T>> {
  const { launch, scratchDir, ...rest } = options;
  const cpuProfileDir = launch.cpuProfile ? join(scratchDir, 'cpu-profile') : undefined;
  if (cpuProfileDir !== undefined) await mkdir(cpuProfileDir, { recursive: true });
  const server = await startServer({ ...rest, main: launch.main, ...(cpuProfileDir === undefined ? {} : { cpuProfileDir }) });
  let value: T;
  try {
    value = await work(server);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`${detail}\n-- last server output --\n${server.recentOutput()}`, { cause: error });
  } finally {
    await server.stop();
  }
  return cpuProfileDir === undefined ? { value } : { value, profile: await summariseProfiles(cpuProfileDir, 25) };
}
