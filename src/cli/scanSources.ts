// The source files of `truthline check`, read for their comment tags on every core of the machine: worker
// threads and the main thread take batches of files from one shared counter (sourceScan.ts reads them), so a
// thread held up by large files does not hold up the rest. Only texts that may hold a tag come back.
// Through a CheckFileSystem other than Node's own (tests that make calls fail), the same reading is done in
// this thread through that file system.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TAG_KEYWORDS, unreadableFileProblem, type Problem, type TextFile } from '../core';
import { nodeFileSystem, reasonOf, type CheckFileSystem } from './fileSystem';
import { readTextFile } from './readText';
import { BatchCounter, looksBinary, scanBatch, SourceReader, TagPrefilter, type BatchResult } from './sourceScan';
import type { ScanWork, ScanWorkerData } from './scanWorker';

export interface ScanOptions {
  maxBytes: number;
  /** Worker threads besides this one; by default one fewer than the machine's cores, none for a few files. */
  workers?: number;
  /** Whether this thread reads files too once finish() is called (default true; tests turn it off). */
  thisThreadReads?: boolean;
}

export interface SourceScan {
  /** Files that may hold tags, with their text, in the order they were added. */
  sources: TextFile[];
  /** Files that could not be read. */
  problems: Problem[];
  /** Batches of files the worker threads read. */
  readByWorkers: number;
  /**
   * The file's text when it was read as text (for a flag's anchored lines), read again if it held no tag;
   * undefined when it is not text (binary, too large, unreadable).
   */
  textOf(file: string): Promise<string | undefined>;
}

export interface RunningScan {
  /** One more file to read (repository-relative); reading may start at once, on another thread. */
  add(file: string): void;
  /** Waits for the scan of every file added to end, taking part in it from this thread. */
  finish(): Promise<SourceScan>;
}

const BATCH_SIZE = 32;
/** Batches sent to the workers at a time. */
const BATCHES_PER_MESSAGE = 16;
/** A worker more for every so many files, up to one fewer than the cores: for a few files, starting one costs more than it saves. */
const FILES_PER_WORKER = 1000;

/**
 * Starts a scan of source files below `root`: add() them as the folders are listed, and call finish() once
 * this thread has nothing else to do.
 */
export function startSourceScan(files: CheckFileSystem, root: string, options: ScanOptions): RunningScan {
  const paths: string[] = [];
  if (files !== nodeFileSystem) return { add: (file) => paths.push(file), finish: () => scanThrough(files, root, paths, options.maxBytes) };
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const maxWorkers = options.workers ?? Math.min(cores - 1, 7);
  const data: ScanWorkerData = { keywords: [...TAG_KEYWORDS], maxBytes: options.maxBytes, counter: BatchCounter.create() };
  const counter = new BatchCounter(data.counter);
  const prefix = root.endsWith(path.sep) ? root : root + path.sep; // root is absolute; paths use '/', which every platform opens
  const batches: string[][] = [];
  const results: (BatchResult | undefined)[] = [];
  const workers: Worker[] = [];
  const running: Promise<void>[] = [];
  let sent = 0; // batches sent to the workers
  const send = (last: boolean): void => {
    const work: ScanWork = { first: sent, batches: batches.slice(sent), last };
    sent = batches.length;
    for (const worker of workers) worker.postMessage(work);
  };
  return {
    add: (file) => {
      paths.push(file);
      if (paths.length % BATCH_SIZE !== 0) return;
      batches.push(paths.slice(-BATCH_SIZE).map((relative) => prefix + relative));
      if (workers.length < maxWorkers && paths.length >= (workers.length + 1) * FILES_PER_WORKER) {
        const worker = startWorker(data, results, running);
        if (worker) {
          workers.push(worker);
          if (sent > 0) worker.postMessage({ first: 0, batches: batches.slice(0, sent), last: false } satisfies ScanWork);
        }
      }
      if (batches.length - sent >= BATCHES_PER_MESSAGE) send(false);
    },
    finish: async () => {
      const rest = paths.length % BATCH_SIZE;
      if (rest > 0) batches.push(paths.slice(-rest).map((relative) => prefix + relative));
      send(true);
      const reader = new SourceReader(new TagPrefilter(TAG_KEYWORDS), options.maxBytes);
      for (const worker of workers) worker.ref(); // now the check waits for them
      let readHere = 0;
      if (options.thisThreadReads ?? true) {
        for (let batch = counter.take(batches.length); batch !== -1; batch = counter.take(batches.length), readHere++) results[batch] = scanBatch(reader, batch, batches[batch] as string[]);
      }
      await Promise.all(running);
      // A worker that failed (it could not start, or stopped) leaves the batches it took undone: do them here.
      for (let batch = 0; batch < batches.length; batch++) {
        if (results[batch]) continue;
        results[batch] = scanBatch(reader, batch, batches[batch] as string[]);
        readHere++;
      }
      return { ...collect(files, root, paths, results as BatchResult[], options.maxBytes), readByWorkers: batches.length - readHere };
    },
  };
}

/** A worker that posts its batches' results into `results`; `running` gets a promise of its end, which never rejects. */
function startWorker(data: ScanWorkerData, results: (BatchResult | undefined)[], running: Promise<void>[]): Worker | undefined {
  let worker: Worker;
  try {
    worker = new Worker(path.join(__dirname, 'scanWorker.js'), { workerData: data });
  } catch {
    return undefined;
  }
  running.push(new Promise((resolve) => {
    worker.on('message', (result: BatchResult) => {
      results[result.batch] ??= result;
    });
    worker.on('error', () => undefined); // the batches it took are redone; 'exit' follows
    worker.on('exit', () => resolve());
  }));
  // Until finish() is called, a worker does not keep the process alive: should the check stop on an error
  // before then, the process still ends. (After the listeners: adding a 'message' listener refs it again.)
  worker.unref();
  return worker;
}

// What reading found, by file: 0 text without tags (not kept), TEXT, or NOT_TEXT (binary, too large, unreadable).
const TEXT = 1;
const NOT_TEXT = 2;

function collect(files: CheckFileSystem, root: string, paths: readonly string[], results: readonly BatchResult[], maxBytes: number): Omit<SourceScan, 'readByWorkers'> {
  const state = new Uint8Array(paths.length);
  const sources: TextFile[] = [];
  const problems: Problem[] = [];
  for (const result of results) {
    const first = result.batch * BATCH_SIZE;
    for (const [index, text] of result.texts) {
      state[first + index] = TEXT;
      sources.push({ path: paths[first + index] as string, text });
    }
    for (const index of result.skipped) state[first + index] = NOT_TEXT;
    for (const [index, message, code] of result.failed) {
      state[first + index] = NOT_TEXT;
      problems.push(unreadableFileProblem(paths[first + index] as string, reasonOf(Object.assign(new Error(message), { code }))));
    }
  }
  return withTextOf(files, root, paths, state, sources, problems, maxBytes);
}

function withTextOf(files: CheckFileSystem, root: string, paths: readonly string[], state: Uint8Array, sources: TextFile[], problems: Problem[], maxBytes: number): Omit<SourceScan, 'readByWorkers'> {
  const indexOf = new Map(paths.map((file, index) => [file, index]));
  const texts = new Map(sources.map((source) => [source.path, source.text]));
  return {
    sources,
    problems,
    textOf: async (file) => {
      const index = indexOf.get(file);
      if (index === undefined || state[index] === NOT_TEXT) return undefined;
      if (state[index] === TEXT) return texts.get(file);
      try {
        const text = await readTextFile(files, path.join(root, file), maxBytes);
        return text === 'skipped' ? undefined : text;
      } catch (error) {
        problems.push(unreadableFileProblem(file, reasonOf(error)));
        return undefined;
      }
    },
  };
}

/** The same reading, through `files`, in this thread. */
async function scanThrough(files: CheckFileSystem, root: string, paths: readonly string[], maxBytes: number): Promise<SourceScan> {
  const prefilter = new TagPrefilter(TAG_KEYWORDS);
  const state = new Uint8Array(paths.length);
  const sources: TextFile[] = [];
  const problems: Problem[] = [];
  for (const [index, file] of paths.entries()) {
    try {
      const stat = await files.stat(path.join(root, file));
      if (!stat.isFile() || stat.size > maxBytes) {
        state[index] = NOT_TEXT;
        continue;
      }
      const bytes = await files.readFile(path.join(root, file));
      if (looksBinary(bytes, bytes.length)) state[index] = NOT_TEXT;
      else if (prefilter.mayHoldTag(bytes, bytes.length)) {
        state[index] = TEXT;
        sources.push({ path: file, text: bytes.toString('utf8') });
      }
    } catch (error) {
      state[index] = NOT_TEXT;
      problems.push(unreadableFileProblem(file, reasonOf(error)));
    }
  }
  return { ...withTextOf(files, root, paths, state, sources, problems, maxBytes), readByWorkers: 0 };
}
