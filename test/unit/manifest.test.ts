// package.json and src/extension/constants.ts must name the same commands, views and settings, and every
// user-visible string of the manifest must be in package.nls.json.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GROUP_KINDS } from '../../src/core/presentation/sections';
import { ASSUMPTION_STATUSES, FLAG_STATUSES, GATE_CALLS, RISK_STATUSES } from '../../src/core/schemas';
import * as constants from '../../src/extension/constants';
import { CommandTitles, Commands, ContextValues, ContextValuesWithoutMenu } from '../../src/extension/constants';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface CommandContribution { command: string; title: string; category?: string }
interface MenuEntry { command?: string; when?: string }

type ContextValueKey = keyof typeof ContextValues;

/** The tokens that get a suffix (ContextValues' "+ .<x>"), with every suffix the extension appends. */
const SUFFIXES: Partial<Record<ContextValueKey, readonly string[]>> = {
  group: GROUP_KINDS,
  gate: GATE_CALLS,
  assumption: ASSUMPTION_STATUSES,
  risk: RISK_STATUSES,
  flag: FLAG_STATUSES,
};

/** Every contextValue a row of that constant can carry. */
function rowValues(key: ContextValueKey): string[] {
  const suffixes = SUFFIXES[key];
  return suffixes ? suffixes.map((suffix) => `${ContextValues[key]}.${suffix}`) : [ContextValues[key]];
}

/** The `viewItem == x` and `viewItem =~ /…/` tests of a `when` clause, each as a RegExp. */
function viewItemTests(when: string): RegExp[] {
  const tests: RegExp[] = [];
  for (const match of when.matchAll(/viewItem\s*(==|=~)\s*(\/(?:[^/\\]|\\.)+\/|[^\s&|)]+)/g)) {
    const [, operator, operand = ''] = match;
    tests.push(operator === '==' ? new RegExp(`^${operand.replace(/\./g, '\\.')}$`) : new RegExp(operand.slice(1, -1)));
  }
  return tests;
}

/**
 * The tokens a menu's pattern names, spelled out: `^truthline\.flag\.(open|acknowledged)` names
 * truthline.flag.open and truthline.flag.acknowledged. Only `\.`, groups of alternatives and `^`/`$` are read.
 */
function namedTokens(pattern: RegExp): string[] {
  const source = pattern.source;
  assert.match(source, /^\^(?:[\w-]|\\\.|\((?:[\w.-]|\\\.|\|)+\))+\$?$/, `cannot spell out ${source}: keep menus to ^prefix\\.(a|b) patterns`);
  let tokens = [''];
  for (const [, literal, group] of source.replace(/^\^|\$$/g, '').matchAll(/([\w-]|\\\.)|\(([^)]*)\)/g)) {
    const options = group !== undefined ? group.split('|').map((option) => option.replace(/\\\./g, '.')) : [literal === '\\.' ? '.' : literal ?? ''];
    tokens = tokens.flatMap((token) => options.map((option) => token + option));
  }
  return tokens;
}

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

  describe('tree item menus and ContextValues', () => {
    const tests = Object.values(manifest.contributes.menus as Record<string, MenuEntry[]>).flat().flatMap((entry) => viewItemTests(entry.when ?? ''));
    const keys = Object.keys(ContextValues) as ContextValueKey[];

    it('read the view/item/context menus', () => {
      assert.ok(tests.length >= 10, `${tests.length} viewItem tests found`);
    });

    it('name only tokens that are constants (a constant, or a constant with one of its suffixes)', () => {
      const known = new Set<string>([...Object.values(ContextValues), ...keys.flatMap(rowValues)]);
      for (const test of tests) {
        for (const token of namedTokens(test)) assert.ok(known.has(token), `a menu names ${token} (${test.source}), which no ContextValues constant makes`);
      }
    });

    it('offer something on every constant\'s rows, or the constant says why not', () => {
      for (const key of keys) {
        const menus = tests.filter((test) => rowValues(key).some((value) => test.test(value)));
        const why = ContextValuesWithoutMenu[key];
        if (why === undefined) assert.ok(menus.length > 0, `no menu offers anything on ${ContextValues[key]} rows: add one, or say why in ContextValuesWithoutMenu`);
        else assert.deepEqual(menus.map((test) => test.source), [], `${key} is in ContextValuesWithoutMenu (${why}), yet a menu shows on it`);
      }
    });

    it('spell out their patterns as the test reads them', () => {
      assert.deepEqual(namedTokens(/^truthline\.flag\.(open|acknowledged)/), ['truthline.flag.open', 'truthline.flag.acknowledged']);
      assert.deepEqual(namedTokens(/^truthline\.(gate|milestone)$/), ['truthline.gate', 'truthline.milestone']);
      assert.deepEqual(viewItemTests('view == x && viewItem == truthline.request || viewItem =~ /^truthline\\.gate/').map(String), ['/^truthline\\.request$/', '/^truthline\\.gate/']);
    });
  });

  it('has the palette titles that messages quote (CommandTitles) as package.json shows them', () => {
    for (const [key, title] of Object.entries(CommandTitles)) {
      const id = (Commands as Record<string, string>)[key];
      const command = commands.find((candidate) => candidate.command === id);
      assert.ok(command, `CommandTitles.${key}: no command ${String(id)}`);
      assert.equal(`${command.category ?? ''}: ${nls[command.title.slice(1, -1)] ?? command.title}`, title, `CommandTitles.${key}`);
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
    // The folder itself for the Node host (it checks the path); its YAML files for the browser's host, which
    // answers workspaceContains by a file search, and a search finds files, not a folder.
    assert.deepEqual(manifest.activationEvents, ['workspaceContains:.alignment', 'workspaceContains:.alignment/**/*.yaml', 'workspaceContains:.alignment/**/*.yml']);
  });
});
