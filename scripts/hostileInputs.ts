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

/** `.alignment/` files for the loader (parseAlignmentFile, then buildModel): parser traps and crashes. */
export const ALIGNMENT_INPUTS: readonly HostileInput[] = [
  { name: 'flow collections nested as keys, 300 levels', text: () => `kind: feature\nid: a\ntitle: A\nx-k: ${'{['.repeat(300)}${']}'.repeat(300)}\n` },
  { name: 'flow collections nested as keys, 60 levels (under the depth limit)', text: () => `kind: feature\nid: a\ntitle: A\nx-k: ${'{['.repeat(30)}${']}'.repeat(30)}\n` },
  { name: '500 unclosed braces', text: () => `kind: feature\nid: a\ntitle: ${'{'.repeat(500)}\n` },
  { name: '10,000 unclosed braces', text: () => `kind: feature\nid: a\ntitle: ${'{'.repeat(10_000)}\n` },
  { name: 'error recovery: "- " 40,000 times after a list', text: () => `- kind: feature\n  id: a\n  title: A\ntitle: ${'- '.repeat(40_000)}\n` },
  { name: 'error recovery: "- " to 1 MiB after a list', text: () => `- kind: feature\n  id: a\n  title: A\ntitle: ${fill('- ', '\n', HOSTILE_BYTES - 40)}` },
  { name: 'one block sequence nested 500k deep', text: () => `x-k:\n  ${fill('- ', '\n', HOSTILE_BYTES - 10)}` },
  { name: 'indentation nested 1,000 levels deep', text: () => `x-k:\n${Array.from({ length: 1000 }, (_, depth) => `${' '.repeat(depth + 1)}k:`).join('\n')} v\n` },
  { name: 'alias bomb (10 aliases x 9 levels)', text: () => `x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 8 }, (_, level) => `x${level}: &${String.fromCharCode(98 + level)} [${Array(10).fill(`*${String.fromCharCode(97 + level)}`).join(', ')}]`).join('\n')}\n` },
  { name: 'an alias to the list holding it', text: () => 'kind: &a [*a]\nid: a\n' },
  { name: '300,000 values in one flow list', text: () => `kind: feature\nid: a\ntitle: A\nx-k: [${fill('1,', '1]\n', 600_000)}` },
  { name: '250,000 empty documents', text: () => fill('---\n') },
  { name: 'a YAML error on every line', text: () => fill('k: @x\n') },
  { name: 'a NUL in the last of 5,000 documents', text: () => `${'kind: feature\nid: a\ntitle: A\n---\n'.repeat(5_000)}x: "\u0000"\n` },
  { name: 'random bytes (not text)', text: () => Array.from({ length: 200_000 }, (_, index) => String.fromCharCode((index * 7919) % 256)).join('') },
  { name: 'a paths glob of 70,000 characters', text: () => `kind: feature\nid: a\ntitle: A\npaths: ["${'a'.repeat(70_000)}"]\n` },
  { name: 'a paths glob of 60,000 "["', text: () => `kind: feature\nid: a\ntitle: A\npaths: ["${'['.repeat(60_000)}"]\n` },
  { name: 'a dependsOn chain of 15,000 features', text: () => Array.from({ length: 15_000 }, (_, index) => `- {kind: feature, id: f${index}, title: F, dependsOn: [f${index + 1}]}`).join('\n') },
  { name: '5,000 risks naming features no one defines, beside 5,000 features a letter off', text: () => Array.from({ length: 5_000 }, (_, index) => `- {kind: feature, id: fa-${index}, title: F}\n- {kind: risk, id: R-${index}, risk: X, likelihood: low, impact: low, feature: fb-${index}}`).join('\n') },
  { name: '1 MiB of valid items (the parser\'s floor)', text: () => fill('- kind: risk\n  id: R-1\n  risk: Refunds double-post.\n  likelihood: low\n  impact: low\n') },
];
