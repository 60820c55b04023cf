// The fast scan of `truthline check`: the byte prefilter never drops a file scanTags finds a tag in, the
// reader's one reused buffer never leaks a file into the next, the worker threads give the same problems as
// reading in one thread, and the .gitignore name filter hides exactly what the `ignore` package hides.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCheck } from '../../src/cli/check';
import { nodeFileSystem, type CheckFileSystem } from '../../src/cli/fileSystem';
import { listRepoFiles } from '../../src/cli/repoFiles';
import { startSourceScan } from '../../src/cli/scanSources';
import { looksBinary, Read, SourceReader, TagPrefilter } from '../../src/cli/sourceScan';
import { scanTags, TAG_KEYWORDS } from '../../src/core';
import { yaml } from './helpers';
import { TempRepos } from './tempRepos';

const prefilter = new TagPrefilter(TAG_KEYWORDS);

/** The prefilter on `text`'s bytes, in a buffer longer than them whose tail holds a tag (stale bytes). */
function mayHoldTag(text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  const buffer = Buffer.alloc(bytes.length + 16, '// @serves CR-1 ');
  bytes.copy(buffer);
  return prefilter.mayHoldTag(buffer, bytes.length);
}

describe('the CLI scan: byte prefilter', () => {
  it('passes every text scanTags finds a tag in, whatever surrounds it (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('@', '@serves', '@risk', '@assumes', '@milestone', '@flag', '@servesx', '@Serves', ' ', '\t', '\n', '\r\n', '\r', '\u2028',
        '//', '/*', '*/', '#', '--', '<!--', '-->', ';', '*', ',', 'CR-1', 'R-2', 'x', '_', '0', '.', '\uFEFF', 'é', '\u{1F600}', '\uFFFD', 'a@'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      if (scanTags(text).length > 0) assert.ok(mayHoldTag(text), JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  it('passes tags after a BOM, in CRLF files, at the very end without a newline, and after non-ASCII text', () => {
    for (const text of ['\uFEFF// @serves CR-1\r\n', 'a\r\n// @risk R-2\r\n', 'x = 1 // @milestone M2', 'ünïcødé // @assumes A-1\n', '// @flag\tF-1']) {
      assert.equal(scanTags(text).length, 1, text);
      assert.ok(mayHoldTag(text), text);
    }
  });

  it('stops where the file ends: a keyword cut by the end, or a tag only in the buffer past it, is not seen', () => {
    for (const text of ['// @serves', '// @serves\n', '// @', '// @risk', 'mail me@serves.example', 'const a = b@serves c', '// @servesCR-1', '']) {
      assert.equal(mayHoldTag(text), false, JSON.stringify(text));
    }
  });

  it('reads invalid UTF-8 bytes as the decoder does: ASCII bytes stay ASCII', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xc3]), Buffer.from('// @serves CR-1\n')]);
    assert.equal(scanTags(bytes.toString('utf8')).length, 1);
    assert.ok(prefilter.mayHoldTag(bytes, bytes.length));
  });
});

describe('the CLI scan: binary sniff', () => {
  it('calls a file binary for a NUL in its first 8000 bytes only, and looks no further than its length', () => {
    const buffer = Buffer.alloc(20_000, 'a');
    buffer[7999] = 0;
    assert.equal(looksBinary(buffer, 10_000), true);
    buffer[7999] = 0x61;
    buffer[8000] = 0;
    assert.equal(looksBinary(buffer, 10_000), false);
    assert.equal(looksBinary(buffer, 100), false, 'a stale NUL past the length');
    assert.equal(buffer[100], 0x61, 'the end mark is taken away again');
    assert.equal(looksBinary(Buffer.from([0x61, 0]), 2), true);
  });
});

describe('the CLI scan: reader', () => {
  const repos = new TempRepos('truthline-scan');
  after(() => repos.removeAll());

  it('reuses its buffer without leaking one file into the next, and decodes text as readFile does', () => {
    const max = 4096;
    const root = repos.make({
      'big.ts': `${'x'.repeat(3000)}\n// @serves CR-1\n`,
      'small.ts': 'no tags here\n',
      'bom-crlf.ts': '\uFEFF// ünï\r\n// @risk R-2\r\n',
      'exact.ts': `// @serves CR-1\n${'y'.repeat(max - 16)}`,
      'over.ts': `// @serves CR-1\n${'y'.repeat(max - 15)}`,
      'empty.ts': '',
      'binary.png': Buffer.concat([Buffer.from('// @serves CR-1\n'), Buffer.from([0, 1, 2])]),
    });
    const reader = new SourceReader(prefilter, max);
    const read = (file: string): [Read, string?] => {
      const found = reader.read(path.join(root, file));
      return found === Read.MayHoldTags ? [found, reader.text] : [found];
    };
    assert.deepEqual(read('big.ts'), [Read.MayHoldTags, readFileSync(path.join(root, 'big.ts'), 'utf8')]);
    assert.deepEqual(read('small.ts'), [Read.NoTags]);
    assert.deepEqual(read('bom-crlf.ts'), [Read.MayHoldTags, readFileSync(path.join(root, 'bom-crlf.ts')).toString('utf8')]);
    assert.equal(read('exact.ts')[0], Read.MayHoldTags, 'a file of exactly the limit is read');
    assert.deepEqual(read('over.ts'), [Read.Skipped], 'one byte more is too large');
    assert.deepEqual(read('empty.ts'), [Read.NoTags]);
    assert.deepEqual(read('binary.png'), [Read.Skipped]);
    assert.throws(() => reader.read(path.join(root, 'missing.ts')), { code: 'ENOENT' });
  });
});

describe('the CLI scan: worker threads', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-scan');
  after(() => repos.removeAll());

  /** Node's file system, but another object: runCheck then reads every file in its own thread. */
  const inThisThread: CheckFileSystem = { ...nodeFileSystem };

  it('give the same problems as reading in one thread, on 2,400 files with tags in the very last ones', async () => {
    const files: Record<string, string | Buffer> = {
      '.alignment/f.yaml': yaml('kind: feature', 'id: checkout', 'title: Checkout', 'paths: [src/]'),
      '.alignment/r.yaml': yaml('kind: request', 'id: CR-1', 'customer: Acme GmbH', 'quote: Our PO number.', 'features: [checkout]'),
      '.alignment/flags/F-1.yaml': yaml('kind: flag', 'id: F-1', 'feature: checkout', 'reported: done', 'reality: not done', 'severity: low', 'raisedBy: me',
        'raisedAt: 2026-11-01', 'anchor: { path: src/a-7/f-7.ts, startLine: 1, endLine: 1, text: "gone" }'),
      '.gitignore': 'ignored/\n',
    };
    for (let i = 0; i < 2_400; i++) {
      const tag = i % 97 === 0 ? `// @serves CR-${i % 2 ? 1 : i}\n` : '';
      files[`src/a-${i % 24}/f-${i}.ts`] = `${i % 5 === 0 ? '\uFEFF' : ''}const a${i} = ${i};${i % 3 === 0 ? '\r\n' : '\n'}${tag}`;
    }
    files['src/zz/last.ts'] = '// @risk R-404';
    files['src/zz/image.png'] = Buffer.from([0x40, 0, 0x40]);
    files['ignored/x.ts'] = '// @serves CR-999\n';
    const root = repos.make(files);
    const withWorkers = await runCheck(root);
    const oneThread = await runCheck(root, inThisThread);
    const shown = (problems: typeof withWorkers.problems): string[] => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.code} ${p.message}`);
    assert.deepEqual(shown(withWorkers.problems), shown(oneThread.problems));
    const codes = withWorkers.problems.map((p) => `${p.file} ${p.code}`);
    assert.ok(codes.includes('src/zz/last.ts unknown-tag-id'), codes.join('\n'));
    assert.ok(codes.includes('.alignment/flags/F-1.yaml anchor-drifted'), codes.join('\n'));
    assert.equal(codes.filter((code) => code.endsWith('unknown-tag-id')).length, 1 + 25 - 12, codes.join('\n'));
  });

  it('read every batch when this thread does not take part, as this thread would', async () => {
    const root = repos.make(Object.fromEntries(Array.from({ length: 2_100 }, (_, i) => [`f-${i}.ts`, i % 700 === 699 ? `\uFEFF// @serves CR-${i}\r\n` : `x${i}\n`])));
    const paths = Array.from({ length: 2_100 }, (_, i) => `f-${i}.ts`);
    const scan = (options: Parameters<typeof startSourceScan>[2], files = nodeFileSystem): ReturnType<typeof startSourceScan> => {
      const running = startSourceScan(files, root, options);
      for (const file of paths) running.add(file);
      return running;
    };
    const byWorkers = await scan({ maxBytes: 1024, workers: 2, thisThreadReads: false }).finish();
    const here = await scan({ maxBytes: 1024 }, inThisThread).finish();
    assert.equal(byWorkers.readByWorkers, Math.ceil(2_100 / 32));
    assert.deepEqual(byWorkers.sources, here.sources);
    assert.deepEqual(byWorkers.sources.map((source) => source.path), ['f-699.ts', 'f-1399.ts', 'f-2099.ts']);
    assert.equal(await byWorkers.textOf('f-5.ts'), 'x5\n');
  });

  it('do not keep the process alive when the check stops before it waits for them', () => {
    const root = repos.make(Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`f-${i}.ts`, 'x\n'])));
    const script = `const { startSourceScan } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'cli', 'scanSources.js'))});
      const { nodeFileSystem } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'cli', 'fileSystem.js'))});
      const scan = startSourceScan(nodeFileSystem, ${JSON.stringify(root)}, { maxBytes: 1024, workers: 2 });
      try {
        for (let i = 0; i < 1500; i++) scan.add('f-' + i + '.ts');
        throw new Error('stopped');
      } catch (error) {
        console.error(String(error)); // as the CLI does: a message and an exit code, no process.exit()
        process.exitCode = 2;
      }`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.signal, null, 'ended on its own, not by the timeout');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /stopped/);
  });

  it('read in this thread alone for a few files, and read a file without tags again when asked', async () => {
    const root = repos.make(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f-${i}.ts`, i === 299 ? '// @serves CR-1\n' : 'x\n'])));
    const scan = startSourceScan(nodeFileSystem, root, { maxBytes: 1024, workers: 0 });
    for (let i = 0; i < 300; i++) scan.add(`f-${i}.ts`);
    const result = await scan.finish();
    assert.deepEqual(result.sources.map((source) => source.path), ['f-299.ts']);
    assert.equal(await result.textOf('f-3.ts'), 'x\n', 'a file without tags is read again when asked');
    assert.equal(await result.textOf('missing.ts'), undefined);
  });
});

describe('the CLI scan: .gitignore', () => {
  const repos = new TempRepos('truthline-scan');
  after(() => repos.removeAll());

  it('hides what git hides, for rules that look at a name and for any other rule', async () => {
    const root = repos.make({
      '.gitignore': '*.LOG\nbuild/\n!keep.log\ntrailing.txt   \n',
      'a.log': '', 'B.Log': '', 'keep.log': '', 'build/x.ts': '', 'src/build': '', 'trailing.txt': '', 'src/x.log.ts': '',
      'pkg/.gitignore': '/top.ts\ndocs/*.md\n*.tmp\n',
      'pkg/top.ts': '', 'pkg/sub/top.ts': '', 'pkg/docs/a.md': '', 'pkg/docs/deep/b.md': '', 'pkg/c.TMP': '', 'pkg/keep.ts': '',
      'other/.gitignore': 'ünï\n', 'other/ünï': '', 'other/ok.ts': '',
    });
    const listing = await listRepoFiles(nodeFileSystem, root);
    assert.deepEqual(listing.files, [
      '.gitignore', 'keep.log', 'other/.gitignore', 'other/ok.ts', 'pkg/.gitignore', 'pkg/docs/deep/b.md', 'pkg/keep.ts', 'pkg/sub/top.ts', 'src/build', 'src/x.log.ts',
    ]);
  });
});
