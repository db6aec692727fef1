// Crash child for the DeliverySpool contract: opens a file spool, follows a mode, says `ready <n>`, and keeps
// appending until the parent kills it with SIGKILL. Modes: flush (n entries flushed), wait (n entries appended more
// than a sync interval ago), release (entries 0..49 released, n flushed).
import { openDeliverySpoolFile } from '../delivery-spool-file.js';

const [dir, mode] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: spool-crash-child <dir> <mode>');
const spool = await openDeliverySpoolFile({ dir, syncIntervalMs: 50 });
let i = 0;
const append = (): number => spool.append(JSON.stringify({ i: i++, text: `entry ${i - 1}` }));
const seqs: number[] = [];
for (let k = 0; k < 100; k++) seqs.push(append());
if (mode === 'flush') await spool.flush();
if (mode === 'wait') await new Promise((resolve) => setTimeout(resolve, 400));
if (mode === 'release') {
  spool.release(seqs[49] ?? 0);
  await spool.flush();
}
const ready = i;
process.stdout.write(`ready ${ready}\n`);
// Keep writing so the kill lands mid-append.
for (;;) {
  for (let k = 0; k < 50; k++) append();
  await new Promise((resolve) => setImmediate(resolve));
}
