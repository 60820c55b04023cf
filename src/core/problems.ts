// Problems are how core reports bad input: never an exception, always a position and a stable code.

export type Severity = 'error' | 'warning';

/** 1-based line and column; the end is exclusive (it points just after the last character). */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export const PROBLEM_CODES = {
  'yaml-syntax': 'error',
  'too-many-aliases': 'error',
  'too-deep': 'error',
  'too-many-nodes': 'error',
  'file-too-large': 'error',
  'binary-file': 'error',
  'unreadable-file': 'error',
  'empty-file': 'warning',
  'schema': 'error',
  'unknown-key': 'error',
  'forbidden-key': 'error',
  'duplicate-id': 'error',
  'unknown-reference': 'error',
  'glob-matches-nothing': 'warning',
  'dependency-cycle': 'warning',
  'no-go-but-on-track': 'warning',
  'unknown-tag-id': 'error',
  'anchor-drifted': 'warning',
  'path-outside-repository': 'error',
  'symbolic-link': 'error',
  'comment-cuts-text': 'warning',
  'suspect': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export interface Problem extends SourceRange {
  /** Repository-relative path with forward slashes. */
  file: string;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

export function problem(file: string, range: SourceRange, code: ProblemCode, message: string): Problem {
  return { file, ...range, severity: PROBLEM_CODES[code], code, message };
}

export const START_OF_FILE: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
