// What the editor bench's measuring side (./index.ts, in the extension host) hands back to scripts/benchEditor.ts.

export const BENCH_RESULT_ENV = 'TRUTHLINE_BENCH_RESULT';
/** A file for a CPU profile of the extension host while it activates (`npm run bench -- editor` with TRUTHLINE_BENCH_PROFILE set). */
export const BENCH_PROFILE_ENV = 'TRUTHLINE_BENCH_PROFILE';
/** The source file the bench opens: the first feature's module. */
export const OPENED_FILE = 'src/area-1/module-1/index.ts';

export interface EditorStallResult {
  /** The longest gap while nothing of Truthline ran: the extension host's own noise. */
  readonly idleLongestMs: number;
  readonly activateMs: number;
  /** Until itemsFor answered for the open file (every folder read, the model built). */
  readonly firstAnswerMs: number;
  /** Until codeFor answered (the workspace tag index built). */
  readonly indexedMs: number;
  readonly longestMs: number;
  /** Gaps over 50 ms, longest first, with when they started (ms after the folder moved in). */
  readonly over50: readonly { readonly at: number; readonly ms: number }[];
  /** Gaps over 20 ms, longest first, with their start on process.hrtime's clock (µs), as a CPU profile's samples. */
  readonly stalls: readonly { readonly at: number; readonly ms: number; readonly fromUs: number }[];
}
