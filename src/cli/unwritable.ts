// A file the runner is asked to write, checked before the run rather than after it.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a file cannot be written at this path, or null: checked before a run, not after it. */
export function unwritable(path: string): string | null {
  const full = resolve(path);
  try {
    if (statSync(full).isDirectory()) return 'it is a directory';
    accessSync(full, constants.W_OK);
    return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return (e as Error).message;
  }
  try {
    const dir = dirname(full);
    if (!statSync(dir).isDirectory()) return `${dir} is not a directory`;
    accessSync(dir, constants.W_OK);
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? `no directory ${dirname(full)}` : (e as Error).message;
  }
}
