// Inputs a branch could commit to freeze the editor or CI: each under 1 MiB (the loader's file limit),
// each built to hit a pattern a naive scanner handles in quadratic time. The unit tests time them with a
// generous bound; `npm run bench` prints them as a table of input, time and what was reported.

export interface HostileInput {
  name: string;
  /** Built on demand: a megabyte each, they are not kept around. */
  text(): string;
}

/** Just under the loader's 1 MiB file limit. */
export const HOSTILE_BYTES = 1024 * 1024 - 1024;

/** `unit` repeated to fill `bytes`, then `tail`. */
export function fill(unit: string, tail = '', bytes = HOSTILE_BYTES): string {
  return unit.repeat(Math.floor((bytes - tail.length) / unit.length)) + tail;
}

/** Source files for the comment tag scanner (scanTags). */
export const TAG_SCANNER_INPUTS: readonly HostileInput[] = [
  { name: 'a tag on every line (// @serves CR-1)', text: () => fill('// @serves CR-1\n') },
  { name: 'a tag on every line, outside comments (@serves CR-1)', text: () => fill('@serves CR-1\n') },
  { name: 'a tag on every line, after an unclosed /*', text: () => `/*\n${fill(' * @risk R-1\n')}` },
  { name: 'one line of 350k "/* " then a tag', text: () => fill('/* ', '// @serves CR-1\n') },
  { name: 'one line of 260k "<!--" then a tag', text: () => fill('<!--', ' @serves CR-1\n') },
  { name: '"/* @risk R-1" on every line, never closed', text: () => fill('/* @risk R-1\n') },
  { name: 'one line: closed /* */ then a tag in code, repeated', text: () => fill('/* c */ "@risk R-1" ', '\n') },
  { name: 'one line of 95k tags in a // comment', text: () => `//${fill(' @risk R-1 ')}\n` },
  { name: 'one tag listing 350k ids', text: () => `// @serves ${fill('a, ', 'a\n', HOSTILE_BYTES - 11)}` },
  { name: 'an id of 1M dots (trailing-dot trim)', text: () => `// @risk R${fill('.', 'x\n', HOSTILE_BYTES - 10)}` },
  { name: 'a keyword then 1M spaces and tabs, no id', text: () => `// @serves${fill(' \t', '\n', HOSTILE_BYTES - 10)}` },
  { name: '1M "@" signs', text: () => `// ${fill('@', '', HOSTILE_BYTES - 3)}` },
  { name: '1M "@serves " with no id', text: () => `// ${fill('@serves ', '', HOSTILE_BYTES - 3)}` },
  { name: 'one line of "<!-- @risk R-1 -->", repeated', text: () => fill('<!-- @risk R-1 -->', '\n') },
  { name: 'one line of "-#*/<!;" soup, then a tag', text: () => `x = 1; ${fill('-#*/<!;', ' // @risk R-1', HOSTILE_BYTES - 7)}` },
];
