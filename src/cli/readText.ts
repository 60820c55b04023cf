import { promises as fs } from 'node:fs';

const BINARY_SNIFF_BYTES = 8000;

/** The file's text, or undefined when it looks binary (a NUL byte near the start, as git decides). */
export async function readTextFile(file: string, maxBytes: number): Promise<string | undefined> {
  const stat = await fs.stat(file);
  if (stat.size > maxBytes) return undefined;
  const buffer = await fs.readFile(file);
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  return buffer.toString('utf8');
}
