// `npm run bench`, in a real VS Code: the longest stretch for which Truthline blocks the extension host while
// it activates on the 10k-item `.alignment/` (2,000 features, 6,000 source files), with its views open and a
// source file in the editor. code-server and Chromium as the tests run them; the measuring side runs inside
// the extension host (test/bench/editor). Needs `npm run build` (done by the scan bench before it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from '../test/harness/browser';
import { startCodeServer } from '../test/harness/codeServer';
import { runInExtensionHost } from '../test/harness/extensionHostRun';
import { installVsCode } from '../test/harness/install';
import { createRunFolder } from '../test/harness/runFolder';
import { BENCH_PROFILE_ENV, BENCH_RESULT_ENV, type EditorStallResult } from '../test/bench/editor/result';
import { generate, SCENARIOS } from './bench';

const REPOSITORY = path.resolve(__dirname, '..', '..');
const TARGET_MS = 50;

/** The 10k scenario's files on disk, `.alignment/` held back as `.alignment-pending/` until the measure starts. */
function writeWorkspace(root: string): { items: number; sources: number } {
  const scenario = SCENARIOS[SCENARIOS.length - 1];
  if (!scenario) throw new Error('no bench scenario');
  const { files, repoPaths } = generate(scenario);
  for (const file of files) write(root, file.path.replace(/^\.alignment\//, '.alignment-pending/'), file.text);
  repoPaths.forEach((repoPath, index) => {
    // Five lines (the flags anchor lines 3-5), and a tag in every module's index.ts.
    const tag = repoPath.endsWith('/index.ts') ? `// @serves CR-${6 * (index % 100)}` : '// no tag here';
    write(root, repoPath, `${tag}\nexport const value${index} = ${index};\nexport function f${index}(): number {\n  return value${index};\n}\n`);
  });
  return { items: scenario.items, sources: repoPaths.length };
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

const ms = (value: number): string => `${value.toFixed(0)} ms`;

export async function benchEditorStall(): Promise<void> {
  const run = createRunFolder('bench-editor');
  const workspace = path.join(run.root, 'workspace');
  const resultFile = path.join(run.root, 'result.json');
  const { items, sources } = writeWorkspace(workspace);
  let exitCode: number | undefined;
  let failure = '';
  try {
    const install = installVsCode();
    const browser = await launchBrowser(install, run);
    const server = await startCodeServer({ install, run, testDriver: true });
    try {
      exitCode = await runInExtensionHost(browser, server, {
        folder: workspace,
        extensionPath: REPOSITORY,
        suitePath: path.join(REPOSITORY, 'out', 'test', 'bench', 'editor'),
        // TRUTHLINE_BENCH_PROFILE=<file>: a CPU profile of the extension host, to open in Chrome's DevTools.
        env: { [BENCH_RESULT_ENV]: resultFile, ...(process.env[BENCH_PROFILE_ENV] ? { [BENCH_PROFILE_ENV]: path.resolve(process.env[BENCH_PROFILE_ENV]) } : {}) },
        timeoutMs: 300_000,
        onOutput: (line) => console.log(`  ${line}`),
        workbenchLog: path.join(run.root, 'workbench.log'),
      });
    } finally {
      await server.stop();
      await browser.close();
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  console.log(`\nactivation in a real VS Code (code-server), ${items.toLocaleString('en-US')} items, ${sources.toLocaleString('en-US')} source files, views and a source file open:`);
  if (!fs.existsSync(resultFile)) {
    console.log(`  not measured (exit ${exitCode ?? '-'}${failure ? `: ${failure}` : ''}); the run's files are in ${run.root}`);
    return;
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EditorStallResult;
  console.log(`  activate ${ms(result.activateMs)}, first answer ${ms(result.firstAnswerMs)}, tag index ${ms(result.indexedMs)} (after the folder appeared)`);
  console.log(`  longest extension-host stall ${ms(result.longestMs)}   target <= ${TARGET_MS} ms  ${result.longestMs <= TARGET_MS ? 'OK' : 'OVER'}   (idle before: ${ms(result.idleLongestMs)})`);
  if (result.over50.length > 0) console.log(`  stalls over 50 ms: ${result.over50.slice(0, 8).map((gap) => `${gap.ms} ms at ${gap.at} ms`).join(', ')}${result.over50.length > 8 ? ` and ${result.over50.length - 8} more` : ''}`);
  fs.rmSync(run.root, { recursive: true, force: true });
}
