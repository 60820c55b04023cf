// Reading source files for their comment tags, fast: most files hold none, so the bytes are searched for a
// tag's start (`@` and a keyword, then a space or tab) before anything is decoded, and only a file that may
// hold one becomes text. The reader reuses one buffer for every file. Nothing here imports core: the scan
// worker (scanWorker.ts) is bundled from this file alone.
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';

const AT = 0x40;
const SPACE = 0x20;
const TAB = 0x09;
/** git's rule: a NUL byte in the first 8000 bytes makes a file binary. */
export const BINARY_SNIFF_BYTES = 8000;

/**
 * Says whether bytes may hold a tag. A UTF-8 byte below 0x80 is always that ASCII character (every byte of a
 * longer sequence is 0x80 or above), so `@keyword ` in the bytes is `@keyword ` in the decoded text: a file
 * this says no to has no tag, whatever else it holds (BOM, CRLF, invalid sequences).
 */
export class TagPrefilter {
  /** Keywords by their first byte, as bytes. */
  private readonly byFirst: (Uint8Array[] | undefined)[] = [];

  constructor(keywords: readonly string[]) {
    for (const keyword of keywords) {
      const bytes = Buffer.from(keyword, 'latin1');
      (this.byFirst[bytes[0] as number] ??= []).push(bytes);
    }
  }

  /**
   * Whether `bytes[0, length)` hold `@keyword` then a space or tab, the `@` not after a letter, digit, `_` or
   * `@` (scanTags needs all of that). When the buffer is longer than `length`, the byte at `length` is
   * overwritten (it stops the search there).
   */
  mayHoldTag(bytes: Uint8Array & { indexOf(value: number, byteOffset?: number): number }, length: number): boolean {
    if (bytes.length > length) bytes[length] = AT;
    for (let at = bytes.indexOf(AT, 0); at !== -1 && at < length; at = bytes.indexOf(AT, at + 1)) {
      if (at > 0 && isWordOrAt(bytes[at - 1] as number)) continue;
      const candidates = this.byFirst[bytes[at + 1] as number];
      if (candidates === undefined) continue;
      for (const keyword of candidates) if (followsAt(bytes, at, length, keyword)) return true;
    }
    return false;
  }
}

function followsAt(bytes: Uint8Array, at: number, length: number, keyword: Uint8Array): boolean {
  const end = at + 1 + keyword.length;
  if (end >= length) return false;
  for (let i = 1; i < keyword.length; i++) if (bytes[at + 1 + i] !== keyword[i]) return false;
  const after = bytes[end];
  return after === SPACE || after === TAB;
}

function isWordOrAt(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x40 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

/** Whether the first bytes hold a NUL (git's test for a binary file); looks no further than those. */
export function looksBinary(bytes: Uint8Array, length: number): boolean {
  const end = Math.min(length, BINARY_SNIFF_BYTES);
  if (end >= bytes.length) {
    const at = bytes.indexOf(0);
    return at !== -1 && at < end;
  }
  const saved = bytes[end] as number;
  bytes[end] = 0; // stops the search there
  const at = bytes.indexOf(0);
  bytes[end] = saved;
  return at < end;
}

/** What reading one file found. */
export const Read = {
  /** Not a regular file, larger than the limit, or binary: not scanned (as before, git's way). */
  Skipped: 0,
  /** Text without any tag: never decoded. */
  NoTags: 1,
  /** Text that may hold a tag: `SourceReader.text` holds it. */
  MayHoldTags: 2,
} as const;
export type Read = (typeof Read)[keyof typeof Read];

// A pipe opened without O_NONBLOCK waits for a writer; with it, a read ends at once.
const OPEN_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK);

/**
 * Reads files one at a time into one buffer, with synchronous calls (for a worker thread, or the CLI's own).
 * The files come from a folder listing that kept regular files only: there is no stat of each, its size is
 * what reading finds (reading stops one byte past the limit).
 */
export class SourceReader {
  private readonly buffer: Buffer;
  /** The text of the last file read, when it may hold tags. */
  text = '';

  constructor(private readonly prefilter: TagPrefilter, private readonly maxBytes: number) {
    // Room for one byte past the limit (to know a file is larger), and one more for the searches' end mark.
    this.buffer = Buffer.allocUnsafe(maxBytes + 2);
  }

  /** Throws what the file system throws (the caller reports it). */
  read(file: string): Read {
    if (process.platform === 'win32' && !statSync(file).isFile()) return Read.Skipped;
    const fd = openSync(file, OPEN_FLAGS);
    let length = 0;
    try {
      // A regular file (the listing kept no other kind) reads short only at its end: no second read for the
      // 0 that says so, one system call saved per file.
      for (let wanted = this.maxBytes + 1; length <= this.maxBytes;) {
        const count = readSync(fd, this.buffer, length, wanted, null);
        length += count;
        if (count < wanted) break;
        wanted = this.maxBytes + 1 - length;
      }
    } finally {
      closeSync(fd);
    }
    if (length > this.maxBytes || looksBinary(this.buffer, length)) return Read.Skipped;
    if (!this.prefilter.mayHoldTag(this.buffer, length)) return Read.NoTags;
    this.text = this.buffer.toString('utf8', 0, length);
    return Read.MayHoldTags;
  }
}

/** What one batch of files came to, by their place in the batch: texts that may hold tags, files skipped, files unreadable. */
export interface BatchResult {
  batch: number;
  texts: [index: number, text: string][];
  skipped: number[];
  failed: [index: number, message: string, code: string | undefined][];
}

/** Reads the files of one batch (absolute paths). */
export function scanBatch(reader: SourceReader, batch: number, files: readonly string[]): BatchResult {
  const result: BatchResult = { batch, texts: [], skipped: [], failed: [] };
  for (let index = 0; index < files.length; index++) {
    try {
      const read = reader.read(files[index] as string);
      if (read === Read.MayHoldTags) result.texts.push([index, reader.text]);
      else if (read === Read.Skipped) result.skipped.push(index);
    } catch (error) {
      const { message, code } = error as { message?: unknown; code?: unknown };
      result.failed.push([index, String(message), typeof code === 'string' ? code : undefined]);
    }
  }
  return result;
}

/**
 * Batches on offer to every thread: [0] is the next batch to take, [1] how many batches there are so far.
 * A thread takes batch n only once it has the batch's files, so it never takes one it cannot read.
 */
export class BatchCounter {
  private readonly shared: Int32Array;

  constructor(buffer: SharedArrayBuffer) {
    this.shared = new Int32Array(buffer);
  }

  static create(): SharedArrayBuffer {
    return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  }

  /** The next batch below `known` that no thread has taken, now taken by the caller; -1 when there is none. */
  take(known: number): number {
    for (;;) {
      const next = Atomics.load(this.shared, 0);
      if (next >= known) return -1;
      if (Atomics.compareExchange(this.shared, 0, next, next + 1) === next) return next;
    }
  }
}
