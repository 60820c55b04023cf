// Command ids, palette titles and tree rows' contextValue tokens live in src/extension/constants.ts, even
// where a message names them: a string in src/extension that spells out `truthline.raiseFlag`,
// "Truthline: Re-anchor …" or `truthline.flag.open` goes stale the day the command or menu is renamed.
// Reads every string and template literal (comments may name commands).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { Commands, ContextValues, ViewFocusCommands } from '../../src/extension/constants';

const root = path.resolve(__dirname, '..', '..', '..');
const extension = path.join(root, 'src', 'extension');
const CONSTANTS = path.join(extension, 'constants.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The text of every string and template literal in a file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ids = new Set<string>([...Object.values(Commands), ...Object.values(ViewFocusCommands)]);
/** A palette title as a message would quote it: the category, a colon, a capitalised word. */
const TITLE = /\bTruthline: [A-Z]/;

const tokens = Object.values(ContextValues);

/** A contextValue token: one of ContextValues, or one of them with a suffix (`truthline.flag.open`). */
function isToken(text: string): boolean {
  return tokens.some((token) => text === token || text.startsWith(`${token}.`));
}

/** The command ids, contextValue tokens and palette titles a literal spells out. */
function named(text: string): string[] {
  const spelled = [...text.matchAll(/\btruthline\.[A-Za-z][\w.]*\w/g)].map(([match]) => match).filter((match) => ids.has(match) || isToken(match));
  return TITLE.test(text) ? [...spelled, text] : spelled;
}

describe('command ids and contextValue tokens in src/extension', () => {
  const files = sourceFiles(extension).filter((file) => file !== CONSTANTS);

  it('reads the extension\'s sources', () => {
    assert.ok(files.length > 20, `${files.length} files`);
  });

  it('come from constants.ts (Commands, CommandTitles, ContextValues), never from a literal elsewhere', () => {
    const offenders = files.flatMap((file) => literals(file).flatMap(({ text, line }) => named(text).map((what) => `${path.relative(root, file)}:${line}: ${what}`)));
    assert.deepEqual(offenders, []);
  });

  it('would catch an id in a message or an argument, a quoted title and a row token, but not a setting', () => {
    assert.deepEqual(named('truthline.raiseFlag: "reality" must be a non-empty string'), ['truthline.raiseFlag']);
    assert.deepEqual(named('truthline.codeLens.toggle'), ['truthline.codeLens.toggle']);
    assert.deepEqual(named('Run "Truthline: Re-anchor Truth Flag to Selection"').length, 1);
    assert.deepEqual(named('truthline.codeLens.enabled'), []);
    assert.deepEqual(named('{0}: no item'), []);
    assert.deepEqual(named('truthline.feature.disagrees'), ['truthline.feature.disagrees']);
    assert.deepEqual(named('truthline.flag.'), ['truthline.flag'], 'a template\'s head, before `${status}`');
    assert.deepEqual(named('truthline.folder'), ['truthline.folder']);
  });
});
