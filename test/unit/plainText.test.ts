// YAML text shown in VS Code's UI: `$(name)` must not become an icon, `[text](command:…)` not a link that
// runs a command. plainText has no vscode import, so it is tested here; where it is used, in the integration
// suite (test/integration/hostile.test.ts).
import * as assert from 'node:assert/strict';
import { plainText } from '../../src/extension/util/plainText';

const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/; // VS Code's icon syntax
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/; // VS Code's notification links

describe('plainText', () => {
  it('breaks icon and link syntax, and nothing else', () => {
    for (const text of ['$(bug) Pay', 'a $(zap~spin) b', '[click](command:workbench.action.quit)', '[x](https://example.com "t")', '$($(x))', 'see [docs](file:///etc/passwd)']) {
      const plain = plainText(text);
      assert.doesNotMatch(plain, ICON, text);
      assert.doesNotMatch(plain, LINK, text);
      assert.equal(plain.replace(/\u200b/g, ''), text, 'the text itself is kept');
    }
  });

  it('leaves text without that syntax exactly as it is', () => {
    for (const text of ['Card payments with 3-D Secure', 'costs $5 (net)', 'a [note] (aside)', '', 'Café “Mireille”']) assert.equal(plainText(text), text);
  });
});
