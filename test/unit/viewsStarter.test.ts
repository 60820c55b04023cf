// The starter folder `Truthline: Initialize` writes passes core's checks, with or without feature paths.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { featureReality, gapLevel, isAlignmentFile, itemsForFile, KINDS, loadAlignment, type LoadedItem } from '../../src/core';
import { starterFeaturePaths, starterFiles } from '../../src/core/starterFiles';

const TODAY = '2026-11-22';

function load(featurePaths?: string[], repoFiles?: string[]): ReturnType<typeof loadAlignment> {
  const files = starterFiles({ today: TODAY, ...(featurePaths ? { featurePaths } : {}) }).filter((file) => isAlignmentFile(file.path));
  return loadAlignment(files, repoFiles ? { repoFiles } : {});
}

describe('Initialize starter folder', () => {
  it('loads without a problem and holds one item of each kind', () => {
    const model = load();
    assert.deepEqual(model.problems, []);
    for (const kind of KINDS) assert.equal(model.byKind[kind].length, 1, `one ${kind}`);
  });

  it('covers the given folder without a glob warning, and ties every item to the example feature', () => {
    const model = load(['src/checkout/'], ['src/checkout/cart.ts', 'README.md']);
    assert.deepEqual(model.problems, []);
    const found = itemsForFile(model, 'src/checkout/cart.ts');
    assert.deepEqual(found.features.map((feature) => feature.id), ['example-feature']);
    for (const list of [found.requests, found.assumptions, found.risks, found.milestones, found.decisions, found.flags]) assert.equal(list.length, 1);
  });

  it('starts calm: the example flag is resolved and the example risk not high, so the feature is clean', () => {
    const reality = featureReality(load(), 'example-feature');
    assert.equal(reality.disagrees, false);
    assert.deepEqual(reality.openFlags, { critical: 0, high: 0, medium: 0, low: 0 });
    assert.equal(gapLevel(load().byId.get('example-feature') as LoadedItem<'feature'>, reality), 'clean');
  });

  it('keeps every file under .alignment/ and comments every example', () => {
    const files = starterFiles({ today: TODAY });
    for (const file of files) assert.ok(file.path.startsWith('.alignment/'), file.path);
    for (const file of files.filter((candidate) => candidate.path.endsWith('.yaml'))) assert.match(file.text, /^# /, `${file.path} starts with a comment`);
  });

  it('passes `truthline check` in a repository, as written to disk', function () {
    this.timeout(30_000);
    const repo = mkdtempSync(path.join(os.tmpdir(), 'truthline-starter-'));
    try {
      mkdirSync(path.join(repo, 'src', 'checkout'), { recursive: true });
      writeFileSync(path.join(repo, 'src', 'checkout', 'cart.ts'), '// @risk R-1\nexport const cart = [];\n');
      for (const file of starterFiles({ today: TODAY, featurePaths: ['src/checkout/'] })) {
        mkdirSync(path.dirname(path.join(repo, file.path)), { recursive: true });
        writeFileSync(path.join(repo, file.path), file.text);
      }
      const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'check', repo], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^0 errors, 0 warnings \(1 feature, 1 request, 1 assumption, 1 risk, 1 milestone, 1 decision, 1 flag\)/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('dates the examples from today', () => {
    const model = load();
    assert.equal(model.byKind.milestone[0]?.item.due, '2026-12-20');
    assert.equal(model.byKind.flag[0]?.item.raisedAt, TODAY);
    // Named by its id, as Raise Truth Flag names a flag's file.
    assert.ok(starterFiles({ today: TODAY }).some((file) => file.path === `.alignment/flags/F-${TODAY.replace(/-/g, '')}-example.yaml`));
  });
});

describe('what the starter\'s example feature covers', () => {
  it('covers the folder of the file being edited, or the file itself at the root', () => {
    assert.deepEqual(starterFeaturePaths('src/app/main.ts', ['src', 'docs']), ['src/app/']);
    assert.deepEqual(starterFeaturePaths('main.go', ['cmd']), ['main.go']);
  });

  it('without an editor (or with an .alignment/ file open), covers src/, else the first folder of code', () => {
    assert.deepEqual(starterFeaturePaths(undefined, ['lib', 'src', 'app']), ['src/']);
    assert.deepEqual(starterFeaturePaths('.alignment/README.md', ['src']), ['src/']);
    assert.deepEqual(starterFeaturePaths(undefined, ['.github', 'node_modules', 'docs', 'services', 'api']), ['api/']);
  });

  it('covers nothing in a folder with no code, and the starter then writes the paths as a commented example', () => {
    assert.equal(starterFeaturePaths(undefined, ['.git', 'node_modules', 'dist']), undefined);
    const feature = starterFiles({ today: '2026-11-30' }).find((file) => file.path.endsWith('example-feature.yaml'));
    assert.match(feature?.text ?? '', /^# paths:\n# {3}- src\/checkout\/$/m);
  });
});
