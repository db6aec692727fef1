import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeliverySpool, SpooledEntry } from '../storage/index.js';
import { readReleased, readSegments, RELEASED_FILE, segmentName } from './spool-segments.js';

export interface DeliverySpoolFileOptions {
  /** Folder of the spool (created if missing), e.g. `<data dir>/bedrock-delivery-spool`. */
  readonly dir: string;
  /** Buffered appends are written and fsynced this often; the most a crash can lose. Default 200 ms. */
  readonly syncIntervalMs?: number;
  /** A new segment is started after one grows past this; finished segments are deleted whole. Default 8 MiB. */
  readonly segmentBytes?: number;
  /** Told about a failed background write (the entries stay buffered and are retried on the next tick). */
  readonly onError?: (error: unknown) => void;
}

/**
 * The DeliverySpool as append-only files (layout in spool-segments.ts). Appends go to a memory buffer that a
 * timer writes and fsyncs every `syncIntervalMs`, off the request path and in one write per tick. A segment is
 * deleted once every entry in it is released; the live segment is truncated to empty instead.
 */
export async function openDeliverySpoolFile(options: DeliverySpoolFileOptions): Promise<DeliverySpool> {
  await mkdir(options.dir, { recursive: true });
  const released = await readReleased(options.dir);
  const segments = await readSegments(options.dir);
  const recovered = segments.flatMap((s) => s.entries).filter((e) => e.seq > released);
  const nextSeq = Math.max(released, ...segments.map((s) => s.lastSeq)) + 1;
  // Finished (or empty) segments go now; one of them may carry the name the new live segment is about to take.
  for (const segment of segments.filter((s) => s.lastSeq <= released)) await rm(join(options.dir, segment.name), { force: true });
  const oldSegments = segments.filter((s) => s.lastSeq > released).map((s) => ({ name: s.name, lastSeq: s.lastSeq }));
  const spool = new FileSpool(options, recovered, nextSeq, released, oldSegments);
  await spool.start();
  return spool;
}

class FileSpool implements DeliverySpool {
  private buffer: string[] = [];
  private file: { name: string; handle: FileHandle; bytes: number; lastSeq: number } | undefined;
  private closedSegments: { name: string; lastSeq: number }[];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private releasedSynced: number;
  private closed = false;

  constructor(
    private readonly options: DeliverySpoolFileOptions,
    private recovered: readonly SpooledEntry[],
    private nextSeq: number,
    private released: number,
    oldSegments: { name: string; lastSeq: number }[],
  ) {
    this.releasedSynced = released;
    this.closedSegments = oldSegments;
  }

  async start(): Promise<void> {
    await this.openSegment();
    this.timer = setInterval(() => void this.sync().catch((error: unknown) => this.options.onError?.(error)), this.options.syncIntervalMs ?? 200);
    this.timer.unref();
  }

  takeRecovered(): readonly SpooledEntry[] {
    const entries = this.recovered;
    this.recovered = [];
    return entries;
  }

  append(line: string): number {
    if (this.closed) throw new Error('delivery spool is closed');
    if (line.includes('\n')) throw new RangeError('a spool entry must be one line');
    const seq = this.nextSeq++;
    this.buffer.push(`${seq}\t${line}\n`);
    return seq;
  }

  release(upTo: number): void {
    this.released = Math.max(this.released, Math.min(upTo, this.nextSeq - 1));
  }

  flush(): Promise<void> {
    return this.sync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.timer);
    this.closed = true;
    try {
      await this.sync();
    } finally {
      await this.file?.handle.close();
      this.file = undefined;
    }
  }

  /** One write + fsync of everything buffered, then space reclaimed; ticks never overlap. */
  private sync(): Promise<void> {
    // A failed tick must not poison the chain: the next one tries again.
    const next = this.chain.catch(() => undefined).then(() => this.syncNow());
    this.chain = next;
    return next;
  }

  private async syncNow(): Promise<void> {
    const file = this.file;
    if (file === undefined) return;
    if (this.buffer.length > 0) {
      const text = this.buffer.join('');
      const last = this.nextSeq - 1; // appends made while this write is under way stay in the buffer
      this.buffer = [];
      try {
        await file.handle.write(text);
        await file.handle.datasync();
      } catch (error) {
        // Kept for the next tick; whatever part of it reached the file is cut off, so the retry starts a clean line.
        this.buffer.unshift(text);
        await file.handle.truncate(file.bytes).catch(() => undefined);
        throw error;
      }
      file.bytes += Buffer.byteLength(text);
      file.lastSeq = last;
    }
    await this.reclaim();
  }

  private async reclaim(): Promise<void> {
    const file = this.file;
    if (file === undefined) return;
    if (this.released !== this.releasedSynced) {
      // Written to a temporary name and renamed, so a crash leaves the old or the new value, never half of one.
      const tmp = join(this.options.dir, `${RELEASED_FILE}.tmp`);
      const handle = await open(tmp, 'w');
      await handle.writeFile(String(this.released));
      await handle.datasync();
      await handle.close();
      await rename(tmp, join(this.options.dir, RELEASED_FILE));
      this.releasedSynced = this.released;
    }
    const done = this.closedSegments.filter((s) => s.lastSeq <= this.released);
    this.closedSegments = this.closedSegments.filter((s) => s.lastSeq > this.released);
    for (const segment of done) await rm(join(this.options.dir, segment.name), { force: true });
    if (file.bytes > 0 && file.lastSeq <= this.released && this.buffer.length === 0) {
      await file.handle.truncate(0);
      file.bytes = 0;
    } else if (file.bytes >= (this.options.segmentBytes ?? 8 * 1024 * 1024)) {
      this.closedSegments.push({ name: file.name, lastSeq: file.lastSeq });
      await file.handle.close();
      await this.openSegment();
    }
  }

  private async openSegment(): Promise<void> {
    const name = segmentName(this.nextSeq);
    const handle = await open(join(this.options.dir, name), 'a');
    this.file = { name, handle, bytes: 0, lastSeq: this.nextSeq - 1 };
  }
}
