import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a V8 `.cpuprofile` (as written by `node --cpu-prof`) that a self-time summary needs. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotFunction {
  readonly name: string;
  readonly location: string;
  readonly selfMs: number;
  readonly share: number;
}

/** Self time per function, hottest first; `(idle)` is left out so shares are of busy time. */
export function hotFunctions(profile: CpuProfile, top: number): HotFunction[] {
  const frameOf = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const selfUs = new Map<string, { name: string; location: string; us: number }>();
  let busyUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = frameOf.get(nodeId);
    const delta = profile.timeDeltas[index] ?? 0;
    if (frame === undefined || frame.functionName === '(idle)') return;
    busyUs += delta;
    const file = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|dist)\//, '$1/');
    const location = file === '' ? '' : `${file}:${frame.lineNumber + 1}`;
    const key = `${frame.functionName}@${location}`;
    const entry = selfUs.get(key) ?? { name: frame.functionName || '(anonymous)', location, us: 0 };
    entry.us += delta;
    selfUs.set(key, entry);
  });
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((entry) => ({ name: entry.name, location: entry.location, selfMs: entry.us / 1000, share: busyUs === 0 ? 0 : entry.us / busyUs }));
}

/** Summarises every profile in a `--cpu-prof-dir` folder. */
export async function summariseProfiles(dir: string, top: number): Promise<string> {
  const lines: string[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
    lines.push(`  hottest functions by self time (server main thread, ${file}):`);
    for (const hot of hotFunctions(profile, top)) {
      lines.push(`    ${(hot.share * 100).toFixed(1).padStart(5)}%  ${hot.selfMs.toFixed(0).padStart(7)} ms  ${hot.name}  ${hot.location}`);
    }
  }
  return lines.length === 0 ? `  no .cpuprofile written in ${dir} (did the server exit gracefully?)` : lines.join('\n');
}
