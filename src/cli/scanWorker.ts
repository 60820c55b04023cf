// A worker thread of `truthline check`: receives the batches of source files as the folders are listed,
// takes the ones no other thread has taken (a counter shared with them), reads them (sourceScan.ts), and
// posts back each batch's texts that may hold tags.
import { parentPort, workerData } from 'node:worker_threads';
import { BatchCounter, scanBatch, SourceReader, TagPrefilter } from './sourceScan';

export interface ScanWorkerData {
  keywords: string[];
  maxBytes: number;
  counter: SharedArrayBuffer;
}

/** Batches `first`, `first + 1`, … (absolute paths); `last` once no more will come. */
export interface ScanWork {
  first: number;
  batches: string[][];
  last: boolean;
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as ScanWorkerData;
  const reader = new SourceReader(new TagPrefilter(data.keywords), data.maxBytes);
  const counter = new BatchCounter(data.counter);
  const batches: string[][] = [];
  port.on('message', (work: ScanWork) => {
    batches.push(...work.batches);
    for (let batch = counter.take(batches.length); batch !== -1; batch = counter.take(batches.length)) {
      port.postMessage(scanBatch(reader, batch, batches[batch] as string[]));
    }
    if (work.last) port.close();
  });
}
