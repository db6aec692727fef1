import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SpooledEntry } from '../storage/index.js';

/**
 * The on-disk layout of the file delivery spool: `segment-<first seq, 16 digits>.ndjson` files of `<seq>\t<line>\n`
 * records, and `released` holding the highest released seq. A line without its `\n` (the process died inside a
 * write) is incomplete and ignored, as is anything after it in that segment.
 */
export const RELEASED_FILE = 'released';
const SEGMENT = /^segment-(\d{16})\.ndjson$/;

export function segmentName(firstSeq: number): string {
  return `segment-${String(firstSeq).padStart(16, '0')}.ndjson`;
}

export interface SegmentFile {
  readonly name: string;
  readonly entries: SpooledEntry[];
  /** Highest seq in the file (firstSeq - 1 when empty). */
  readonly lastSeq: number;
}

/** Every segment in seq order, with its complete entries. */
export async function readSegments(dir: string): Promise<SegmentFile[]> {
  const names = (await readdir(dir)).filter((name) => SEGMENT.test(name)).sort();
  const segments: SegmentFile[] = [];
  for (const name of names) {
    const firstSeq = Number(SEGMENT.exec(name)?.[1]);
    const entries = parseSegment(await readFile(join(dir, name), 'utf8'));
    segments.push({ name, entries, lastSeq: entries.at(-1)?.seq ?? firstSeq - 1 });
  }
  return segments;
}

function parseSegment(text: string): SpooledEntry[] {
  const entries: SpooledEntry[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) return entries; // a torn final write, or the end
    const record = text.slice(start, end);
    start = end + 1;
    const tab = record.indexOf('\t');
    const seq = Number(record.slice(0, tab));
    if (tab <= 0 || !Number.isSafeInteger(seq)) return entries;
    entries.push({ seq, line: record.slice(tab + 1) });
  }
}

export async function readReleased(dir: string): Promise<number> {
  try {
    const value = Number((await readFile(join(dir, RELEASED_FILE), 'utf8')).trim());
    return Number.isSafeInteger(value) ? value : 0;
  } catch {
    return 0;
  }
}
