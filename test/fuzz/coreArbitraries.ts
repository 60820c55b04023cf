// Inputs for fuzzing core's entry points (parseAlignmentFile + buildModel), for fast-check.
// A case is plain data that says how to build its files: the example repository's `.alignment/` files with
// mutations (byte flips, truncation, key swaps, deep block and flow nesting, many documents, aliases and
// self-referencing ones, long lines, CRLF and lone CR, byte order marks, tabs, `__proto__`, odd and long
// globs), generated items of every kind with valid and invalid field values, and long `dependsOn` chains.
// Being data, a case prints as what was done to which file, and shrinks by dropping files and mutations or
// lowering a count. `renderCase` turns it into files. The example files are read from disk here, never in core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import {
  ASSUMPTION_STATUSES,
  FLAG_SEVERITIES,
  FLAG_STATUSES,
  GATE_CALLS,
  KINDS,
  REPORTED_STATUSES,
  REQUEST_PRIORITIES,
  REQUEST_STATUSES,
  RISK_STATUSES,
} from '../../src/core';

export interface FuzzFile {
  /** Repository-relative, under `.alignment/`. */
  path: string;
  text: string;
}

/** How big the generated extremes get: the unit layer keeps every input small, the long run does not. */
export interface FuzzScale {
  /** Nesting of flow collections (`[[[...]]]`) and compact sequences (`- - - x`). */
  maxDepth: number;
  /** Nesting of indented block mappings and sequences (each level indents two more spaces). */
  maxBlockDepth: number;
  /** Characters of a long line. */
  maxLong: number;
  /** Extra documents appended to a file. */
  maxDocuments: number;
  /** Features in a `dependsOn` chain. */
  maxChain: number;
  /** Repetitions of a unit in an odd glob (`[` * 60,000 is 60,000 characters). */
  maxGlobRepeat: number;
  /** Width and depth of alias fan-out (billion laughs). */
  maxAliasSize: number;
}

export const UNIT_SCALE: FuzzScale = { maxDepth: 200, maxBlockDepth: 20, maxLong: 3_000, maxDocuments: 12, maxChain: 60, maxGlobRepeat: 70_000, maxAliasSize: 10 };
export const LONG_SCALE: FuzzScale = { maxDepth: 20_000, maxBlockDepth: 400, maxLong: 300_000, maxDocuments: 3_000, maxChain: 5_000, maxGlobRepeat: 70_000, maxAliasSize: 40 };

export type Mutation =
  | { type: 'flip'; at: number; text: string }
  | { type: 'insert'; at: number; text: string }
  | { type: 'delete'; at: number; length: number }
  | { type: 'truncate'; at: number }
  | { type: 'swapKeys'; a: number; b: number }
  | { type: 'renameKey'; which: number; to: string }
  | { type: 'nestBlock'; line: number; depth: number; style: 'map' | 'seq' | 'compact'; key: string }
  | { type: 'nestFlow'; line: number; depth: number; open: '[' | '{' | 'mixed'; closed: boolean; key: string }
  | { type: 'documents'; count: number; content: 'copy' | 'empty' | 'broken' | 'item' | 'separators' }
  | { type: 'alias'; line: number; form: AliasForm; size: number }
  | { type: 'longLine'; line: number; length: number; form: 'plain' | 'quoted' | 'key' | 'comment' | 'title' | 'folded' }
  | { type: 'lineEnds'; mode: 'crlf' | 'crlf-from' | 'lone-cr'; at: number }
  | { type: 'bom'; mode: 'start' | 'middle' | 'double'; at: number }
  | { type: 'tabs'; mode: 'indent' | 'after-colon' | 'before-colon'; line: number }
  | { type: 'proto'; line: number; key: '__proto__' | 'constructor' | 'prototype'; value: 'map' | 'scalar' | 'list' | 'item'; top: boolean }
  | { type: 'glob'; which: number; prefix: string; unit: string; times: number; suffix: string };

export type AliasForm = 'self-seq' | 'self-map' | 'kind-self' | 'laughs' | 'undefined' | 'merge' | 'anchor-id' | 'alias-kind' | 'anchor-everything';

export type FileSpec =
  | { source: 'example'; name: string; validFirst: string | null; mutations: Mutation[] }
  | { source: 'generated'; layout: 'documents' | 'list' | 'flow'; items: Record<string, unknown>[]; mutations: Mutation[] }
  | { source: 'chain'; length: number; cycleTo: number | null; perFile: number };

export interface FuzzCase {
  files: FileSpec[];
  /** Give buildModel the example repository's file list, so patterns are checked against files too. */
  repoFiles: boolean;
}

// The example repository, read once.

/** The example repository, found upwards from here (compiled, this file is in out/test/fuzz). */
const EXAMPLE = findUp(path.join('examples', 'checkout-service', '.alignment'), __dirname);

function findUp(relative: string, from: string): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, relative))) return path.dirname(path.join(folder, relative));
    if (path.dirname(folder) === folder) throw new Error(`${relative} not found above ${from}`);
  }
}
let examples: ReadonlyMap<string, string> | undefined;
let exampleRepo: readonly string[] | undefined;

/** The example repository's `.alignment/` files by their path below `.alignment/`. */
export function exampleFiles(): ReadonlyMap<string, string> {
  if (!examples) {
    const folder = path.join(EXAMPLE, '.alignment');
    const names = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.ya?ml$/.test(name)).sort();
    examples = new Map(names.map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(folder, name), 'utf8')]));
    if (examples.size === 0) throw new Error(`no example files in ${folder}`);
  }
  return examples;
}

/** The example repository's other files, as `repoFiles`. */
export function exampleRepoFiles(): readonly string[] {
  if (!exampleRepo) {
    exampleRepo = (readdirSync(EXAMPLE, { recursive: true, encoding: 'utf8' }) as string[])
      .map((name) => name.split(path.sep).join('/'))
      .filter((name) => !name.startsWith('.alignment') && !name.startsWith('node_modules'))
      .sort();
  }
  return exampleRepo;
}

// Rendering a case into files.

export function renderCase(fuzzCase: FuzzCase): FuzzFile[] {
  return fuzzCase.files.flatMap((spec, index) => renderFile(spec, index));
}

export function renderFile(spec: FileSpec, index: number): FuzzFile[] {
  switch (spec.source) {
    case 'example': {
      const text = exampleFiles().get(spec.name) ?? '';
      const first = spec.validFirst === null ? '' : `${exampleFiles().get(spec.validFirst) ?? ''}\n---\n`;
      return [{ path: `.alignment/f${index}/${spec.name}`, text: first + mutate(text, spec.mutations, index) }];
    }
    case 'generated':
      return [{ path: `.alignment/f${index}/generated.yaml`, text: mutate(layout(spec.items, spec.layout), spec.mutations, index) }];
    case 'chain':
      return chainFiles(spec, index);
  }
}

function layout(items: readonly Record<string, unknown>[], how: 'documents' | 'list' | 'flow'): string {
  if (how === 'list') return stringify(items);
  if (how === 'flow') return items.map((item) => `${JSON.stringify(item)}\n`).join('---\n');
  return items.map((item) => stringify(item)).join('---\n');
}

/** Features c<index>-0 -> c<index>-1 -> ... in files of `perFile` features; the last may point back. */
function chainFiles(spec: Extract<FileSpec, { source: 'chain' }>, index: number): FuzzFile[] {
  const files: FuzzFile[] = [];
  const id = (n: number): string => `c${index}-${n}`;
  let lines: string[] = [];
  for (let n = 0; n < spec.length; n++) {
    const last = n === spec.length - 1;
    const next = last ? (spec.cycleTo === null ? undefined : id(spec.cycleTo % spec.length)) : id(n + 1);
    lines.push(`- kind: feature\n  id: ${id(n)}\n  title: Chain ${n}\n${next ? `  dependsOn: [${next}]\n` : ''}`);
    if (lines.length >= spec.perFile || last) {
      files.push({ path: `.alignment/f${index}/chain-${files.length}.yaml`, text: lines.join('') });
      lines = [];
    }
  }
  return files;
}

export function mutate(text: string, mutations: readonly Mutation[], salt = 0): string {
  return mutations.reduce((current, mutation, index) => applyMutation(current, mutation, `${salt}${index}`), text);
}

const MAX_RENDERED = 2 * 1024 * 1024;

const KEY_AT_LINE_START = /^([ \t]*(?:- +)*)([A-Za-z_$][\w$.-]*)(?=:(?:[ \t]|$))/gm;

export function applyMutation(text: string, mutation: Mutation, salt = '0'): string {
  const lines = (): string[] => text.split('\n');
  const at = (position: number, extra = 0): number => (text.length + extra === 0 ? 0 : position % (text.length + extra));
  switch (mutation.type) {
    case 'flip': {
      if (text.length === 0) return mutation.text;
      const start = at(mutation.at);
      return text.slice(0, start) + mutation.text + text.slice(start + mutation.text.length);
    }
    case 'insert': {
      const start = at(mutation.at, 1);
      return text.slice(0, start) + mutation.text + text.slice(start);
    }
    case 'delete': {
      const start = at(mutation.at);
      return text.slice(0, start) + text.slice(start + mutation.length);
    }
    case 'truncate':
      return text.slice(0, at(mutation.at, 1));
    case 'swapKeys': {
      const keys = [...text.matchAll(KEY_AT_LINE_START)];
      if (keys.length < 2) return text;
      const a = keys[mutation.a % keys.length] as RegExpMatchArray;
      const b = keys[mutation.b % keys.length] as RegExpMatchArray;
      return replaceKeys(text, new Map([[a, b[2] as string], [b, a[2] as string]]));
    }
    case 'renameKey': {
      const keys = [...text.matchAll(KEY_AT_LINE_START)];
      if (keys.length === 0) return text;
      return replaceKeys(text, new Map([[keys[mutation.which % keys.length] as RegExpMatchArray, mutation.to]]));
    }
    case 'nestBlock': {
      const all = lines();
      const index = mutation.line % (all.length + 1);
      const indent = indentOf(all[index] ?? '');
      const block: string[] = [`${indent}${mutation.key}:`];
      for (let level = 1; level <= mutation.depth; level++) {
        const pad = indent + '  '.repeat(level);
        if (mutation.style === 'map') block.push(`${pad}k${level}:`);
        else if (mutation.style === 'seq') block.push(`${pad}-`);
      }
      if (mutation.style === 'compact') block.push(`${indent}  ${'- '.repeat(mutation.depth)}x`);
      else block.push(`${indent}${'  '.repeat(mutation.depth + 1)}end`);
      all.splice(index, 0, ...block);
      return all.join('\n');
    }
    case 'nestFlow': {
      const all = lines();
      const index = mutation.line % (all.length + 1);
      const opens: string[] = [];
      const closes: string[] = [];
      for (let level = 0; level < mutation.depth; level++) {
        const map = mutation.open === '{' || (mutation.open === 'mixed' && level % 2 === 1);
        opens.push(map ? '{a: ' : '[');
        closes.push(map ? '}' : ']');
      }
      const value = opens.join('') + (mutation.closed ? `x${closes.reverse().join('')}` : '');
      const line = all[index];
      if (mutation.key === 'kind' || mutation.key === 'id' || mutation.key === 'title') {
        // Replace that key's value where it is written, or add it.
        const own = all.findIndex((candidate) => new RegExp(`^[ \\t-]*${mutation.key}:`).test(candidate));
        if (own !== -1) {
          all[own] = (all[own] as string).replace(/:.*$/, `: ${value}`);
          return all.join('\n');
        }
      }
      all.splice(index, 0, `${indentOf(line ?? '')}${mutation.key}: ${value}`);
      return all.join('\n');
    }
    case 'documents': {
      const parts: string[] = [text];
      let length = text.length;
      // Past twice the loader's 1 MiB file limit, more copies test nothing new; they only cost time.
      for (let n = 0; n < mutation.count && length < MAX_RENDERED; n++) {
        switch (mutation.content) {
          case 'copy': parts.push(`---\n${text}`); break;
          case 'empty': parts.push('---\n'); break;
          case 'broken': parts.push(n % 2 === 0 ? '---\nkind: [\n' : '---\n: : :\n'); break;
          case 'item': parts.push(`---\nkind: feature\nid: doc-${salt}-${n}\ntitle: Document ${n}\n`); break;
          case 'separators': parts.push(n % 2 === 0 ? '---' : '...'); break;
        }
        length += (parts[parts.length - 1] as string).length;
      }
      return parts.map((part) => (part.endsWith('\n') ? part : `${part}\n`)).join('');
    }
    case 'alias':
      return alias(lines(), mutation);
    case 'longLine': {
      const all = lines();
      const index = mutation.line % (all.length + 1);
      const indent = indentOf(all[index] ?? '');
      const long = 'x'.repeat(mutation.length);
      switch (mutation.form) {
        case 'plain': all.splice(index, 0, `${indent}x-long: ${long}`); break;
        case 'quoted': all.splice(index, 0, `${indent}x-long: "${long}"`); break;
        case 'key': all.splice(index, 0, `${indent}x-${long}: 1`); break;
        case 'comment': all.splice(index, 0, `${indent}# ${long}`); break;
        case 'folded': all.splice(index, 0, `${indent}x-long: >-`, `${indent}  ${long}`); break;
        case 'title': {
          const title = all.findIndex((candidate) => /^[ \t-]*(title|quote|statement|reality|risk):/.test(candidate));
          if (title === -1) all.splice(index, 0, `${indent}title: ${long}`);
          else all[title] = (all[title] as string).replace(/:.*$/, `: ${long}`);
        }
      }
      return all.join('\n');
    }
    case 'lineEnds': {
      if (mutation.mode === 'crlf') return text.replace(/\r?\n/g, '\r\n');
      if (mutation.mode === 'crlf-from') {
        const start = at(mutation.at, 1);
        return text.slice(0, start) + text.slice(start).replace(/\r?\n/g, '\r\n');
      }
      const breaks = [...text.matchAll(/\n/g)];
      if (breaks.length === 0) return `${text}\r`;
      const which = (breaks[mutation.at % breaks.length] as RegExpMatchArray).index as number;
      return `${text.slice(0, which)}\r${text.slice(which + 1)}`;
    }
    case 'bom':
      if (mutation.mode === 'start') return `\uFEFF${text}`;
      if (mutation.mode === 'double') return `\uFEFF\uFEFF${text}`;
      return text.slice(0, at(mutation.at, 1)) + '\uFEFF' + text.slice(at(mutation.at, 1));
    case 'tabs': {
      const all = lines();
      const from = mutation.line % (all.length + 1);
      for (let index = from; index < all.length; index++) {
        const line = all[index] as string;
        if (mutation.mode === 'indent') all[index] = line.replace(/^( +)/, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2)));
        else if (mutation.mode === 'after-colon') all[index] = line.replace(/: /, ':\t');
        else all[index] = line.replace(/:( |$)/, '\t:$1');
      }
      return all.join('\n');
    }
    case 'proto': {
      const all = lines();
      const index = mutation.line % (all.length + 1);
      const indent = mutation.top ? '' : indentOf(all[index] ?? '');
      const value = {
        map: '{ polluted: yes, kind: feature }',
        scalar: 'polluted',
        list: '[a, b]',
        item: '{ kind: feature, id: proto-item, title: From the prototype }',
      }[mutation.value];
      all.splice(index, 0, `${indent}${mutation.key}: ${value}`);
      return all.join('\n');
    }
    case 'glob': {
      const glob = mutation.prefix + mutation.unit.repeat(mutation.times) + mutation.suffix;
      const all = lines();
      const entries = all.map((line, index) => ({ line, index })).filter(({ line }) => /^\s*- (src|scripts|jobs|docs|tests?|web|api)\b\S*\s*$/.test(line));
      const entry = entries.length > 0 ? entries[mutation.which % entries.length] : undefined;
      if (entry) {
        all[entry.index] = entry.line.replace(/- .*$/, `- ${JSON.stringify(glob)}`);
        return all.join('\n');
      }
      return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}paths:\n  - ${JSON.stringify(glob)}\n`;
    }
  }
}

function replaceKeys(text: string, replacements: ReadonlyMap<RegExpMatchArray, string>): string {
  const ordered = [...replacements].sort(([a], [b]) => (b.index as number) - (a.index as number));
  let result = text;
  for (const [match, name] of ordered) {
    const start = (match.index as number) + (match[1] as string).length;
    result = result.slice(0, start) + name + result.slice(start + (match[2] as string).length);
  }
  return result;
}

function indentOf(line: string): string {
  const match = /^([ \t]*)(- )?/.exec(line) as RegExpExecArray;
  return (match[1] as string) + (match[2] ? '  ' : '');
}

function alias(all: string[], mutation: Extract<Mutation, { type: 'alias' }>): string {
  const index = mutation.line % (all.length + 1);
  const indent = indentOf(all[index] ?? '');
  const size = Math.max(1, mutation.size);
  const replaceKey = (key: string, value: (old: string) => string): boolean => {
    const own = all.findIndex((line) => new RegExp(`^[ \\t-]*${key}:`).test(line));
    if (own === -1) return false;
    const line = all[own] as string;
    const colon = line.indexOf(':');
    all[own] = `${line.slice(0, colon + 1)} ${value(line.slice(colon + 1).trim())}`;
    return true;
  };
  switch (mutation.form) {
    case 'self-seq': all.splice(index, 0, `${indent}x-self: &self [*self]`); break;
    case 'self-map': all.splice(index, 0, `${indent}x-self: &self { k: *self }`); break;
    case 'kind-self': if (!replaceKey('kind', () => '&a [*a]')) all.unshift('kind: &a [*a]'); break;
    case 'undefined': all.splice(index, 0, `${indent}x-nothing: *nowhere`); break;
    case 'merge': all.splice(index, 0, `${indent}x-base: &base { title: Merged, status: open }`, `${indent}<<: *base`); break;
    case 'anchor-id': if (replaceKey('id', (old) => `&theid ${old}`)) all.push('x-copy: *theid'); break;
    case 'alias-kind': {
      all.unshift('x-kind: &thekind feature');
      replaceKey('kind', () => '*thekind');
      break;
    }
    case 'anchor-everything': {
      let n = 0;
      for (let line = 0; line < all.length && n < size; line++) {
        all[line] = (all[line] as string).replace(/^([ \t-]*[A-Za-z][\w-]*:)[ \t]+(?![&*|>])(\S)/, (_, key: string, first: string) => `${key} &a${n++} ${first}`);
      }
      break;
    }
    case 'laughs': {
      // Billion laughs: each level lists the one below `size` times.
      const laughs = [`${indent}x-l0: &l0 [${Array.from({ length: size }, () => 'lol').join(', ')}]`];
      for (let level = 1; level < size; level++) {
        laughs.push(`${indent}x-l${level}: &l${level} [${Array.from({ length: size }, () => `*l${level - 1}`).join(', ')}]`);
      }
      all.splice(index, 0, ...laughs);
      break;
    }
  }
  return all.join('\n');
}

// Arbitraries.

const INTERESTING = ['\n', ' ', '\t', ':', '-', '#', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '"', "'", '%', '@', '`', '?', '\r', '\r\n', '\uFEFF', '\u0085', '\u2028', 'é', '\uD83D\uDE00', '\uD800', '---', '...', ': ', '- ', '<<', '!!str', '!!binary', '\\', '~', 'null', 'yes'];
const KEYS = ['kind', 'id', 'title', 'paths', 'owners', 'reported', 'status', 'progress', 'direction', 'for', 'dependsOn', 'customer', 'quote', 'features', 'feature', 'statement', 'risk', 'likelihood', 'impact', 'gates', 'role', 'call', 'sources', 'reality', 'anchor', 'startLine', 'titel', 'dependson', 'x-note', '__proto__', 'constructor', 'prototype', '<<', 'Kind', 'ID', ''];
const ODD_GLOB_UNITS = ['[', ']', '(', ')', '{', '}', '{,}', '{a,', '*a', '[z-a]', 'a', '?', '**/', '!(', '@(a|', '[[:alpha:]', '\\', '*', '/', '.', '[!', '+(', '$', '^', '|', ' '];

export function mutationArbitrary(scale: FuzzScale): fc.Arbitrary<Mutation> {
  const position = fc.nat({ max: 1_000_000 });
  const line = fc.nat({ max: 2_000 });
  const snippet = fc.oneof(fc.constantFrom(...INTERESTING), fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant('flip' as const), at: position, text: snippet }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('insert' as const), at: position, text: snippet }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('truncate' as const), at: position }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('swapKeys' as const), a: fc.nat(), b: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant('renameKey' as const), which: fc.nat(), to: fc.constantFrom(...KEYS) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('nestBlock' as const), line, depth: fc.integer({ min: 1, max: scale.maxBlockDepth }),
        style: fc.constantFrom('map' as const, 'seq' as const, 'compact' as const), key: fc.constantFrom('x-deep', 'direction', 'title', 'kind'),
      }).map((mutation) => (mutation.style === 'compact' ? { ...mutation, depth: Math.min(scale.maxDepth, mutation.depth * 10) } : mutation)),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('nestFlow' as const), line, depth: fc.integer({ min: 1, max: scale.maxDepth }),
        open: fc.constantFrom('[' as const, '{' as const, 'mixed' as const), closed: fc.boolean(), key: fc.constantFrom('x-deep', 'kind', 'id', 'title', 'paths', 'dependsOn'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('documents' as const), count: fc.integer({ min: 1, max: scale.maxDocuments }),
        content: fc.constantFrom('copy' as const, 'empty' as const, 'broken' as const, 'item' as const, 'separators' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('alias' as const), line,
        form: fc.constantFrom<AliasForm>('self-seq', 'self-map', 'kind-self', 'laughs', 'undefined', 'merge', 'anchor-id', 'alias-kind', 'anchor-everything'),
        size: fc.integer({ min: 1, max: scale.maxAliasSize }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('longLine' as const), line, length: fc.integer({ min: 1, max: scale.maxLong }),
        form: fc.constantFrom('plain' as const, 'quoted' as const, 'key' as const, 'comment' as const, 'title' as const, 'folded' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('lineEnds' as const), mode: fc.constantFrom('crlf' as const, 'crlf-from' as const, 'lone-cr' as const), at: position }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('bom' as const), mode: fc.constantFrom('start' as const, 'middle' as const, 'double' as const), at: position }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('tabs' as const), mode: fc.constantFrom('indent' as const, 'after-colon' as const, 'before-colon' as const), line }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('proto' as const), line, key: fc.constantFrom('__proto__' as const, 'constructor' as const, 'prototype' as const),
        value: fc.constantFrom('map' as const, 'scalar' as const, 'list' as const, 'item' as const), top: fc.boolean(),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('glob' as const), which: fc.nat(), prefix: fc.constantFrom('', 'src/', '!', '/', './', '**/'),
        unit: fc.constantFrom(...ODD_GLOB_UNITS), times: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: scale.maxGlobRepeat })),
        suffix: fc.constantFrom('', '/', '.ts', 'b', ')', '}', ']'),
      }),
    },
  );
}

// Generated items: every kind, each field valid most of the time and wrong some of the time.

const EXAMPLE_IDS = ['payments', 'cart-pricing', 'checkout-api', 'fraud-screening', 'receipts', 'settlement-export', 'CR-101', 'CR-102', 'A-1', 'A-2', 'R-1', 'M1', 'M2', 'D-1', 'F-20261112-q7hm'];
const idValue = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...EXAMPLE_IDS) }, { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,10}$/) });
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '1abc', 'has space', 'tomorrow', '2026-02-30', '__proto__', 'null', '-1'),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'kind', 'id', 'x'), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.string({ maxLength: 12 }),
);
const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0);
const date = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10)),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((value) => value.toISOString().replace(/\.\d+Z$/, 'Z')),
);
const glob = fc.oneof(fc.constantFrom('src/payments/', 'src/**/*.ts', '*.md', '!src/gen/', '/README.md', 'jobs/', '{a,b}/', 'src/[ab]*.ts'), text);

function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: badValue });
}

const list = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { maxLength: 4 });

const FIELDS: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  feature: {
    title: field(text), paths: field(list(glob)), owners: field(list(text)),
    reported: field(fc.record({ status: field(fc.constantFrom(...REPORTED_STATUSES)), progress: field(fc.integer({ min: 0, max: 100 })), source: field(text), asOf: field(date) }, { requiredKeys: ['status'] })),
    direction: field(fc.record({ goal: field(text), for: field(list(idValue)), successSignal: field(text), nonGoals: field(list(text)) }, { requiredKeys: [] })),
    dependsOn: field(list(idValue)),
  },
  request: {
    customer: field(text), contact: field(text), quote: field(text), receivedAt: field(date), channel: field(text),
    features: field(list(idValue)), paths: field(list(glob)), priority: field(fc.constantFrom(...REQUEST_PRIORITIES)), status: field(fc.constantFrom(...REQUEST_STATUSES)),
  },
  assumption: {
    statement: field(text), feature: field(idValue), milestone: field(idValue), test: field(text),
    status: field(fc.constantFrom(...ASSUMPTION_STATUSES)), evidence: field(text), paths: field(list(glob)),
  },
  risk: {
    risk: field(text), feature: field(idValue), likelihood: field(fc.constantFrom('low', 'medium', 'high')), impact: field(fc.constantFrom('low', 'medium', 'high')),
    earlyWarningSign: field(text), mitigationStrategy: field(text), owner: field(text), status: field(fc.constantFrom(...RISK_STATUSES)), paths: field(list(glob)),
  },
  milestone: {
    title: field(text), feature: field(idValue), due: field(date), validates: field(list(idValue)),
    gates: field(list(fc.record({ role: field(text), who: field(text), call: field(fc.constantFrom(...GATE_CALLS)), reason: field(text) }, { requiredKeys: ['role'] }))),
    paths: field(list(glob)),
  },
  decision: {
    title: field(text), decidedAt: field(date), decidedBy: field(text), rationale: field(text), features: field(list(idValue)),
    sources: field(list(fc.record({ request: field(idValue), customer: field(text), quote: field(text) }, { requiredKeys: [] }))), paths: field(list(glob)),
  },
  flag: {
    feature: field(idValue), about: field(idValue), reported: field(text), reality: field(text), severity: field(fc.constantFrom(...FLAG_SEVERITIES)),
    raisedBy: field(text), raisedAt: field(date),
    anchor: field(fc.record({ path: field(text), startLine: field(fc.integer({ min: 1, max: 500 })), endLine: field(fc.integer({ min: 1, max: 500 })), text: field(fc.string({ maxLength: 30 })) }, { requiredKeys: ['path', 'startLine', 'endLine'] })),
    status: field(fc.constantFrom(...FLAG_STATUSES)), acknowledgedBy: field(text), acknowledgedAt: field(date), resolution: field(text), resolvedBy: field(text), resolvedAt: field(date),
  },
};

const REQUIRED: Record<string, string[]> = {
  feature: ['title'], request: ['customer', 'quote'], assumption: ['statement'], risk: ['risk', 'likelihood', 'impact'],
  milestone: ['title'], decision: ['title'], flag: ['reality'],
};

const ABSENT = Symbol('absent');

/** An item of any kind: required fields nearly always there, others sometimes, any of them sometimes wrong. */
export function itemArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...KINDS).chain((kind) => {
    const fields = FIELDS[kind] ?? {};
    const required = REQUIRED[kind] ?? [];
    return fc.record({
      kind: fc.oneof({ weight: 20, arbitrary: fc.constant<unknown>(kind) }, { weight: 1, arbitrary: fc.constantFrom<unknown>('Feature', 'featur', 'flags', 42, null, ['feature'], ABSENT) }),
      id: fc.oneof({ weight: 20, arbitrary: idValue as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.oneof(badValue, fc.constant(ABSENT)) }),
      required: fc.record(Object.fromEntries(required.map((key) => [key, fields[key] as fc.Arbitrary<unknown>]))),
      optional: fc.record(fields, { requiredKeys: [] }),
      missing: fc.option(fc.constantFrom(...required), { freq: 6, nil: undefined }),
      extra: fc.option(fc.constantFrom('titel', 'x-note', 'Kind', 'dependson', 'color'), { freq: 6, nil: undefined }),
    }).map(({ kind: kindValue, id, required: needed, optional, missing, extra }) => {
      const item: Record<string, unknown> = { kind: kindValue, id, ...needed, ...optional };
      if (missing !== undefined) delete item[missing];
      if (extra !== undefined) item[extra] = 'extra value';
      for (const key of ['kind', 'id']) if (item[key] === ABSENT) delete item[key];
      return item;
    });
  });
}

export function fileSpecArbitrary(scale: FuzzScale): fc.Arbitrary<FileSpec> {
  const names = [...exampleFiles().keys()];
  const mutations = (max: number) => fc.array(mutationArbitrary(scale), { maxLength: max });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        source: fc.constant('example' as const), name: fc.constantFrom(...names),
        validFirst: fc.option(fc.constantFrom(...names), { freq: 4, nil: null }), mutations: mutations(4),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        source: fc.constant('generated' as const), layout: fc.constantFrom('documents' as const, 'list' as const, 'flow' as const),
        items: fc.array(itemArbitrary(), { minLength: 1, maxLength: 6 }), mutations: mutations(2),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        source: fc.constant('chain' as const), length: fc.integer({ min: 2, max: scale.maxChain }),
        cycleTo: fc.option(fc.nat(), { nil: null }), perFile: fc.constantFrom(500, 5_000, 12_000),
      }),
    },
  );
}

export function caseArbitrary(scale: FuzzScale = UNIT_SCALE, maxFiles = 4): fc.Arbitrary<FuzzCase> {
  return fc.record({ files: fc.array(fileSpecArbitrary(scale), { minLength: 1, maxLength: maxFiles }), repoFiles: fc.boolean() });
}

/** One case in a line or two: which files and what was done to them (long strings shortened). */
export function describeCase(fuzzCase: FuzzCase): string {
  return JSON.stringify(fuzzCase, (_, value: unknown) => (typeof value === 'string' && value.length > 60 ? `${value.slice(0, 40)}… (${value.length} chars)` : value));
}
