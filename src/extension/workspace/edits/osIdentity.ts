// What the operating system says about the user, for the author of a flag when no setting or repository
// config names one: the login name, and where the global git config lives. The browser build replaces this
// file with osIdentity.web.ts: a web worker has no user and no home directory.
import * as os from 'os';
import * as vscode from 'vscode';
import { log } from '../../util/log';

/** The global git configs (~/.gitconfig, then the XDG one), read through vscode.workspace.fs. */
export function globalGitConfigs(): vscode.Uri[] {
  const home = safely(() => os.homedir());
  if (!home) return [];
  const xdg = process.env.XDG_CONFIG_HOME;
  return [
    vscode.Uri.joinPath(vscode.Uri.file(home), '.gitconfig'),
    xdg ? vscode.Uri.joinPath(vscode.Uri.file(xdg), 'git', 'config') : vscode.Uri.joinPath(vscode.Uri.file(home), '.config', 'git', 'config'),
  ];
}

/** The login name, or undefined when there is none to offer. */
export function osUser(): string | undefined {
  return safely(() => os.userInfo().username) || undefined;
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    // No home directory or user database (a container): there is just no name to offer.
    log(`no operating system user: ${String(error)}`);
    return undefined;
  }
}
