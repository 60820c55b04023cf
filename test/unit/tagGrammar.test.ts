// The injection grammar that highlights comment tags must read the same tags as core's scanTags, and be
// contributed for the languages the issue names. Its regexes are Oniguruma; the ones used here are also
// valid JavaScript with the same meaning (lookbehind, classes, groups), so they are tested as such.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { scanTags } from '../../src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface GrammarContribution { scopeName: string; path: string; injectTo?: string[] }
interface Rule { match?: string; name?: string; captures?: Record<string, { name?: string; patterns?: { include: string }[] }> }

const contribution = (manifest.contributes.grammars as GrammarContribution[]).find((grammar) => grammar.scopeName === 'truthline.tags.injection');
const grammar = contribution ? JSON.parse(readFileSync(path.join(ROOT, contribution.path), 'utf8')) as { scopeName: string; injectionSelector: string; repository: Record<string, Rule> } : undefined;

/** The ids the grammar marks as ids on a line, in order. */
function grammarIds(line: string): string[] {
  assert.ok(grammar);
  const tag = new RegExp(grammar.repository.tag?.match as string, 'g');
  const id = new RegExp(grammar.repository.id?.match as string, 'g');
  return [...line.matchAll(tag)].flatMap((match) => [...(match[2] as string).matchAll(id)].map((found) => found[0]));
}

describe('the comment tag grammar', () => {
  it('is contributed as an injection grammar whose file exists and parses', () => {
    assert.ok(contribution, 'package.json contributes no grammar truthline.tags.injection');
    assert.ok(existsSync(path.join(ROOT, contribution.path)));
    assert.ok(grammar);
    assert.equal(grammar.scopeName, contribution.scopeName);
    assert.equal(grammar.injectionSelector, 'L:comment -string');
  });

  it('is injected into the languages the tags are written in', () => {
    const wanted = ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx', 'source.python', 'source.go', 'source.java', 'source.c', 'source.cpp', 'source.cs', 'source.rust', 'source.ruby', 'source.php', 'text.html.php', 'source.shell', 'source.yaml'];
    assert.deepEqual(wanted.filter((scope) => !contribution?.injectTo?.includes(scope)), []);
  });

  it('names the keyword and the ids with the scopes themes colour', () => {
    assert.equal(grammar?.repository.tag?.captures?.['1']?.name, 'keyword.other.tag.truthline');
    assert.match(grammar?.repository.id?.name ?? '', /^markup\.underline\.link\./);
    assert.deepEqual(grammar?.repository.tag?.captures?.['2']?.patterns?.map((pattern) => pattern.include), ['#id', '#separator']);
  });

  const lines = [
    '// @serves CR-101',
    'charge(card); // @risk R-12',
    '# @assumes A-3',
    'SELECT 1; -- @milestone M2',
    '; @flag F-20261112-q7hm',
    '<!-- @serves CR-7 -->',
    ' * @risk R-1',
    '/* @serves CR-1 */ pay();',
    '// @serves CR-1, CR-2 ,CR-3',
    '// This is what @risk R-12. warns about.',
    '// @milestone v1.2.',
    '// @serves CR-1 and @risk R-2',
    '// mail@serves.example is an address, not a tag',
    '// @@serves CR-1 is not a tag',
    '// @servesX CR-1 is not a tag',
    '// @serves is a word here',
  ];
  for (const line of lines) {
    it(`reads the same ids as scanTags in ${JSON.stringify(line)}`, () => {
      assert.deepEqual(grammarIds(line), scanTags(line).map((tag) => tag.id));
    });
  }

  it('reads the same ids as scanTags on every tagged line of the example repository', () => {
    const example = path.join(ROOT, 'examples', 'checkout-service');
    const files = (readdirSync(example, { recursive: true, encoding: 'utf8' }) as string[]).filter((name) => /\.(ts|py|sh)$/.test(name) && !name.includes('node_modules'));
    let tagged = 0;
    for (const file of files) {
      const text = readFileSync(path.join(example, file), 'utf8');
      const byLine = new Map<number, string[]>();
      for (const tag of scanTags(text)) byLine.set(tag.line, [...(byLine.get(tag.line) ?? []), tag.id]);
      text.split('\n').forEach((line, index) => {
        const expected = byLine.get(index + 1);
        if (expected) {
          tagged++;
          assert.deepEqual(grammarIds(line), expected, `${file}:${index + 1}`);
        }
      });
    }
    assert.ok(tagged >= 20, `only ${tagged} tagged lines found`);
  });
});
