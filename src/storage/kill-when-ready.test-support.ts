import { spawn } from 'node:child_process';

/**
 * For crash tests: runs `script` (TypeScript, through tsx) with `args`, waits for it to print `ready <n>` — it has
 * acknowledged n writes and is still writing — kills it with SIGKILL at once, and resolves n.
 */
export function killWhenReady(script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let ready: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /ready (\d+)/.exec(out);
      if (match !== null && ready === undefined) {
        ready = Number(match[1]);
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (ready !== undefined && signal === 'SIGKILL') resolve(ready);
      else reject(new Error(`crash child ended without being killed (signal ${String(signal)}): ${out}`));
    });
  });
}
