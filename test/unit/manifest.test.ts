// package.json and src/extension/constants.ts must name the same commands, views and settings, and every
// user-visible string of the manifest must be in package.nls.json.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as constants from '../../src/extension/constants';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface CommandContribution { command: string; title: string; category?: string }
interface MenuEntry { command?: string; when?: string }

function constantValues(name: string): string[] {
  const group = (constants as unknown as Record<string, Record<string, string> | undefined>)[name];
  return group ? Object.values(group).filter((value) => typeof value === 'string') : [];
}

describe('package.json', () => {
  const commands = manifest.contributes.commands as CommandContribution[];

  it('contributes exactly the commands of the constants module, each in the Truthline category', () => {
    assert.deepEqual(commands.map((command) => command.command).sort(), constantValues('Commands').sort());
    for (const command of commands) assert.equal(command.category, 'Truthline', command.command);
  });

  it('contributes the views of the constants module', () => {
    const views = Object.values(manifest.contributes.views as Record<string, { id: string }[]>).flat().map((view) => view.id);
    const containers = (manifest.contributes.viewsContainers.activitybar as { id: string }[]).map((container) => container.id);
    assert.deepEqual([...containers, ...views].sort(), constantValues('Views').sort());
  });

  it('names only contributed commands in menus', () => {
    const known = new Set(commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus as Record<string, MenuEntry[]>)) {
      for (const entry of entries) if (entry.command) assert.ok(known.has(entry.command), `${menu}: ${entry.command}`);
    }
  });

  it('declares settings under truthline.* with descriptions', () => {
    const properties = (manifest.contributes.configuration.properties ?? {}) as Record<string, { description?: string; markdownDescription?: string }>;
    for (const [name, property] of Object.entries(properties)) {
      assert.match(name, /^truthline\./);
      assert.ok(property.description ?? property.markdownDescription, `${name} has no description`);
    }
  });

  it('has every %key% of the manifest in package.nls.json', () => {
    const keys = JSON.stringify(manifest).match(/"%[^"%]+%"/g) ?? [];
    assert.ok(keys.length > 0);
    for (const key of keys) assert.ok(nls[key.slice(2, -2)], `package.nls.json has no ${key}`);
  });

  it('activates on .alignment/ only, never on startup', () => {
    assert.deepEqual(manifest.activationEvents, ['workspaceContains:.alignment']);
  });
});
