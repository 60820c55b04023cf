// The All Features view's message when suspect statuses cannot be checked although settled statuses are
// there to check (the browser's extension host, a virtual workspace: no git): the warnings would otherwise
// be missing without a word. Restricted Mode is left to its own banner and Trust prompt.
import * as vscode from 'vscode';
import { hasSettledStatuses } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { whyNoGit } from '../workspace/git/gitExtension';

export function suspectNotice(store: AlignmentStore): string | undefined {
  if (!vscode.workspace.isTrusted) return undefined;
  const unchecked = store.snapshots().filter((snapshot) => snapshot.exists && hasSettledStatuses(snapshot.model));
  const reason = unchecked.map((snapshot) => whyNoGit(snapshot.folder)).find((why) => why !== undefined);
  return reason ? vscode.l10n.t('Statuses are not checked against later code changes — {0}.', reason) : undefined;
}
