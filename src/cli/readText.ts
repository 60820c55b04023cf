import type { CheckFileSystem } from './fileSystem';

const BINARY_SNIFF_BYTES = 8000;

/**
 * The file's text; 'skipped' when it is larger than `maxBytes` or looks binary (a NUL byte near the start,
 * as git decides), or not a regular file (a pipe could keep a read waiting forever). Throws when it cannot be
 * read: the caller reports that.
 */
export async function readTextFile(files: CheckFileSystem, file: string, maxBytes: number): Promise<string | 'skipped'> {
  const stat = await files.stat(file);
  if (!stat.isFile() || stat.size > maxBytes) return 'skipped';
  const buffer = await files.readFile(file);
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return 'skipped';
  return buffer.toString('utf8');
}
