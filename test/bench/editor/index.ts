// Runs inside VS Code's extension host for `npm run bench` (scripts/benchEditor.ts): how long Truthline blocks
// the extension host while it activates on a large `.alignment/`. The workspace holds the items in
// `.alignment-pending/`, so nothing activates Truthline at start-up; this moves the folder in, activates the
// extension, shows its views and a source file, and times every gap in a 2 ms timer until the first answer,
// the tag index and a quiet second after them; then the same for one edit typed in an `.alignment/` file.
// A gap is a task that held the thread: no other extension, no hover, no keystroke could run meanwhile.
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../src/extension/constants';
import type { TruthlineApi } from '../../../src/extension/api/api';
import { OUTPUT_TAG_ENV } from '../../harness/extensionHostRun';
import { BENCH_PROFILE_ENV, BENCH_RESULT_ENV, EDITED_FILE, EDITED_TITLE, type EditorStallResult, type EditStallResult, OPENED_FILE } from './result';

const TICK_MS = 2;
/** process.hrtime (ms) minus performance.now(): both run on the same monotonic clock. */
const HRTIME_OFFSET_MS = Number(process.hrtime.bigint()) / 1e6 - performance.now();

/**
 * Every stretch the host could not serve its messages: a probe every 2 ms asks for the loop's next turn
 * (setImmediate runs after the loop polled for messages) and times how long it took, and how late the probe's
 * own timer came (a task that held the thread before it).
 */
class GapSampler {
  private readonly gaps: { at: number; ms: number; fromUs: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly start: number) {
    this.schedule();
  }

  private schedule(): void {
    const due = performance.now() + TICK_MS;
    this.timer = setTimeout(() => {
      const fired = performance.now();
      this.record(due, fired - due); // a task held the thread past the timer's time
      setImmediate(() => {
        const turned = performance.now();
        this.record(fired, turned - fired); // the loop's next turn, where messages are read, came this late
        if (!this.stopped) this.schedule();
      });
    }, TICK_MS);
  }

  private record(from: number, late: number): void {
    // On process.hrtime's clock too, which a CPU profile's sample times use.
    if (late > 1) this.gaps.push({ at: Math.round(from - this.start), ms: late, fromUs: Math.round((from + HRTIME_OFFSET_MS) * 1000) });
  }

  stop(): { longestMs: number; over50: { at: number; ms: number }[]; stalls: { at: number; ms: number; fromUs: number }[] } {
    this.stopped = true;
    clearTimeout(this.timer);
    const sorted = [...this.gaps].sort((a, b) => b.ms - a.ms);
    return {
      longestMs: sorted[0]?.ms ?? 0,
      over50: sorted.filter((gap) => gap.ms > 50).map((gap) => ({ at: gap.at, ms: Math.round(gap.ms) })),
      stalls: sorted.filter((gap) => gap.ms > 20),
    };
  }
}

/** A line for the bench's output (tagged, so the harness tells it from the workbench's log). */
function say(text: string): void {
  console.log(`${process.env[OUTPUT_TAG_ENV] ?? ''}${text}`);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A CPU profile of this extension host, from now until the returned function is called (where the stalls go). */
async function startProfile(): Promise<() => Promise<unknown>> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string): Promise<unknown> => new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => ((await post('Profiler.stop')) as { profile: unknown }).profile;
}

export async function run(): Promise<void> {
  const resultFile = process.env[BENCH_RESULT_ENV];
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!resultFile || !folder) throw new Error(`no ${BENCH_RESULT_ENV} or no workspace folder`);
  const idle = new GapSampler(performance.now());
  await sleep(3_000);
  const idleLongestMs = idle.stop().longestMs;

  const profile = process.env[BENCH_PROFILE_ENV] ? await startProfile() : undefined;
  const start = performance.now();
  const sampler = new GapSampler(start);
  fs.renameSync(path.join(folder.uri.fsPath, '.alignment-pending'), path.join(folder.uri.fsPath, '.alignment'));
  const extension = vscode.extensions.getExtension<TruthlineApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  const activateMs = performance.now() - start;
  say(`activated in ${activateMs.toFixed(0)} ms`);
  // As a person would: the Truthline side bar open (every feature in All Features), a source file in the editor.
  await vscode.commands.executeCommand('workbench.view.extension.truthline');
  const opened = vscode.Uri.joinPath(folder.uri, ...OPENED_FILE.split('/'));
  await vscode.window.showTextDocument(opened, { preview: false });
  say('views and editor open');
  await api.itemsFor(opened);
  const firstAnswerMs = performance.now() - start;
  say(`first answer after ${firstAnswerMs.toFixed(0)} ms`);
  await api.codeFor('CR-0');
  const indexedMs = performance.now() - start;
  say(`tag index after ${indexedMs.toFixed(0)} ms`);
  await sleep(1_000);
  const { longestMs, over50, stalls } = sampler.stop();
  const edit = await typeOneEdit(api, folder.uri, opened);
  if (profile) fs.writeFileSync(process.env[BENCH_PROFILE_ENV] as string, JSON.stringify(await profile()));
  const result: EditorStallResult = { idleLongestMs, activateMs, firstAnswerMs, indexedMs, longestMs, over50, stalls, edit };
  fs.writeFileSync(resultFile, JSON.stringify(result));
}

/**
 * After activation has settled: one edit typed into an `.alignment/` file in an editor, as a person renames a
 * feature. Until the API answers with the new title (typing pause, the model rebuilt from the one before),
 * then a quiet second for the views, the Problems panel and the lenses to redraw.
 */
async function typeOneEdit(api: TruthlineApi, root: vscode.Uri, opened: vscode.Uri): Promise<EditStallResult> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(root, ...EDITED_FILE.split('/')), { preview: false });
  const line = `title: ${EDITED_TITLE}\n`;
  const offset = editor.document.getText().indexOf(line);
  if (offset < 0) throw new Error(`${EDITED_FILE} has no "${line.trim()}"`);
  await sleep(1_000); // the editor's own opening settles first
  const start = performance.now();
  const sampler = new GapSampler(start);
  const renamed = `${EDITED_TITLE} (renamed)`;
  const answered = new Promise<void>((resolve) => {
    const listener = api.onDidChange(() => {
      void api.itemsFor(opened).then((items) => {
        if (!items?.features.some((feature) => feature.title === renamed)) return;
        listener.dispose();
        resolve();
      });
    });
  });
  await editor.edit((builder) => builder.insert(editor.document.positionAt(offset + line.length - 1), ' (renamed)'));
  await answered;
  const answerMs = performance.now() - start;
  say(`the edit answered after ${answerMs.toFixed(0)} ms`);
  await sleep(1_000);
  const { longestMs, over50, stalls } = sampler.stop();
  return { answerMs, longestMs, over50, stalls };
}
