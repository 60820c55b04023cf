// Files written the way the fast read accepts (src/core/simpleLayout.ts), and small edits that take them
// to its edges and past: a line indented one space off, a comment deeper than the item after it, trailing
// spaces, a tricky scalar in place of a value (`1_000`, `+0x1F`, `.inf`, `null`, `a: b`, `C#`, `10:30`),
// a special character anywhere, CRLF, documents. For fast-check; the oracle (fastPathOracle.ts) asks that
// whenever the fast read answers, it answers as the full read does.
import fc from 'fast-check';

export type ScalarStyle = 'plain' | 'double' | 'single';

export interface SimpleItem {
  /** Keys in order, each with a value: text, a number, a list of texts, or a mapping of texts. */
  fields: [string, SimpleValue][];
}

export type SimpleValue = { text: string; style: ScalarStyle } | { list: { text: string; style: ScalarStyle }[]; flow: boolean } | { map: [string, { text: string; style: ScalarStyle }][]; flow: boolean } | { gates: [string, string][][] };

export type Edit =
  | { type: 'indent'; line: number; delta: number }
  | { type: 'insertLine'; line: number; text: string }
  | { type: 'deleteLine'; line: number }
  | { type: 'duplicateLine'; line: number }
  | { type: 'swapLines'; a: number; b: number }
  | { type: 'append'; line: number; text: string }
  | { type: 'replaceValue'; line: number; text: string }
  | { type: 'insertText'; at: number; text: string }
  | { type: 'crlf' };

export interface SimpleFile {
  layout: 'list' | 'documents' | 'mixed';
  /** Spaces after `- ` (one is usual). */
  dashSpaces: number;
  items: SimpleItem[];
  edits: Edit[];
}

/** Scalars where parsers are known to differ, or where YAML reads something other than text. */
export const TRICKY_SCALARS = [
  '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'yes', 'no', 'on', 'off', '1', '-1', '+1', '01', '1_000', '0x1F', '0X1F', '+0x1F',
  '-0x1F', '0o17', '0b101', '017', '1.5', '1.', '.5', '-.5', '+.5', '1e3', '1E-3', '1.5e+3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN',
  'Infinity', '2026-01-01', '2026-01-01T10:00:00Z', '10:30', '1:30:00', 'http://x/y', 'C#', 'a #b', 'a # b', 'a:b', 'a: b', '- a', '[a, b]',
  '{a: b}', '[]', '{}', '[a, [b, {c: d}]]', '{a: [1, 2]}', '"x"', '"a\\nb"', '"\\u00e9"', '"\\x41"', '"\\/"', "'it''s'", "''", '""', '-', '?',
  '? a', ':a', '!tag x', '!!str 1', '&a x', '*a', '|', '>', '%x', '@x', '`x`', 'a,b', 'a]', 'a}', 'a[b', "don't", 'the "best"', "the 'x' y",
  'x\\y', 'é', '😀', 'a  b', '1.0', '-0', '0.0', '99999999999999999999', '0x', '0o8', '1e', 'e5', '.', '...', '---', '-- x', 'a\tb', '<<',
  '__proto__', 'a\u00a0', '\u2028', 'x #', '#', 'a :b', '[a,b ]', '[ a , b ]', '{ a: b , c: d }', '[a, b,]', '{a: }', '{a:b}', '["a", \'b\']',
  '[[[[[[[a]]]]]]]', "'a'b", '"a" b', '- - a', 'a\\"', '"\\"', '"\\q"', '"\\ud83d\\ude00"',
];

/** Keys added to an item: mostly kept data of one's own (`x-`), at times a key the schema or YAML reads otherwise. */
const EXTRA_KEY = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('x-note', 'x-data', 'x-', 'x-a.b', 'x-_1') },
  { weight: 1, arbitrary: fc.constantFrom('title', 'who', 'Unknown', 'null', 'true', '1', 'a.b', '_under', 'kind', 'id') });

const words = fc.constantFrom('Feature', 'number', 'Customer', 'queue', 'retry', 'Mondays', 'src/area-1/', 'team-3', "can't", 'v2.1', '(beta)', 'ok!', 'C#', 'ü', '😀', '50%');
const plainText = fc.array(words, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
const scalar = fc.record({ text: fc.oneof({ weight: 12, arbitrary: plainText }, { weight: 1, arbitrary: fc.constantFrom(...TRICKY_SCALARS) }), style: fc.constantFrom<ScalarStyle>('plain', 'plain', 'plain', 'double', 'single') });

const ID_PREFIX: Record<string, string> = { feature: 'feat-', request: 'CR-', assumption: 'A-', risk: 'R-', milestone: 'M-', decision: 'D-', flag: 'F-' };

function itemArbitrary(): fc.Arbitrary<SimpleItem> {
  const plain = (text: string): { text: string; style: ScalarStyle } => ({ text, style: 'plain' });
  return fc.tuple(fc.constantFrom('feature', 'request', 'assumption', 'risk', 'milestone', 'decision'), fc.nat(999), scalar, scalar, fc.array(scalar, { maxLength: 3 }), fc.boolean(), fc.boolean(),
    fc.uniqueArray(fc.tuple(EXTRA_KEY, scalar), { maxLength: 2, selector: ([key]) => key }), fc.array(fc.tuple(scalar, scalar), { maxLength: 2 }))
    .map(([kind, n, first, second, list, flow, mapFlow, extra, gates]) => {
      const fields: [string, SimpleValue][] = [['kind', plain(kind)], ['id', plain(`${ID_PREFIX[kind]}${n}`)]];
      switch (kind) {
        case 'feature':
          fields.push(['title', first], ['owners', { list, flow }], ['reported', { map: [['status', plain('on-track')], ['source', second]], flow: mapFlow }]);
          break;
        case 'request':
          fields.push(['customer', first], ['quote', second], ['features', { list: [plain('feat-1'), plain(`feat-${n}`)], flow }]);
          break;
        case 'assumption':
          fields.push(['statement', first], ['evidence', second]);
          break;
        case 'risk':
          fields.push(['risk', first], ['likelihood', plain('high')], ['impact', plain('low')], ['paths', { list, flow }]);
          break;
        case 'milestone':
          fields.push(['title', first], ['gates', { gates: gates.map(([role, who]) => [['role', role.text], ['who', who.text], ['call', 'go']]) }]);
          break;
        default:
          fields.push(['title', first], ['rationale', second]);
      }
      for (const [key, value] of extra) fields.push([key, value]);
      return { fields };
    });
}

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ type: fc.constant('indent' as const), line: fc.nat(60), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ type: fc.constant('insertLine' as const), line: fc.nat(60), text: fc.constantFrom('# note', '  # note', '   # note', '    # note', '      # deeper', '', '  ', '    ', '---', '...', '--- # c', 'x-extra: 1', '  x-extra: 1', '   x-extra: 1', '- x', '  - x', '-', '%YAML 1.2', '? a', '  title: again', '  unknownKey: 1', '\t', 'kind: feature') }),
  fc.record({ type: fc.constant('deleteLine' as const), line: fc.nat(60) }),
  fc.record({ type: fc.constant('duplicateLine' as const), line: fc.nat(60) }),
  fc.record({ type: fc.constant('swapLines' as const), a: fc.nat(60), b: fc.nat(60) }),
  fc.record({ type: fc.constant('append' as const), line: fc.nat(60), text: fc.constantFrom('  ', ' ', ' # c', '#c', ' #c', ':', ' :', '\r', '\t', ' # c  ', ',', ' &a', ' *a', ' !x', ']', '}', "'", '"', ' - x', ': x') }),
  fc.record({ type: fc.constant('replaceValue' as const), line: fc.nat(60), text: fc.constantFrom(...TRICKY_SCALARS) }),
  fc.record({ type: fc.constant('insertText' as const), at: fc.nat(3000), text: fc.constantFrom('-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`', '\\', ' ', '\t', '~', '.', '\n', '\r', '\r\n', '\u0000', '\u0085', '\u00a0', '\u2028', '\ufeff', 'é', '😀', '\ud83d', ': ', ' #', '- ', '\n  ', '\n    ', '\n---\n') }),
  fc.record({ type: fc.constant('crlf' as const) }),
);

export function simpleFileArbitrary(): fc.Arbitrary<SimpleFile> {
  return fc.record({
    layout: fc.constantFrom<SimpleFile['layout']>('list', 'list', 'documents', 'mixed'),
    dashSpaces: fc.constantFrom(1, 1, 1, 2, 3),
    items: fc.array(itemArbitrary(), { minLength: 1, maxLength: 5 }),
    edits: fc.array(editArbitrary, { maxLength: 3 }),
  });
}

function renderScalar(value: { text: string; style: ScalarStyle }): string {
  if (value.style === 'double') return JSON.stringify(value.text);
  if (value.style === 'single') return `'${value.text.replace(/'/g, "''")}'`;
  return value.text;
}

/** The item's lines, its first key at column `column` (the caller writes `- ` before the first). */
function renderItem(item: SimpleItem, column: number): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of item.fields) {
    if ('text' in value) lines.push(`${pad}${key}: ${renderScalar(value)}`);
    else if ('list' in value) {
      if (value.flow || value.list.length === 0) lines.push(`${pad}${key}: [${value.list.map(renderScalar).join(', ')}]`);
      else lines.push(`${pad}${key}:`, ...value.list.map((entry) => `${pad}  - ${renderScalar(entry)}`));
    } else if ('map' in value) {
      if (value.flow) lines.push(`${pad}${key}: { ${value.map.map(([name, entry]) => `${name}: ${renderScalar(entry)}`).join(', ')} }`);
      else lines.push(`${pad}${key}:`, ...value.map.map(([name, entry]) => `${pad}  ${name}: ${renderScalar(entry)}`));
    } else {
      if (value.gates.length === 0) continue;
      lines.push(`${pad}${key}:`);
      for (const gate of value.gates) gate.forEach(([name, text], index) => lines.push(`${pad}${index === 0 ? '  - ' : '    '}${name}: ${text}`));
    }
  }
  return lines;
}

export function renderSimpleFile(file: SimpleFile): string {
  const lines: string[] = [];
  file.items.forEach((item, index) => {
    const asDocument = file.layout === 'documents' || (file.layout === 'mixed' && index % 2 === 1);
    if (asDocument) {
      if (index > 0) lines.push('---');
      lines.push(...renderItem(item, 0));
    } else {
      if (file.layout === 'mixed' && index > 0) lines.push('---');
      const dash = `-${' '.repeat(file.dashSpaces)}`;
      const rendered = renderItem(item, dash.length);
      lines.push(dash + (rendered[0] ?? '').slice(dash.length), ...rendered.slice(1));
    }
  });
  let text = `${lines.join('\n')}\n`;
  for (const edit of file.edits) text = applyEdit(text, edit);
  return text;
}

function applyEdit(text: string, edit: Edit): string {
  const lines = text.split('\n');
  const at = (line: number): number => line % Math.max(1, lines.length);
  switch (edit.type) {
    case 'indent': {
      const index = at(edit.line);
      const line = lines[index] ?? '';
      lines[index] = edit.delta >= 0 ? ' '.repeat(edit.delta) + line : line.replace(new RegExp(`^ {0,${-edit.delta}}`), '');
      break;
    }
    case 'insertLine':
      lines.splice(at(edit.line), 0, edit.text);
      break;
    case 'deleteLine':
      lines.splice(at(edit.line), 1);
      break;
    case 'duplicateLine':
      lines.splice(at(edit.line), 0, lines[at(edit.line)] ?? '');
      break;
    case 'swapLines': {
      const [a, b] = [at(edit.a), at(edit.b)];
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      break;
    }
    case 'append':
      lines[at(edit.line)] += edit.text;
      break;
    case 'replaceValue': {
      const index = at(edit.line);
      lines[index] = (lines[index] ?? '').replace(/: .*$/, `: ${edit.text}`);
      break;
    }
    case 'insertText': {
      const offset = edit.at % (text.length + 1);
      return text.slice(0, offset) + edit.text + text.slice(offset);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
  }
  return lines.join('\n');
}
