// The built-in Git extension (vscode.git, API 1), as far as Truthline uses it: which git to run (the
// user's `git.path` holds) and a repository's state, to hear when HEAD or the working tree changes.
import * as vscode from 'vscode';
import { log } from '../../util/log';
import { localGit } from './localGit';

export interface GitRepository {
  readonly state: { readonly HEAD?: { readonly commit?: string }; readonly onDidChange: vscode.Event<void> };
}

export interface GitApi {
  readonly git: { readonly path: string };
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtensionExports {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

const GIT_EXTENSION_ID = 'vscode.git';

/** The Git extension's API, or undefined when it is missing or disabled (git on the PATH is used then). */
export async function gitExtension(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>(GIT_EXTENSION_ID);
  if (!extension) return undefined;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch (error) {
    log(`the Git extension could not be used (${String(error)}); running git from the PATH`);
    return undefined;
  }
}

/** The browser's extension host (vscode.dev, github.dev) runs no programs: git's answers need a clone. */
const NEEDS_A_CLONE = (): string => vscode.l10n.t('git cannot run in the browser: this needs a local clone');

/** True when this build of the extension can run git at all (the Node build; not the browser's). */
export function canRunGit(): boolean {
  return localGit !== undefined;
}

/**
 * Why git may not run for this folder, or undefined when it may. Git reads the repository's config, and a
 * config can name programs git then runs (core.fsmonitor, diff drivers): in an untrusted workspace that is
 * the repository's author running code, so git is not started there (as the Git extension does not).
 */
export function whyNoGit(folder: vscode.WorkspaceFolder): string | undefined {
  if (!localGit) return NEEDS_A_CLONE();
  if (folder.uri.scheme !== 'file') return vscode.l10n.t('this workspace is not on a disk git can read (a virtual or web workspace)');
  if (!vscode.workspace.isTrusted) return vscode.l10n.t('Restricted Mode: git is not run in an untrusted workspace, since a repository\'s config can make it run programs. Trust the folder to read its history');
  return undefined;
}
