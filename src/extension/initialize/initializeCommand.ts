// `Truthline: Initialize`: a starter `.alignment/` folder in a workspace folder that has none. It never
// overwrites a file, and the example feature covers the code the user is looking at, so the views show
// something at once.
import * as vscode from 'vscode';
import { localDate, starterFeaturePaths, starterFiles } from '../../core';
import { Walkthroughs } from '../constants';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { canWrite, isTrusted } from '../workspace/edits/writeAccess';
import { createNewFile } from '../workspace/edits/writer';
import { childUri, relativePath } from '../util/uris';
import { linkOnPath } from '../workspace/links';

export async function initializeAlignment(store: AlignmentStore): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const open = vscode.l10n.t('Open Folder');
    if (await vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: .alignment/ lives in the repository it describes.'), open) === open) {
      await vscode.commands.executeCommand('vscode.openFolder');
    }
    return;
  }
  if (!isTrusted(vscode.l10n.t('let Truthline create .alignment/'))) return;
  await store.ready;
  const initialized = new Set(store.snapshots().filter((snapshot) => snapshot.exists).map((snapshot) => snapshot.folder.uri.toString()));
  const candidates = folders.filter((folder) => !initialized.has(folder.uri.toString()));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(folders.length === 1
      ? vscode.l10n.t('This folder already has .alignment/.')
      : vscode.l10n.t('Every workspace folder already has .alignment/.'));
    return;
  }
  const folder = candidates.length === 1 ? candidates[0] : await vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Create .alignment/ in which folder?'),
    ignoreFocusOut: true,
  });
  if (!folder || !canWrite(folder.uri)) return;
  if (!candidates.includes(folder)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has .alignment/.', folder.name));
    return;
  }

  const files = starterFiles({ today: localDate(new Date()), featurePaths: await featurePathsFor(folder) });
  for (const file of files) {
    // A link committed as .alignment (or below it) could lead anywhere: never write through one.
    const link = await linkOnPath(folder.uri, file.path);
    if (link) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} in {1} is a symbolic link; Truthline does not write through links. Remove the link, then run Initialize again.', link, folder.name));
      return;
    }
  }
  // Through the one writer: it never overwrites (a file that appeared since we looked is left as it is).
  for (const file of files) {
    if (await createNewFile(childUri(folder.uri, file.path), file.text, vscode.l10n.t('Initialize .alignment/')) === 'failed') return;
  }
  const feature = files.find((file) => file.path.includes('/features/'));
  if (feature) await vscode.window.showTextDocument(childUri(folder.uri, feature.path), { preview: false });
  const start = vscode.l10n.t('Get Started');
  // Not awaited: the command is done when the files are written; the walkthrough is the next step, offered.
  void vscode.window.showInformationMessage(vscode.l10n.t('Created .alignment/ in {0} with one commented example of each kind. Edit them into your own, or delete them; Get Started walks through describing a feature, a customer\'s words, a risk, tags and a flag.', folder.name), start)
    .then((answer) => (answer === start ? vscode.commands.executeCommand('workbench.action.openWalkthrough', Walkthroughs.gettingStartedFull, false) : undefined));
}

/** What the example feature covers: see starterFeaturePaths. */
async function featurePathsFor(folder: vscode.WorkspaceFolder): Promise<string[] | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const activePath = active ? relativePath(folder.uri, active) : undefined;
  return starterFeaturePaths(activePath, await topLevelFolders(folder.uri));
}

async function topLevelFolders(root: vscode.Uri): Promise<string[]> {
  try {
    const entries = await vscode.workspace.fs.readDirectory(root);
    return entries.filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name);
  } catch {
    return []; // unreadable: the starter's paths stay a commented example
  }
}
