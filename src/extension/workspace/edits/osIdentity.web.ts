// The browser build's stand-in for osIdentity.ts (scripts/webBundle.mjs swaps it in): a web worker has no
// login name and no home directory, so the author comes from the setting, asked once (authorAskingOnce).
import type * as vscode from 'vscode';

export function globalGitConfigs(): vscode.Uri[] {
  return [];
}

export function osUser(): string | undefined {
  return undefined;
}
