// Shared helpers for the core unit tests: build YAML text line by line, parse it, and compare problems
// by code and exact 1-based range so a failing test shows what moved.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  loadAlignment,
  parseAlignmentFile,
  type AlignmentModel,
  type FileParse,
  type LoadAlignmentOptions,
  type LoadedItem,
  type LoadOptions,
  type Problem,
  type SourceRange,
} from '../../src/core';

/** The file name parse() gives its text. */
export const FILE = '.alignment/items.yaml';

/** Lines joined with "\n" and a final newline: line N of the fixture is argument N. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function parse(text: string, options?: LoadOptions): FileParse {
  return parseAlignmentFile(FILE, text, options);
}

/** Files by repository-relative path, loaded and cross-checked as the extension and the CLI do. */
export function load(files: Record<string, string>, options?: LoadAlignmentOptions): AlignmentModel {
  return loadAlignment(Object.entries(files).map(([file, text]) => ({ path: file, text })), options);
}

export interface At extends SourceRange {
  code: string;
}

/** A problem reduced to what the tests pin down: its code and its exact range. */
export function at(problem: Problem): At {
  const { code, line, column, endLine, endColumn } = problem;
  return { code, line, column, endLine, endColumn };
}

export function problemsAt(problems: readonly Problem[]): At[] {
  return problems.map(at);
}

/** Shorthand for an expected problem: code, then line, column, endLine, endColumn. */
export function expected(code: string, line: number, column: number, endLine: number, endColumn: number): At {
  return { code, line, column, endLine, endColumn };
}

export function withCode(problems: readonly Problem[], code: string): Problem[] {
  return problems.filter((problem) => problem.code === code);
}

export function ids(items: readonly LoadedItem[]): string[] {
  return items.map((entry) => entry.id);
}

/** The one problem with `code`; fails when there is none or more than one. */
export function single(problems: readonly Problem[], code: string): Problem {
  const found = withCode(problems, code);
  if (found.length !== 1) {
    throw new Error(`expected exactly one "${code}" problem, got ${found.length}: ${JSON.stringify(problems.map(at))}`);
  }
  return found[0] as Problem;
}

/** Compiled tests run from out/test/unit; fixtures stay in the source tree. */
export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}
