import { randomUUID } from 'node:crypto';
import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Suffix of the temporary files `writeFileAtomic` makes; a crash may leave them, and opening sweeps them. */
export const TEMP_SUFFIX = '.tmp';

/**
 * Writes `path` so a reader (or a restart after a crash) sees the old content or the new, never a torn file:
 * temp file in the same folder, fsync, rename over the target, fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.${randomUUID()}${TEMP_SUFFIX}`);
  const file = await open(temp, 'w');
  try {
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, path);
  await syncDirectory(dirname(path));
}

/** Makes a folder's entries (a rename, an unlink) durable. */
export async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
