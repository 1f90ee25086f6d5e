/**
 * A file written whole or not at all: the bytes go to a temporary file beside it, which
 * then takes the file's name (rename is atomic on one file system). A process killed
 * mid-write leaves the old file, never half of the new one, and a reader in another
 * process never sees a partial file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeWholeFile(file: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data, { mode: options.mode ?? 0o644, flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
