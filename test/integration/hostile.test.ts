// A hostile branch in the real editor: a flag anchored outside the workspace folder is never read nor
// opened; an anchored file too large or a pipe is not read and does not stall the other anchors; links in
// .alignment/ are problems, never followed; `$(icon)` and `[link](command:…)` in YAML show as written.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { symlinkSync } from 'fs';
import * as vscode from 'vscode';
import { Commands, EXTENSION_ID } from '../../src/extension/constants';
import { pickAbout } from '../../src/extension/flags/raisePrompts';
import { StatusCommands } from '../../src/extension/flags/statusCommands';
import { AlignmentStore } from '../../src/extension/workspace/alignmentStore';
import { FolderAlignment } from '../../src/extension/workspace/folderAlignment';
import { linkOnPath } from '../../src/extension/workspace/links';
import { plainText } from '../../src/extension/util/plainText';
import { openFeature } from '../../src/extension/views/openFeature';
import { holdsFor, waitFor, waitUntil } from './waiting';
import { file, remove, root, write } from './workspaceFiles';

interface AnchorAnswer {
  state: string;
  startLine: number;
}

const anchorOf = async (id: string): Promise<AnchorAnswer | undefined> => vscode.commands.executeCommand<AnchorAnswer | undefined>(Commands.flagAnchor, id);

/** A folder beside the workspace folder: outside the repository. */
function outside(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), '..', `zz-outside-${name}`);
}

async function writeUri(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function removeUri(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
}

function flag(id: string, path: string): string[] {
  return ['kind: flag', `id: ${id}`, 'reality: Only works in the demo.', 'anchor:', `  path: ${path}`, '  startLine: 1', '  endLine: 1', '  text: "const secret = 1;"'];
}

describe('Hostile input in the editor', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  describe('anchors', () => {
    const FLAGS = '.alignment/flags/zz-hostile.yaml';
    const secret = outside('anchor');

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const path of [FLAGS, 'src/zz-inside.ts', 'src/zz-big.ts', 'src/zz-pipe.ts']) await remove(path);
      await removeUri(secret);
    });

    it('never reads a path outside the folder, a file over 1 MiB or a pipe, and the other anchors still follow', async () => {
      await writeUri(vscode.Uri.joinPath(secret, 'secret.ts'), 'const secret = 1;\n');
      await write('src/zz-inside.ts', ['const secret = 1;']);
      await write('src/zz-big.ts', ['const secret = 1;', `// ${'x'.repeat(1024 * 1024)}`]);
      execFileSync('mkfifo', [file('src/zz-pipe.ts').fsPath]);
      await write(FLAGS, [
        ...flag('F-zz-outside', `../zz-outside-anchor/secret.ts`), '---',
        ...flag('F-zz-big', 'src/zz-big.ts'), '---',
        ...flag('F-zz-pipe', 'src/zz-pipe.ts'), '---',
        ...flag('F-zz-inside', 'src/zz-inside.ts'),
      ]);
      const inside = await waitFor('the anchor inside the folder is found', () => anchorOf('F-zz-inside'), (answer) => answer?.state === 'exact');
      assert.strictEqual(inside?.state, 'exact', 'the anchor inside the folder is followed (nothing stalled the tracker)');
      assert.strictEqual(await anchorOf('F-zz-outside'), undefined, 'the file outside the folder was read');
      assert.strictEqual(await anchorOf('F-zz-big'), undefined, 'the file over 1 MiB was read');
      assert.strictEqual(await anchorOf('F-zz-pipe'), undefined);
    });

    it('Re-anchor does not open a path outside the folder', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await waitFor('the anchors are read', () => anchorOf('F-zz-inside'), (answer) => answer?.state === 'exact');
      await vscode.commands.executeCommand(Commands.reanchorFlag, { id: 'F-zz-outside' });
      const openedOutside = (): string[] => [...vscode.workspace.textDocuments.map((document) => document.uri.toString()), ...vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString())]
        .filter((uri) => uri.includes('zz-outside'));
      await holdsFor('no document outside the folder is opened', () => openedOutside().length === 0, 500);
    });
  });

  describe('symbolic links in .alignment/', () => {
    const elsewhere = outside('links');
    const LINKED_FILE = '.alignment/risks/zz-linked.yaml';
    const LINKED_FOLDER = '.alignment/zz-linked-folder';

    before(async () => {
      await writeUri(vscode.Uri.joinPath(elsewhere, 'risk.yaml'), 'kind: risk\nid: R-zz-outside\nrisk: Read from outside.\nlikelihood: low\nimpact: low\n');
      await writeUri(vscode.Uri.joinPath(elsewhere, 'folder', 'risk.yaml'), 'kind: risk\nid: R-zz-outside-folder\nrisk: Read from outside.\nlikelihood: low\nimpact: low\n');
    });

    after(async () => {
      await remove(LINKED_FILE);
      await remove(LINKED_FOLDER);
      await removeUri(elsewhere);
    });

    it('reports a linked file and a linked folder, and reads neither', async () => {
      symlinkSync(vscode.Uri.joinPath(elsewhere, 'risk.yaml').fsPath, file(LINKED_FILE).fsPath);
      symlinkSync(vscode.Uri.joinPath(elsewhere, 'folder').fsPath, file(LINKED_FOLDER).fsPath);
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder);
      const alignment = new FolderAlignment(folder, () => undefined);
      try {
        await alignment.load();
        const model = alignment.snapshot.model;
        assert.deepStrictEqual(model.problems.filter((problem) => problem.code === 'symbolic-link').map((problem) => `${problem.file}:${problem.line}:${problem.column}`), [`${LINKED_FILE}:1:1`, `${LINKED_FOLDER}:1:1`]);
        assert.ok(!model.byId.has('R-zz-outside') && !model.byId.has('R-zz-outside-folder'), 'an item was read through a link');
        assert.ok(model.byId.has('R-8'), 'the rest is read');
      } finally {
        alignment.dispose();
      }
      // The running extension says so in the Problems panel too.
      const diagnostics = await waitFor('the linked file shows a problem', () => vscode.languages.getDiagnostics(file(LINKED_FILE)), (found) => found.length > 0);
      assert.deepStrictEqual(diagnostics.map((diagnostic) => diagnostic.code), ['symbolic-link']);
    });

    it('tells a writer which part of a path is a link', async () => {
      assert.strictEqual(await linkOnPath(root(), `${LINKED_FOLDER}/F-new.yaml`), LINKED_FOLDER);
      assert.strictEqual(await linkOnPath(root(), LINKED_FILE), LINKED_FILE);
      assert.strictEqual(await linkOnPath(root(), '.alignment/flags/F-not-yet.yaml'), undefined);
      assert.strictEqual(await linkOnPath(root(), '.alignment/features/payments.yaml'), undefined);
    });
  });

  describe('$(icon) and [link](command:…) in YAML text', () => {
    const FEATURE = '.alignment/features/zz-icons.yaml';
    const MILESTONE = '.alignment/milestones/zz-icons.yaml';
    const TITLE = '$(bug) Pay [now](command:workbench.action.quit)';
    let store: AlignmentStore;
    const originals = { showQuickPick: vscode.window.showQuickPick, createQuickPick: vscode.window.createQuickPick };
    const shown: vscode.QuickPickItem[][] = [];

    before(async () => {
      await write(FEATURE, ['kind: feature', 'id: zz-icons', `title: "${TITLE}"`, 'reported: { status: on-track, source: "$(check) weekly report" }']);
      await write(MILESTONE, ['kind: milestone', 'id: M-zz-icons', 'title: Icons', 'gates:', '  - { role: "$(zap) Security", who: "$(person) Ingrid", call: pending }', '  - { role: Support, call: pending }']);
      store = new AlignmentStore();
      await waitUntil('the store has read M-zz-icons', () => store.snapshots()[0]?.model.byId.has('M-zz-icons') === true);
      // Record what a quick pick would show, and close it at once.
      (vscode.window as { showQuickPick: unknown }).showQuickPick = (items: vscode.QuickPickItem[]) => {
        shown.push(items);
        return Promise.resolve(undefined);
      };
      (vscode.window as { createQuickPick: unknown }).createQuickPick = () => {
        const hidden: (() => void)[] = [];
        const quickPick = {
          items: [] as vscode.QuickPickItem[], activeItems: [], selectedItems: [],
          onDidAccept: () => ({ dispose: () => undefined }),
          onDidChangeActive: () => ({ dispose: () => undefined }),
          onDidHide: (listener: () => void) => (hidden.push(listener), { dispose: () => undefined }),
          show: () => {
            shown.push(quickPick.items);
            for (const listener of hidden) listener();
          },
          hide: () => undefined,
          dispose: () => undefined,
        };
        return quickPick;
      };
    });

    after(async () => {
      Object.assign(vscode.window, originals);
      store.dispose();
      await remove(FEATURE);
      await remove(MILESTONE);
    });

    beforeEach(() => {
      shown.length = 0;
    });

    it('shows them as written in Open Feature', async () => {
      await openFeature(store);
      const row = shown[0]?.find((item) => item.description?.startsWith('zz-icons'));
      assert.ok(row, 'no row for the feature');
      assert.strictEqual(row.label, plainText(TITLE));
      assert.ok(!/\$\(|\]\(/.test(`${row.label} ${row.description} ${row.detail}`), JSON.stringify(row));
      assert.strictEqual(row.label.replace(/\u200b/g, ''), TITLE, 'the text is kept, only made plain');
    });

    it('shows them as written in the gate picker', async () => {
      const snapshot = store.snapshots()[0];
      // As from the milestone's row in a tree: the gate is asked for.
      await new StatusCommands(store, () => Promise.resolve()).setGateCall({ snapshot, entry: snapshot?.model.byId.get('M-zz-icons') });
      const gates = shown[0] ?? [];
      assert.deepStrictEqual(gates.map((item) => item.label), [plainText('$(zap) Security'), 'Support']);
      assert.strictEqual(gates[0]?.description, plainText('$(person) Ingrid · pending'));
    });

    it('shows them as written in the raise-flag picker', async () => {
      const snapshot = store.snapshots()[0];
      const feature = snapshot?.model.byId.get('zz-icons');
      const milestone = snapshot?.model.byId.get('M-zz-icons');
      assert.ok(feature?.kind === 'feature' && milestone);
      void pickAbout({ features: [feature as never], coveringFile: true, atCursor: false, items: [{ entry: milestone, feature: feature as never, tie: 'paths' }] }, 1, 3);
      const rows = shown[0] ?? [];
      const text = rows.map((item) => `${item.label} ${item.description ?? ''}`).join('\n');
      assert.ok(!/\$\((?!package|milestone)|\]\(/.test(text), text);
      assert.match(text, /reported on track \(\$\u200b\(check\) weekly report\)/);
    });
  });
});
