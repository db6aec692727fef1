import { fileURLToPath } from 'node:url';
import { describeDeliverySpoolContract } from '../storage/delivery-spool-contract.js';
import { openDeliverySpoolFile } from './delivery-spool-file.js';

describeDeliverySpoolContract('file', {
  open: (dir) => openDeliverySpoolFile({ dir, syncIntervalMs: 50, segmentBytes: 16 * 1024 }),
  crashChild: fileURLToPath(new URL('./testdata/spool-crash-child.ts', import.meta.url)),
});
