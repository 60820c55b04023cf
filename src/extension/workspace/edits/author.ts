// Who is raising, acknowledging or resolving: the `truthline.author` setting when set (an explicit
// choice wins), else git's user.name (or user.email) from the repository's config, then the global one,
// else the operating system's user. Git's files are read through vscode.workspace.fs, and only in a
// trusted workspace: in Restricted Mode the repository's files are untrusted content, and nothing is
// written there anyway.
import * as vscode from 'vscode';
import { Settings } from '../../constants';
import { decodeText, statOf } from '../../util/uris';
import { gitDirOf, gitUser, type GitUser } from '../../../core';
import { globalGitConfigs, osUser } from './osIdentity';

export interface Author {
  /** The name to write; undefined when nothing says who the user is. */
  readonly name: string | undefined;
  readonly source: 'setting' | 'git' | 'os' | 'unknown';
}

export async function currentAuthor(folder: vscode.Uri | undefined): Promise<Author> {
  const setting = vscode.workspace.getConfiguration(undefined, folder).get<string>(Settings.author, '').trim();
  if (setting) return { name: setting, source: 'setting' };
  const git = vscode.workspace.isTrusted ? await gitIdentity(folder) : {};
  const fromGit = git.name ?? git.email;
  if (fromGit) return { name: fromGit, source: 'git' };
  const user = osUser();
  return user ? { name: user, source: 'os' } : { name: undefined, source: 'unknown' };
}

/**
 * The author for an interactive command. When nothing but the operating system's user says who this is
 * ("root" in a container), asks once for a name or a role and remembers it in the user's settings, so
 * flags are never signed by a login name by accident. Undefined when the question is dismissed.
 */
export async function authorAskingOnce(folder: vscode.Uri | undefined): Promise<Author | undefined> {
  const author = await currentAuthor(folder);
  if (author.source === 'setting' || author.source === 'git') return author;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Truthline: who is writing? (asked once)'),
    prompt: vscode.l10n.t('Your name or a role, as truth flags will say it (raisedBy). Remembered in the setting {0}; git\'s user.name is used when set.', Settings.author),
    placeHolder: vscode.l10n.t('e.g. Marta Kowalska, or Payments on-call'),
    value: author.name ?? '',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Write a name or a role.')),
  });
  if (name === undefined) return undefined;
  await vscode.workspace.getConfiguration().update(Settings.author, name.trim(), vscode.ConfigurationTarget.Global);
  return { name: name.trim(), source: 'setting' };
}

async function gitIdentity(folder: vscode.Uri | undefined): Promise<GitUser> {
  const configs: vscode.Uri[] = [];
  if (folder) configs.push(...(await repositoryConfigs(folder)));
  configs.push(...globalGitConfigs());
  const merged: GitUser = {};
  // The repository's config wins over the global one: read it first, keep the first value found.
  for (const uri of configs) {
    const text = await readText(uri);
    if (text === undefined) continue;
    const user = gitUser(text);
    merged.name ??= user.name;
    merged.email ??= user.email;
    if (merged.name) break;
  }
  return merged;
}

/** The config of the repository holding `folder` (searched upwards), and of its main repository for a worktree. */
async function repositoryConfigs(folder: vscode.Uri): Promise<vscode.Uri[]> {
  for (let dir = folder; ; dir = vscode.Uri.joinPath(dir, '..')) {
    const dotGit = vscode.Uri.joinPath(dir, '.git');
    const stat = await statOf(dotGit);
    if (stat && stat.type & vscode.FileType.Directory) return [vscode.Uri.joinPath(dotGit, 'config')];
    if (stat && stat.type & vscode.FileType.File) {
      const target = gitDirOf((await readText(dotGit)) ?? '');
      if (!target) return [];
      const gitDir = target.startsWith('/') ? dir.with({ path: target }) : vscode.Uri.joinPath(dir, target);
      const common = (await readText(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
      const commonDir = common ? (common.startsWith('/') ? dir.with({ path: common }) : vscode.Uri.joinPath(gitDir, common)) : undefined;
      return [vscode.Uri.joinPath(gitDir, 'config'), ...(commonDir ? [vscode.Uri.joinPath(commonDir, 'config')] : [])];
    }
    if (dir.path === '/' || dir.path === '' || vscode.Uri.joinPath(dir, '..').path === dir.path) return [];
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decodeText(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // no such config file: the next one is tried
  }
}
