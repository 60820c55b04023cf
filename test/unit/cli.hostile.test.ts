// `truthline check` on a hostile branch: files and folders it cannot read, pipes, links out of the
// repository, a flag anchored outside it, a huge file of tags. Each is a positioned problem or skipped; the
// check always finishes, reads nothing outside the repository, and never ends in a stack trace.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { runCheck } from '../../src/cli/check';
import { nodeFileSystem, type CheckFileSystem } from '../../src/cli/fileSystem';
import { yaml } from './helpers';
import { buildCli, ROOT, TempRepos } from './tempRepos';

const CLI = path.join(ROOT, 'dist', 'cli.js');

const FEATURE = yaml('kind: feature', 'id: checkout', 'title: Checkout', 'paths: [src/]');
const REQUEST = yaml('kind: request', 'id: CR-1', 'customer: Acme GmbH', 'quote: Our PO number on every invoice.', 'features: [checkout]');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface JsonReport {
  items: Record<string, number>;
  problems: { file: string; line: number; column: number; severity: string; code: string; message: string }[];
}

function truthline(args: readonly string[], cwd: string, options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function report(run: Run): JsonReport {
  assert.equal(run.stderr, '', 'nothing on stderr: no stack trace');
  return JSON.parse(run.stdout) as JsonReport;
}

/** `file:line:column severity code` of each problem. */
function where(problems: JsonReport['problems']): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}`);
}

/** An error like the file system's, with its code. */
function fsError(code: string, message: string, call: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}, ${call} '${file}'`), { code });
}

describe('truthline check on a hostile branch (CLI)', function () {
  this.timeout(60_000);
  const repos = new TempRepos('truthline-hostile');
  const repo = (files: Record<string, string | Buffer>): string => repos.make(files);

  before(buildCli);

  after(() => {
    // The chmod 000 test's files must be readable again to be removed.
    repos.removeAll((root) => process.platform !== 'win32' && execFileSync('chmod', ['-R', 'u+rwX', root]));
  });

  describe('files and folders that cannot be read', () => {
    /** The node file system, failing as a permission would for the given repository-relative paths. */
    function denying(root: string, denied: readonly string[]): CheckFileSystem & { touched: string[] } {
      const touched: string[] = [];
      const deny = (call: string, file: string): void => {
        touched.push(file);
        const relative = path.relative(root, file).split(path.sep).join('/');
        if (denied.includes(relative)) throw fsError('EACCES', 'permission denied', call, file);
      };
      return {
        touched,
        readdir: async (folder) => (deny('scandir', folder), nodeFileSystem.readdir(folder)),
        readFile: async (file) => (deny('open', file), nodeFileSystem.readFile(file)),
        stat: (file) => nodeFileSystem.stat(file),
        lstat: (file) => nodeFileSystem.lstat(file),
      };
    }

    it('reports each at line 1, column 1 of its path, and checks everything else', async () => {
      const root = repo({
        '.alignment/features/checkout.yaml': FEATURE,
        '.alignment/requests/cr-1.yaml': REQUEST,
        '.alignment/locked/hidden.yaml': REQUEST.replace('CR-1', 'CR-2'),
        '.alignment/secret.yaml': REQUEST.replace('CR-1', 'CR-3'),
        'src/pay.ts': '// @serves CR-1, CR-404\n',
        'src/secret.ts': '// @serves CR-405\n',
        'src/locked/a.ts': '// @serves CR-406\n',
        'lib/.gitignore': 'generated/\n',
      });
      const files = denying(root, ['.alignment/locked', '.alignment/secret.yaml', 'src/secret.ts', 'src/locked', 'lib/.gitignore']);
      const result = await runCheck(root, files);
      assert.deepEqual(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}`), [
        '.alignment/locked:1:1 error unreadable-file: folder could not be read (EACCES: permission denied); the files in it are left out of this check',
        '.alignment/secret.yaml:1:1 error unreadable-file: file could not be read (EACCES: permission denied); check that it is a readable file',
        'lib/.gitignore:1:1 error unreadable-file: file could not be read (EACCES: permission denied); check that it is a readable file',
        'src/locked:1:1 error unreadable-file: folder could not be read (EACCES: permission denied); the files in it are left out of this check',
        'src/pay.ts:1:18 error unknown-tag-id: @serves names "CR-404", but no request in .alignment/ has that id',
        'src/secret.ts:1:1 error unreadable-file: file could not be read (EACCES: permission denied); check that it is a readable file',
      ]);
      assert.deepEqual(result.model.items.map((entry) => entry.id), ['checkout', 'CR-1']);
    });

    it('reports a folder it cannot list at the repository root as "."', async () => {
      const root = repo({ '.alignment/features/checkout.yaml': FEATURE });
      const result = await runCheck(root, denying(root, ['']));
      assert.deepEqual(result.problems.map((p) => `${p.file} ${p.code}`), ['. unreadable-file']);
      assert.equal(result.model.items.length, 1);
    });

    it('reads no file past 1 MiB in .alignment/, and reports it as too large', async () => {
      const root = repo({ '.alignment/huge.yaml': `# ${'x'.repeat(1024 * 1024)}\n` });
      const files = denying(root, []);
      const result = await runCheck(root, files);
      assert.deepEqual(result.problems.map((p) => `${p.file} ${p.code}`), ['.alignment/huge.yaml file-too-large']);
      assert.ok(!files.touched.some((file) => file.endsWith('huge.yaml')), 'the file was read');
    });

    it('reports a pipe named *.yaml in .alignment/ without waiting on it, and skips pipes among the sources', function () {
      if (process.platform === 'win32') this.skip();
      const root = repo({ '.alignment/features/checkout.yaml': FEATURE, 'src/pay.ts': 'export {};\n' });
      execFileSync('mkfifo', [path.join(root, '.alignment', 'pipe.yaml'), path.join(root, 'src', 'pipe.ts')]);
      const run = truthline(['check', '--format', 'json'], root, { timeout: 20_000 });
      assert.deepEqual(where(report(run).problems), ['.alignment/pipe.yaml:1:1 error unreadable-file']);
      assert.equal(run.status, 1);
    });

    it('reports chmod 000 files and folders, in .alignment/ and the sources, as the user who runs it', function () {
      if (process.platform === 'win32') this.skip();
      const root = repo({
        '.alignment/features/checkout.yaml': FEATURE,
        '.alignment/secret.yaml': REQUEST,
        '.alignment/locked/a.yaml': REQUEST,
        'src/secret.ts': '// @serves CR-1\n',
        'src/locked/a.ts': '// @serves CR-1\n',
        'src/pay.ts': '// @serves CR-404\n',
      });
      chmodSync(root, 0o755);
      for (const file of ['.alignment/secret.yaml', '.alignment/locked', 'src/secret.ts', 'src/locked']) chmodSync(path.join(root, file), 0o000);
      // Root reads anything whatever its mode: run the CLI as an unprivileged user, as CI would.
      const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      if (truthline(['--help'], root, asUser).status !== 0) this.skip(); // this machine cannot run node as nobody
      const run = truthline(['check', '--format', 'json'], root, asUser);
      assert.deepEqual(where(report(run).problems), [
        '.alignment/locked:1:1 error unreadable-file',
        '.alignment/secret.yaml:1:1 error unreadable-file',
        'src/locked:1:1 error unreadable-file',
        'src/pay.ts:1:12 error unknown-tag-id',
        'src/secret.ts:1:1 error unreadable-file',
      ]);
      assert.equal(run.status, 1);
      const text = truthline(['check'], root, asUser);
      assert.match(text.stdout, /^\.alignment\/secret\.yaml:1:1: error unreadable-file: file could not be read \(EACCES: permission denied\); check that it is a readable file$/m);
      assert.equal(text.stderr, '');
    });
  });

  describe('symbolic links', () => {
    it('does not follow a .alignment that is a link to a folder outside the repository', function () {
      if (process.platform === 'win32') this.skip();
      const outside = repo({ 'features/elsewhere.yaml': FEATURE });
      const root = repo({ 'src/pay.ts': 'export {};\n' });
      symlinkSync(outside, path.join(root, '.alignment'));
      const run = truthline(['check', '--format', 'json'], root);
      const json = report(run);
      assert.deepEqual(where(json.problems), ['.alignment:1:1 error symbolic-link']);
      assert.equal(json.items.feature, 0);
      assert.equal(run.status, 1);
    });

    it('reports links in .alignment/ (to a file, to a folder, dangling) and reads none of them', function () {
      if (process.platform === 'win32') this.skip();
      const outside = repo({ 'secret.yaml': REQUEST.replace('CR-1', 'CR-OUT'), 'flags/F-1.yaml': yaml('kind: flag', 'id: F-1', 'reality: outside') });
      const root = repo({ '.alignment/features/checkout.yaml': FEATURE, 'src/pay.ts': 'export {};\n' });
      symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, '.alignment', 'secret.yaml'));
      symlinkSync(path.join(outside, 'flags'), path.join(root, '.alignment', 'flags'));
      symlinkSync(path.join(root, 'nowhere.yaml'), path.join(root, '.alignment', 'gone.yml'));
      symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, '.alignment', 'notes.txt'));
      const json = report(truthline(['check', '--format', 'json'], root));
      assert.deepEqual(where(json.problems), [
        '.alignment/flags:1:1 error symbolic-link',
        '.alignment/gone.yml:1:1 error symbolic-link',
        '.alignment/secret.yaml:1:1 error symbolic-link',
      ]);
      assert.deepEqual([json.items.feature, json.items.request, json.items.flag], [1, 0, 0]);
    });

    it('does not scan source files behind a link out of the repository', function () {
      if (process.platform === 'win32') this.skip();
      const outside = repo({ 'lib/tagged.ts': '// @serves CR-OUTSIDE\n' });
      const root = repo({ '.alignment/features/checkout.yaml': FEATURE, 'src/pay.ts': 'export {};\n' });
      symlinkSync(path.join(outside, 'lib'), path.join(root, 'lib'));
      symlinkSync(path.join(outside, 'lib', 'tagged.ts'), path.join(root, 'tagged.ts'));
      assert.deepEqual(report(truthline(['check', '--format', 'json'], root)).problems, []);
    });
  });

  describe('a flag anchored outside the repository', () => {
    it('never reads the anchored path, and reports no drift for it', async () => {
      const flag = (id: string, anchored: string): string => yaml(
        'kind: flag', `id: ${id}`, 'reality: demo only', 'anchor:', `  path: ${anchored}`, '  startLine: 1', '  endLine: 1', '  text: "root:x:0:0"',
      );
      const root = repo({
        '.alignment/flags/F-1.yaml': flag('F-1', '../../../../etc/passwd'),
        '.alignment/flags/F-2.yaml': flag('F-2', 'src/../../secret.txt'),
        '.alignment/flags/F-3.yaml': flag('F-3', 'src/pay.ts'),
        'src/pay.ts': 'export {};\n',
      });
      const touched: string[] = [];
      const recording: CheckFileSystem = {
        readdir: (folder) => (touched.push(folder), nodeFileSystem.readdir(folder)),
        readFile: (file) => (touched.push(file), nodeFileSystem.readFile(file)),
        stat: (file) => (touched.push(file), nodeFileSystem.stat(file)),
        lstat: (file) => (touched.push(file), nodeFileSystem.lstat(file)),
      };
      const result = await runCheck(root, recording);
      assert.deepEqual(touched.filter((file) => path.relative(root, file).startsWith('..')), []);
      assert.deepEqual(result.problems.filter((p) => p.code === 'anchor-drifted').map((p) => p.file), ['.alignment/flags/F-3.yaml']);
      assert.deepEqual(result.problems.filter((p) => p.code === 'path-outside-repository').map((p) => `${p.file}:${p.line}:${p.column}`), ['.alignment/flags/F-1.yaml:5:9', '.alignment/flags/F-2.yaml:5:9']);
    });
  });

  it('checks a 1 MiB source file of @serves lines in seconds', () => {
    const root = repo({ '.alignment/features/checkout.yaml': FEATURE, 'docs/tags.md': '@serves CR-1\n'.repeat(80_000), 'src/tags.ts': '// @serves CR-1\n'.repeat(60_000) });
    const start = Date.now();
    const run = truthline(['check', '--format', 'json'], root, { timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
    const json = report(run);
    assert.equal(json.problems.length, 60_000);
    assert.ok(Date.now() - start < 15_000, `${Date.now() - start} ms`);
  });
});
