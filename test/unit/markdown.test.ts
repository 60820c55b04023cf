// Text from YAML inside the Markdown of tooltips and hover cards must show as written and never become
// markup: escapeMarkdown has no vscode import, so it is tested here against each way in.
import * as assert from 'node:assert/strict';
import { escapeMarkdown } from '../../src/extension/util/markdown';

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** What a CommonMark renderer shows for escaped text: every backslash escape becomes its character. */
function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** No ASCII punctuation stands unescaped, so nothing in it can open any construct. */
function assertInert(markdown: string, input: string): void {
  assert.doesNotMatch(markdown.replace(/\\[!-/:-@[-`{-~]/g, ''), /[!-/:-@[-`{-~]/, input);
  assert.doesNotMatch(markdown, /[\r\n\u2028\u2029]/, input);
}

describe('escapeMarkdown', () => {
  const attacks = [
    '[click me](command:workbench.action.quit)',
    '[x](https://evil.example "title")',
    '![tracker](https://evil.example/pixel.png)',
    '<img src=x onerror=alert(1)>',
    '<a href="command:truthline.raiseFlag">run</a>',
    '&lt;script&gt; &#x3C;b&#x3E; &amp;',
    '<https://evil.example> and https://evil.example/path and www.evil.example',
    'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D',
    '`code span` and ``double`` and ```fenced```',
    '# heading\n## another',
    '- list item\n* star item\n+ plus item\n1. numbered\n2) paren',
    'quoted\n\nescaped the quote\n> new quote',
    '---\n===\n***',
    '*emphasis* _under_ **strong** ~~strike~~',
    '[ref]: https://evil.example\n[ref]',
    '$(bug) icon | table | row |',
    'back\\slash \\[ already escaped',
  ];

  it('escapes links, images, HTML tags, entities, autolinks, command: URIs and code spans', () => {
    for (const input of attacks) assertInert(escapeMarkdown(input), input);
  });

  it('shows the text exactly as written, folded to one line', () => {
    for (const input of attacks) assert.equal(shown(escapeMarkdown(input)), input.replace(/\s+/g, ' ').trim(), input);
  });

  it('escapes every ASCII punctuation character and nothing else', () => {
    assert.equal(escapeMarkdown(PUNCTUATION), [...PUNCTUATION].map((char) => `\\${char}`).join(''));
    assert.equal(escapeMarkdown('Café Mireille — “quote” 42 ×'), 'Café Mireille — “quote” 42 ×');
  });

  it('folds newlines so a blank line cannot end a quote or a list item, and a line cannot start a heading', () => {
    assert.equal(escapeMarkdown('one\n\n# two\r\n- three\u2028four '), 'one \\# two \\- three four');
    assert.equal(escapeMarkdown('  \n '), '');
  });
});
