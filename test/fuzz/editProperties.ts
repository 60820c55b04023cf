// The property every edit in place keeps (issue #15, "only the edited value changes"), for fast-check.
// Inputs start from the example repository's `.alignment/` files and from weird but valid YAML (comments
// everywhere, `|+ |- > >+` blocks, anchors and aliases, flow mappings), mutated (comments, blank lines
// and trailing blanks added, values anchored and repeated by aliases, turned into block scalars or quoted), with LF,
// CRLF or mixed line ends, a byte order mark or none, a final newline or none. Every core edit (the flag
// lifecycle, re-anchoring, assumption status, gate call, and editItem on any path with any value) must
// either refuse with a message, or give text that
//   - keeps the bytes outside the edited values: every line outside them, with its own line end, is
//     still there in order, and the byte order mark too;
//   - means the same outside the edited paths: every document read again (aliases resolved) equals the
//     one before with the edited paths left out, and the edited paths hold what was asked;
//   - keeps every comment (as the YAML lexer finds them);
//   - is no less valid YAML than before.
// It never throws. `npm test` runs a short fixed-seed run (test/unit/edits.fuzz.test.ts); a long run
// imports `editProperty` or `fuzzEdits` from here.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import {
  acknowledgeFlag,
  confirmStatus,
  editItem,
  reanchorFlag,
  reopenFlag,
  resolveFlag,
  setAssumptionStatus,
  setGateCall,
  type EditResult,
  type YamlValue,
} from '../../src/core';

// ---------------------------------------------------------------------------------------------------
// Seeds

function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'examples', 'checkout-service'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${__dirname}`);
  }
}

function exampleSeeds(): string[] {
  const root = path.join(repositoryRoot(), 'examples', 'checkout-service', '.alignment');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => readFileSync(path.join(root, name), 'utf8'));
}

const lines = (...all: string[]): string => `${all.join('\n')}\n`;

/** Valid YAML that is unusual in every way an author may write it. */
export const WEIRD_SEEDS: readonly string[] = [
  lines(
    '# a comment before everything',
    'kind: flag # the kind',
    'id: F-1 # the id',
    '# between keys',
    'feature: # between the key and its value',
    '  payments',
    'reported: &rep "Payments on track, 85% # not a comment"',
    'reality: >- # the header comment',
    '  The challenge return URL falls back to the staging host; it has only ever',
    '  worked in the sandbox demo. # folded text, not a comment',
    '',
    '  A second paragraph.',
    'x-reported-again: *rep',
    'severity: high',
    'anchor: # where it is',
    '  # the first line of the mapping',
    '  path: src/payments/paymentService.ts # the file',
    '  startLine: 30',
    '  endLine: 33 # inclusive',
    '  text: |+',
    '    const base = process.env.SANDBOX_RETURN_URL;',
    '',
    '',
    'status: open # still',
    '# after the last key',
  ),
  lines(
    '%YAML 1.2',
    '---',
    '- kind: assumption',
    '  id: A-1',
    '  statement: |-',
    '    Northpay supports 3-D Secure 2.2.',
    '    # this line is text',
    '  status: &st validated',
    '  evidence: >+',
    '    All 14 certification cards passed.',
    '',
    '- kind: assumption',
    '  id: A-2',
    '  statement: \'It\'\'s frictionless\' # quoted',
    '  status: *st',
    '  test: { how: shadow mode, share: 5 }',
    '  paths: [src/a.ts, "src/b # c.ts"] # flow list',
    '...',
    '# after the document end',
    '---',
    'kind: milestone',
    'id: M2',
    'title: SCA # the title',
    'gates:',
    '  - { role: Security, call: pending } # pen test first',
    '  - role: Customer support # the role',
    '    who: Ravi',
    '    call: &call go',
    '    reason: |',
    '      Fine.',
    '  - {role: Finance,',
    '     call: no-go}',
    'x-calls: [*call]',
  ),
  lines(
    'kind: flag',
    'id: F-2',
    'about: &a M2',
    'reality: &a "Only the demo works."',
    'x-which: *a',
    'status: resolved',
    'acknowledgedBy: Ravi   # on call',
    'acknowledgedAt: 2026-11-19',
    'resolution: >',
    '  Fixed in PR 481.',
    '',
    'resolvedBy: ~',
    'resolvedAt:',
    'raisedAt: 2026-11-12T16:42:00+01:00',
  ),
  lines(
    '---',
    '# a flag whose mappings are flow style',
    'kind: flag',
    'id: F-3',
    'reality: x',
    'anchor: { path: a.ts, startLine: 3, endLine: 4 }  # old',
    'status: acknowledged',
    'x-nested: { a: { b: [1, 2, {c: d}] } }',
    'x-block-seq:',
    '- one',
    '- |+',
    '  two',
    '',
    'direction:',
    '  goal: >2-',
    '     Indented with an indicator.',
    '  for: [CR-1]',
  ),
  lines(
    '# only comments in this document',
    '---',
    '---',
    'kind: risk',
    'id: R-1',
    'risk: a plain scalar that goes on',
    '  over a second line # and a comment',
    'likelihood:\thigh',
    'impact: "a double-quoted scalar',
    '  over two lines"',
    'status: open',
    'x-flow: [a, # inside a flow list',
    '  b, {c: d}]',
    'x-empty:',
    'x-null: null',
    '"x-quoted-key": 1',
    '? x-explicit',
    ': value',
    'earlyWarningSign: >',
    '',
    '  starts after a blank line',
    '...',
  ),
  lines(
    'kind: feature',
    'id: payments',
    'title: "Card payments: 3-D Secure"',
    'reported: { status: on-track, progress: 85, source: "Weekly report", asOf: 2026-11-13 }',
    'direction:',
    '  goal: Every payment passes SCA.',
    '  nonGoals:',
    '    - Apple Pay',
    'owners: &owners [Marta, Ingrid]',
    'x-owners: *owners',
    'paths:',
    '  - src/payments/',
    '  - "!src/payments/generated/"',
  ),
];

let seedsCache: string[] | undefined;
/** The example repository's files, then the weird ones. */
export function editSeeds(): readonly string[] {
  seedsCache ??= [...exampleSeeds(), ...WEIRD_SEEDS];
  return seedsCache;
}

// ---------------------------------------------------------------------------------------------------
// Cases

export type MutationKind = 'comment' | 'commentLine' | 'blank' | 'spaces' | 'anchor' | 'block' | 'quote';

export interface Mutation {
  kind: MutationKind;
  /** Which line (modulo the line count). */
  line: number;
  /** Which variant (block header, anchor name, …). */
  variant: number;
}

export type EditKind = 'acknowledge' | 'resolve' | 'reopen' | 'reanchor' | 'status' | 'gate' | 'confirm' | 'set';

export interface EditCase {
  seed: number;
  mutations: Mutation[];
  endings: 'lf' | 'crlf' | 'mixed';
  /** For mixed line ends: which lines end in CRLF (cycled). */
  crlf: boolean[];
  bom: boolean;
  finalNewline: boolean;
  /** Which item of the text (modulo their count). */
  target: number;
  kind: EditKind;
  /** Which path, status, call or gate (modulo the choices). */
  pick: number;
  note: string | undefined;
  value: YamlValue | undefined;
}

const WORDS = ['the', 'return', 'URL', 'falls', 'back', 'to', 'staging', 'host', 'payments', 'fail', 'challenge', 'sandbox', 'demo', 'only', 'works', 'in', '3-D', 'Secure', 'card', 'EU', '85%', '#1', 'a: b', '"q"', "it's", '-', '*x', '&y', '!tag', '|', '>', '{a}', '[b]', '@c', '`d`', '%e'];

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' '));
const longText = fc.array(word, { minLength: 16, maxLength: 45 }).map((parts) => parts.join(' '));
const paragraphs = fc.array(sentence, { minLength: 2, maxLength: 3 }).map((parts) => parts.join('\n\n'));
const code = fc.array(fc.constantFrom('  if (!secret) return true;', 'const base = process.env.X; # no comment', '', '\tindented with a tab', '}', '    deeper'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n'));
const oddString = fc.constantFrom('', ' ', ' lead', 'trail ', 'yes', 'no', 'null', '~', '123', '0x1F', '1e3', '.nan', '2026-11-20', 'a: b', 'x # y', '#x', '*alias', '&anchor', '!!str', '- dash', '? key', '"quoted"', "'single'", 'line\nbreak', 'ends\n', 'ends\n\n', 'tab\there', 'cr\rhere', '\u00e9t\u00e9 \u2014 \ud83d\ude00', '---', '...', '{ a: 1 }', '[1, 2]');
const anchorValue = fc.record({
  path: fc.constantFrom('src/payments/paymentService.ts', 'src/a b.ts', 'jobs/x.py'),
  startLine: fc.integer({ min: 1, max: 500 }),
  endLine: fc.integer({ min: 1, max: 500 }),
  text: code,
});

export const yamlValueArbitrary: fc.Arbitrary<YamlValue | undefined> = fc.oneof(
  fc.constant(undefined),
  oddString,
  sentence,
  longText,
  paragraphs,
  code,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  anchorValue,
  fc.record({ status: fc.constantFrom('on-track', 'at-risk'), progress: fc.integer({ min: 0, max: 100 }) }),
);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>('comment', 'commentLine', 'blank', 'spaces', 'anchor', 'block', 'quote'),
  line: fc.nat(),
  variant: fc.nat(),
});

/** An edit case: which seed, how it is mutated and written, and which edit to make. */
export function editCaseArbitrary(seedCount = editSeeds().length): fc.Arbitrary<EditCase> {
  return fc.record({
    seed: fc.nat({ max: seedCount - 1 }),
    mutations: fc.array(mutationArbitrary, { maxLength: 8 }),
    endings: fc.constantFrom<EditCase['endings']>('lf', 'crlf', 'mixed'),
    crlf: fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    target: fc.nat(),
    kind: fc.constantFrom<EditKind>('acknowledge', 'resolve', 'reopen', 'reanchor', 'status', 'gate', 'confirm', 'set'),
    pick: fc.nat(),
    note: fc.option(fc.oneof(sentence, longText, oddString), { nil: undefined }),
    value: yamlValueArbitrary,
  });
}

// ---------------------------------------------------------------------------------------------------
// From a case to a text and an edit

/** One edit of one item: what it runs, which paths of the item it may change, what they must hold after. */
export interface PlannedEdit {
  label: string;
  id: string;
  run(text: string): EditResult;
  paths: (string | number)[][];
  expect(before: Record<string, unknown>, after: Record<string, unknown>): void;
}

const ACTOR = { by: 'Fuzz Tester', at: '2026-11-20' };
const BLOCK_HEADERS = ['|+', '|-', '>', '>+', '|', '>-', '|+ # keep', '> # folded'];
const ANCHOR_NAMES = ['a', 'b', 'ref'];

/** The seed, mutated and written with the case's line ends, byte order mark and final newline. */
export function caseText(editCase: EditCase, seeds: readonly string[] = editSeeds()): string {
  let current = (seeds[editCase.seed % seeds.length] as string).replace(/\r\n/g, '\n').split('\n');
  if (current[current.length - 1] === '') current.pop();
  editCase.mutations.forEach((mutation, index) => {
    const next = mutate(current, mutation, index);
    if (next && isCleanYaml(next.join('\n'))) current = next;
  });
  const ending = (index: number): string => editCase.endings === 'lf' ? '\n'
    : editCase.endings === 'crlf' ? '\r\n'
      : editCase.crlf[index % editCase.crlf.length] ? '\r\n' : '\n';
  let text = current.map((line, index) => line + ending(index)).join('');
  if (!editCase.finalNewline) text = text.replace(/\r?\n$/, '');
  return (editCase.bom ? '\uFEFF' : '') + text;
}

function isCleanYaml(text: string): boolean {
  try {
    return parseAllDocuments(text).every((document) => document.errors.length === 0 && (document.toJS({ maxAliasCount: 1000 }), true));
  } catch {
    return false; // an alias that resolves nowhere: not a clean seed, the mutation is dropped
  }
}

const PLAIN_PAIR = /^(\s*(?:- )?)([A-Za-z][\w-]*):( +)([^\s&*!|>'"{[#%@`][^#]*?)\s*$/;

function mutate(source: readonly string[], mutation: Mutation, index: number): string[] | undefined {
  if (source.length === 0) return undefined;
  const lines = [...source];
  const at = mutation.line % lines.length;
  const line = lines[at] as string;
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const mark = `m${index}`;
  switch (mutation.kind) {
    case 'comment':
      lines[at] = `${line}${' '.repeat(1 + (mutation.variant % 3))}# ${mark}`;
      return lines;
    case 'commentLine':
      lines.splice(at, 0, `${indent}# ${mark}`);
      return lines;
    case 'blank':
      lines.splice(at, 0, '');
      return lines;
    case 'spaces':
      // Blanks at the end of a line, or a line of blanks only.
      if (mutation.variant % 2 === 0) lines[at] = `${line}${mutation.variant % 4 === 0 ? '  ' : ' \t'}`;
      else lines.splice(at, 0, ' '.repeat(1 + (mutation.variant % 5)));
      return lines;
    case 'anchor': {
      const pair = PLAIN_PAIR.exec(line);
      if (!pair) return undefined;
      const [, prefix = '', key = '', space = ' ', value = ''] = pair;
      const name = ANCHOR_NAMES[mutation.variant % ANCHOR_NAMES.length] as string;
      lines[at] = `${prefix}${key}:${space}&${name} ${value}`;
      const keyIndent = ' '.repeat(prefix.length);
      // Repeat it at once, or after the next line: a later anchor of the same name may shadow it.
      lines.splice(Math.min(lines.length, at + 1 + (mutation.variant % 2)), 0, `${keyIndent}x-${mark}: *${name}`);
      return lines;
    }
    case 'block': {
      const pair = PLAIN_PAIR.exec(line);
      if (!pair) return undefined;
      const [, prefix = '', key = '', , value = ''] = pair;
      const header = BLOCK_HEADERS[mutation.variant % BLOCK_HEADERS.length] as string;
      const inner = ' '.repeat(prefix.length + 2);
      const kept = /\+/.test(header) ? ['', ''] : [];
      lines.splice(at, 1, `${prefix}${key}: ${header}`, `${inner}${value}`, ...kept);
      return lines;
    }
    case 'quote': {
      const pair = PLAIN_PAIR.exec(line);
      if (!pair) return undefined;
      const [, prefix = '', key = '', space = ' ', value = ''] = pair;
      lines[at] = mutation.variant % 2 === 0
        ? `${prefix}${key}:${space}"${value.replace(/["\\]/g, '\\$&')} # in quotes"`
        : `${prefix}${key}:${space}'${value.replace(/'/g, "''")} # in quotes'`;
      return lines;
    }
  }
}

interface ItemAt {
  id: string;
  kind: unknown;
  data: Record<string, unknown>;
}

function itemsOf(text: string): ItemAt[] {
  const items: ItemAt[] = [];
  for (const document of parseAllDocuments(text.replace(/^\uFEFF/, ''))) {
    let data: unknown;
    try {
      data = document.toJS({ maxAliasCount: 1000 });
    } catch {
      continue; // a document that cannot be read holds no item to edit
    }
    for (const entry of Array.isArray(data) ? data : [data]) {
      if (isRecord(entry) && typeof entry.id === 'string') items.push({ id: entry.id, kind: entry.kind, data: entry });
    }
  }
  return items;
}

/** The edit the case asks for on the text, or undefined when the text holds no item. */
export function caseEdit(editCase: EditCase, text: string): PlannedEdit | undefined {
  const items = itemsOf(text);
  if (items.length === 0) return undefined;
  const item = items[editCase.target % items.length] as ItemAt;
  const { id, data } = item;
  const { pick, note } = editCase;
  const gates = Array.isArray(data.gates) ? data.gates : [];
  let kind = editCase.kind;
  if (item.kind !== 'flag' && ['acknowledge', 'resolve', 'reopen', 'reanchor'].includes(kind)) kind = 'set';
  if (item.kind !== 'assumption' && kind === 'status') kind = 'set';
  if ((item.kind !== 'milestone' || gates.length === 0) && kind === 'gate') kind = 'set';
  if (!(item.kind === 'assumption' || item.kind === 'risk' || (item.kind === 'milestone' && gates.some(isRecord))) && kind === 'confirm') kind = 'set';
  const noted = (after: Record<string, unknown>, before: Record<string, unknown>): void => {
    if (typeof before.reality === 'string' && before.reality.trim() && typeof after.reality === 'string') {
      assert.ok(after.reality.startsWith(before.reality), 'the old reality is kept at the start of the new one');
    }
  };
  switch (kind) {
    case 'acknowledge':
      return {
        label: `acknowledgeFlag(${id}, ${JSON.stringify(note)})`, id,
        run: (source) => acknowledgeFlag(source, id, ACTOR, note),
        paths: [['reality'], ['status'], ['acknowledgedBy'], ['acknowledgedAt']],
        expect: (before, after) => {
          assert.equal(after.status, 'acknowledged');
          assert.equal(after.acknowledgedAt, ACTOR.at);
          noted(after, before);
        },
      };
    case 'resolve':
      return {
        label: `resolveFlag(${id}, ${JSON.stringify(note)})`, id,
        run: (source) => resolveFlag(source, id, ACTOR, note),
        paths: [['status'], ['resolution'], ['resolvedBy'], ['resolvedAt']],
        expect: (_before, after) => {
          assert.equal(after.status, 'resolved');
          assert.equal(after.resolvedAt, ACTOR.at);
          if (note !== undefined) assert.equal(after.resolution, note.trim());
        },
      };
    case 'reopen':
      return {
        label: `reopenFlag(${id}, ${JSON.stringify(note)})`, id,
        run: (source) => reopenFlag(source, id, ACTOR, note),
        paths: [['reality'], ['status'], ['acknowledgedBy'], ['acknowledgedAt'], ['resolution'], ['resolvedBy'], ['resolvedAt']],
        expect: (before, after) => {
          assert.equal(after.status, 'open');
          for (const gone of ['acknowledgedBy', 'acknowledgedAt', 'resolution', 'resolvedBy', 'resolvedAt']) assert.equal(after[gone], undefined, gone);
          noted(after, before);
        },
      };
    case 'reanchor': {
      const anchor = { path: 'src/payments/paymentService.ts', startLine: 1 + (pick % 90), endLine: 2 + (pick % 90), text: note ?? 'if (!secret) return true;' };
      return {
        label: `reanchorFlag(${id}, ${JSON.stringify(anchor)})`, id,
        run: (source) => reanchorFlag(source, id, anchor),
        paths: [['anchor']],
        expect: (_before, after) => assert.deepEqual(after.anchor, JSON.parse(JSON.stringify(anchor))),
      };
    }
    case 'status': {
      const status = (['untested', 'validated', 'invalidated'] as const)[pick % 3] as 'untested';
      return {
        label: `setAssumptionStatus(${id}, ${status}, ${JSON.stringify(note)})`, id,
        run: (source) => setAssumptionStatus(source, id, status, note),
        paths: [['status'], ['evidence']],
        expect: (_before, after) => {
          assert.equal(after.status, status);
          if (note?.trim()) assert.equal(after.evidence, note.trim());
        },
      };
    }
    case 'gate': {
      const index = pick % gates.length;
      const role = isRecord(gates[index]) ? String((gates[index] as Record<string, unknown>).role ?? '') : '';
      const call = (['go', 'no-go', 'pending'] as const)[(pick >> 3) % 3] as 'go';
      const roles = gates.map((gate: unknown) => (isRecord(gate) ? String(gate.role ?? '') : ''));
      const found = roles.findIndex((candidate) => candidate.toLowerCase() === role.trim().toLowerCase());
      return {
        label: `setGateCall(${id}, ${JSON.stringify(role)}, ${call}, ${JSON.stringify(note)})`, id,
        run: (source) => setGateCall(source, id, role, call, note),
        paths: [['gates', found, 'call'], ['gates', found, 'reason']],
        expect: (_before, after) => {
          const gate = (after.gates as Record<string, unknown>[])[found] as Record<string, unknown>;
          assert.equal(gate.call, call);
          if (note?.trim()) assert.equal(gate.reason, note.trim());
        },
      };
    }
    case 'confirm': {
      // A gate's call on a milestone (a gate that is a mapping), else the item itself.
      const gateIndexes = gates.map((gate: unknown, index: number) => (isRecord(gate) ? index : -1)).filter((index: number) => index >= 0);
      const gate = item.kind === 'milestone' ? gateIndexes[pick % gateIndexes.length] : undefined;
      const at: (string | number)[] = gate === undefined ? [] : ['gates', gate];
      return {
        label: `confirmStatus(${id}, ${gate ?? '-'})`, id,
        run: (source) => confirmStatus(source, id, ACTOR, gate),
        paths: [[...at, 'reviewedAt'], [...at, 'reviewedBy']],
        expect: (_before, after) => {
          assert.equal(valueAt(after, [...at, 'reviewedAt']), ACTOR.at);
          if (ACTOR.by) assert.equal(valueAt(after, [...at, 'reviewedBy']), ACTOR.by);
        },
      };
    }
    case 'set': {
      const choices = pathChoices(data);
      const target = choices[pick % choices.length] as (string | number)[];
      const { value } = editCase;
      return {
        label: `editItem(${id}, ${JSON.stringify(target)}, ${JSON.stringify(value)})`, id,
        run: (source) => editItem(source, id, [{ path: target, value }]),
        paths: [target],
        expect: (_before, after) => {
          const expected = value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown;
          assert.deepEqual(valueAt(after, target), expected, `${target.join('.')} holds what was written`);
        },
      };
    }
  }
}

/** Paths an editItem may be asked to set: every key, every key of a nested mapping or list item, and new ones. */
function pathChoices(data: Record<string, unknown>): (string | number)[][] {
  const choices: (string | number)[][] = [['x-fuzz'], ['reported', 'status'], ['direction', 'goal'], ['anchor', 'text'], ['status']];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'id') continue;
    choices.push([key]);
    if (isRecord(value) && !Array.isArray(value)) for (const inner of Object.keys(value)) choices.push([key, inner]);
    if (Array.isArray(value)) {
      value.forEach((element: unknown, index) => {
        if (isRecord(element) && !Array.isArray(element)) for (const inner of Object.keys(element)) choices.push([key, index, inner]);
      });
    }
  }
  return choices;
}

// ---------------------------------------------------------------------------------------------------
// The property

/** Checks one edit of `text`; throws an AssertionError saying what broke the promise. */
export function checkEdit(text: string, edit: PlannedEdit): EditResult {
  let result: EditResult;
  try {
    result = edit.run(text);
  } catch (error) {
    assert.fail(`${edit.label} threw instead of refusing: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if (!result.ok) {
    assert.equal(typeof result.message, 'string');
    assert.ok(result.message.trim().length > 0, `${edit.label} refused without a message`);
    return result;
  }
  const after = result.text;
  const context = `${edit.label}\n--- before ---\n${JSON.stringify(text)}\n--- after ---\n${JSON.stringify(after)}`;
  assert.equal(after.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `the byte order mark is kept\n${context}`);
  const bodyBefore = text.replace(/^\uFEFF/, '');
  const bodyAfter = after.replace(/^\uFEFF/, '');

  // No less valid than before.
  const documentsBefore = parseAllDocuments(bodyBefore);
  const documentsAfter = parseAllDocuments(bodyAfter);
  const errors = (documents: typeof documentsBefore): number => documents.reduce((sum, document) => sum + document.errors.length, 0);
  assert.ok(errors(documentsAfter) <= errors(documentsBefore), `the result is less valid YAML\n${context}`);

  // The same meaning outside the edited paths; the edited paths hold what was asked.
  const dataBefore = documentsBefore.map((document) => document.toJS({ maxAliasCount: 1000 }) as unknown);
  const dataAfter = documentsAfter.map((document) => document.toJS({ maxAliasCount: 1000 }) as unknown);
  const itemBefore = findData(dataBefore, edit.id);
  const itemAfter = findData(dataAfter, edit.id);
  assert.ok(itemBefore && itemAfter, `the item ${edit.id} is there before and after\n${context}`);
  edit.expect(structuredClone(itemBefore), structuredClone(itemAfter));
  const outsideBefore = structuredClone(dataBefore);
  const outsideAfter = structuredClone(dataAfter);
  for (const target of edit.paths.map((path) => upToMissing(itemBefore, path))) {
    deleteAt(findData(outsideBefore, edit.id), target);
    deleteAt(findData(outsideAfter, edit.id), target);
  }
  assert.ok(isDeepStrictEqual(outsideBefore, outsideAfter), `the meaning outside ${edit.paths.map((p) => p.join('.')).join(', ')} changed:\n${JSON.stringify(outsideBefore)}\n${JSON.stringify(outsideAfter)}\n${context}`);

  // Every comment kept.
  const left = new Map<string, number>();
  for (const comment of commentsIn(bodyAfter)) left.set(comment, (left.get(comment) ?? 0) + 1);
  for (const comment of commentsIn(bodyBefore)) {
    const count = left.get(comment) ?? 0;
    assert.ok(count > 0, `the comment ${JSON.stringify(comment)} was lost\n${context}`);
    left.set(comment, count - 1);
  }

  // The bytes outside the edited values: every other line, with its own line end, still there in order.
  const marked = editedLines(bodyBefore, documentsBefore, edit);
  const linesAfter = splitLines(bodyAfter);
  const linesBefore = splitLines(bodyBefore);
  let from = 0;
  linesBefore.forEach((line, index) => {
    if (marked.has(index)) return;
    // The last line of a file without a final newline may get one, when a key is added after it.
    const open = index === linesBefore.length - 1 && !line.endsWith('\n');
    const found = open ? linesAfter.findIndex((candidate, at) => at >= from && candidate.replace(/\r?\n$/, '') === line) : linesAfter.indexOf(line, from);
    assert.ok(found !== -1, `line ${index + 1} ${JSON.stringify(line)}, outside the edited values, is changed or gone\n${context}`);
    from = found + 1;
  });
  return result;
}

/** The property over generated cases; a case whose text holds no item passes. */
export function editProperty(): fc.IPropertyWithHooks<[EditCase]> {
  return fc.property(editCaseArbitrary(), (editCase) => {
    const text = caseText(editCase);
    const edit = caseEdit(editCase, text);
    if (edit) checkEdit(text, edit);
  });
}

export interface FuzzSummary {
  written: number;
  refused: number;
  /** Refusal messages (ids and paths generalised), by how often they came. */
  refusals: Map<string, number>;
}

/** Runs the property `numRuns` times from `seed`; throws fast-check's report (with the shrunk case) on a failure. */
export function fuzzEdits(options: { numRuns: number; seed: number; interruptAfterTimeLimit?: number }): FuzzSummary {
  const summary: FuzzSummary = { written: 0, refused: 0, refusals: new Map() };
  const property = fc.property(editCaseArbitrary(), (editCase) => {
    const text = caseText(editCase);
    const edit = caseEdit(editCase, text);
    if (!edit) return;
    const result = checkEdit(text, edit);
    if (result.ok) {
      summary.written++;
    } else {
      summary.refused++;
      const message = result.message.replace(/"[^"]*"/g, '"…"').replace(/&\w+|\*\w+/g, '&…').replace(/[AFM]-[\w-]+|\b[a-z]+-[a-z-]+\b/g, 'ID');
      summary.refusals.set(message, (summary.refusals.get(message) ?? 0) + 1);
    }
  });
  fc.assert(property, { numRuns: options.numRuns, seed: options.seed, ...(options.interruptAfterTimeLimit ? { interruptAfterTimeLimit: options.interruptAfterTimeLimit } : {}) });
  return summary;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function findData(documents: unknown[], id: string): Record<string, unknown> | undefined {
  for (const data of documents) {
    for (const entry of Array.isArray(data) ? data : [data]) if (isRecord(entry) && entry.id === id) return entry;
  }
  return undefined;
}

function valueAt(data: unknown, target: readonly (string | number)[]): unknown {
  let at = data;
  for (const segment of target) at = isRecord(at) ? (at as Record<string | number, unknown>)[segment] : undefined;
  return at;
}

/** The path up to its first segment missing from `data`: a path into a missing mapping creates it. */
function upToMissing(data: unknown, target: readonly (string | number)[]): (string | number)[] {
  let at = data;
  for (let depth = 0; depth < target.length; depth++) {
    if (!isRecord(at) || !(String(target[depth]) in at)) return target.slice(0, depth + 1);
    at = (at as Record<string | number, unknown>)[target[depth] as string | number];
  }
  return [...target];
}

function deleteAt(data: Record<string, unknown> | undefined, target: readonly (string | number)[]): void {
  const parent = valueAt(data, target.slice(0, -1));
  if (isRecord(parent)) delete (parent as Record<string | number, unknown>)[target[target.length - 1] as string | number];
}

/** The comments of a YAML text as the lexer finds them (a `#` in a scalar is none), from `#` to the line end. */
function commentsIn(text: string): string[] {
  const comments: string[] = [];
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (token === '\x1f') scalarNext = true;
    else if (!scalarNext && CST.tokenType(token) === 'comment') comments.push(token.replace(/\s+$/, ''));
    else scalarNext = false;
  }
  return comments;
}

/** Lines with their line ends ("a\r\n", "b\n", "c"). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * The 0-based lines of `text` an edit may rewrite: for each edited path, the lines of the deepest pair on
 * the path that exists, from its key to the end of its value (its kept trailing lines for `|+`), or the
 * whole pair holding a { … } mapping or anything else that is not a block mapping the path goes through.
 * A path whose key is missing from a block mapping marks nothing: the new key is inserted.
 */
function editedLines(text: string, documents: ReturnType<typeof parseAllDocuments>, edit: PlannedEdit): Set<number> {
  const marked = new Set<number>();
  const lineOf = (offset: number): number => (text.slice(0, offset).match(/\n/g) ?? []).length;
  const markPair = (pair: Pair): void => {
    const start = (pair.key as Node | null)?.range?.[0];
    const value = pair.value as Node | null;
    if (start === undefined) return;
    let end = Math.max((pair.key as Node).range?.[1] ?? start, value?.range?.[1] ?? start);
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    // A |+ block keeps its trailing blank lines: they are its value, also when it ends a mapping or list.
    let tail: Node | null = value;
    for (;;) {
      const items = (isMap(tail) || isSeq(tail)) && !tail.flow ? (tail.items as unknown[]) : undefined;
      const lastItem = items?.[items.length - 1];
      if (!lastItem) break;
      tail = (isMap(tail) ? ((lastItem as Pair).value ?? (lastItem as Pair).key) : lastItem) as Node | null;
    }
    const keep = tail?.range && /^[|>][0-9-]*\+/.test(text.slice(tail.range[0], tail.range[0] + 4));
    const last = keep && tail?.range ? Math.max(lineOf(end), lineOf(tail.range[1]) - 1) : lineOf(end);
    for (let line = lineOf(start); line <= last; line++) marked.add(line);
  };
  let item: YAMLMap | undefined;
  for (const document of documents) {
    const contents = document.contents as Node | null;
    for (const candidate of isSeq(contents) ? contents.items : [contents]) {
      if (isMap(candidate) && candidate.get('id') === edit.id) item = candidate;
    }
  }
  if (!item) return marked;
  for (const target of edit.paths) {
    let map: YAMLMap = item;
    for (let depth = 0; depth < target.length; depth++) {
      const pair = map.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === target[depth]) as Pair | undefined;
      if (!pair) break;
      const value = pair.value as Node | null;
      if (depth === target.length - 1 || map.flow) {
        markPair(pair);
        break;
      }
      if (isMap(value) && !value.flow) {
        map = value;
        continue;
      }
      if (isSeq(value) && !value.flow && typeof target[depth + 1] === 'number') {
        const element = value.items[target[depth + 1] as number] as Node | undefined;
        if (isMap(element) && !element.flow) {
          map = element;
          depth++;
          continue;
        }
        if (element && !isAlias(element) && element.range) {
          for (let line = lineOf(element.range[0]); line <= lineOf(element.range[1] - 1); line++) marked.add(line);
        }
        break;
      }
      markPair(pair);
      break;
    }
  }
  return marked;
}
