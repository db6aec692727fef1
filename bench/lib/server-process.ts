import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from './signed-client.js';

/** A built server (`dist/server/main.js`) started on a free port with its own temporary data folder. */
export interface RunningServer {
  readonly endpoint: Endpoint;
  readonly pid: number;
  readonly dataDir: string;
  /** The last lines the server wrote, for error messages. */
  recentOutput(): string;
  /** SIGTERM (graceful: in-flight requests finish, a CPU profile is written), then removes the data folder. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The server entry point; `DEFAULT_SERVER_MAIN` when absent. */
  readonly main?: string;
  /** Run the server under `--cpu-prof`, writing `*.cpuprofile` here on exit. */
  readonly cpuProfileDir?: string;
  /** More `node` flags, e.g. `--trace-gc`. */
  readonly nodeFlags?: readonly string[];
  /** Sees every line the server writes to stdout or stderr. */
  readonly onOutputLine?: (line: string) => void;
  /** More server arguments, e.g. `['--config', file]`. */
  readonly serverArgs?: readonly string[];
}

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_SERVER_MAIN = join(REPO_ROOT, 'dist', 'server', 'main.js');
const LISTENING = /listening on http:\/\/127\.0\.0\.1:(\d+)/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 60_000;

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'modelwatch-bench-'));
  const nodeFlags = [...(options.nodeFlags ?? [])];
  if (options.cpuProfileDir !== undefined) nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`);
  const args = [...nodeFlags, options.main ?? DEFAULT_SERVER_MAIN, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, ...(options.serverArgs ?? [])];
  // As `npm start` does: two glibc malloc arenas keep DuckDB's worker threads from each holding freed memory.
  const env = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const remember = (line: string): void => {
    options.onOutputLine?.(line);
    output.push(line);
    if (output.length > 40) output.shift();
  };
  // Keep draining both pipes for the server's whole life, or a chatty server would block on a full pipe.
  createInterface({ input: child.stderr }).on('line', remember);
  const port = await waitForPort(child, remember, () => output.join('\n'));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    endpoint: { host: '127.0.0.1', port },
    pid: child.pid ?? -1,
    dataDir,
    recentOutput: () => output.join('\n'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForPort(
  child: ChildProcessByStdio<null, Readable, Readable>,
  remember: (line: string) => void,
  recent: () => string,
): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${reason}\n${recent()}`));
    };
    const timer = setTimeout(() => fail(`no 'listening on' line within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('exit', (code, signal) => fail(`exited with ${signal ?? code}`));
    child.once('error', (error) => fail(error.message));
    createInterface({ input: child.stdout }).on('line', (line) => {
      remember(line);
      const match = LISTENING.exec(line);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolvePort(Number(match[1]));
    });
  });
}

/** Bytes the server keeps on disk (DuckDB file, WAL and anything else in its data folder). */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
