// What the editor bench's measuring side (./index.ts, in the extension host) hands back to scripts/benchEditor.ts.

export const BENCH_RESULT_ENV = 'TRUTHLINE_BENCH_RESULT';
/** A file for a CPU profile of the extension host while it activates and takes the edit (`npm run bench -- editor` with TRUTHLINE_BENCH_PROFILE set). */
export const BENCH_PROFILE_ENV = 'TRUTHLINE_BENCH_PROFILE';
/** The source file the bench opens: the first feature's module. */
export const OPENED_FILE = 'src/area-1/module-1/index.ts';
/** The `.alignment/` file the bench types in, and the title it renames there: the opened file's feature. */
export const EDITED_FILE = '.alignment/part-0.yaml';
export const EDITED_TITLE = 'Feature number 1';

/** The host's stalls from one moment on: gaps over 50 ms and over 20 ms as in EditorStallResult. */
export interface StallsResult {
  readonly longestMs: number;
  readonly over50: readonly { readonly at: number; readonly ms: number }[];
  readonly stalls: readonly { readonly at: number; readonly ms: number; readonly fromUs: number }[];
}

/** One edit typed after activation settled: until the API answered with it, then a quiet second. */
export interface EditStallResult extends StallsResult {
  readonly answerMs: number;
}

export interface EditorStallResult extends StallsResult {
  /** The longest gap while nothing of Truthline ran: the extension host's own noise. */
  readonly idleLongestMs: number;
  readonly activateMs: number;
  /** Until itemsFor answered for the open file (every folder read, the model built). */
  readonly firstAnswerMs: number;
  /** Until codeFor answered (the workspace tag index built). */
  readonly indexedMs: number;
  /** The edit typed afterwards (`at` from when it was typed). */
  readonly edit: EditStallResult;
}
