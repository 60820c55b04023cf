// Confirm Status: after checking that a suspect status still holds, re-affirm it without changing it:
// `reviewedAt` (today) and `reviewedBy` on the item or the gate, through the one in-place edit path, so it
// is quiet until the code changes again. Asked by the quick fix on a `suspect` warning, with its item.
import * as vscode from 'vscode';
import { confirmStatus, localDate } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { authorAskingOnce } from '../workspace/edits/author';
import { editInPlace } from '../workspace/edits/editInPlace';
import type { SuspectWatch } from '../workspace/git/suspectWatch';

/** The quick fix's argument: the item, and the gate for a gate's call. */
export interface ConfirmStatusArgument {
  readonly id: string;
  readonly gateIndex?: number;
}

export async function confirmSuspectStatus(store: AlignmentStore, suspects: SuspectWatch, argument: unknown): Promise<vscode.Uri | undefined> {
  if (!isConfirmArgument(argument)) throw new Error(`Confirm Status needs { id, gateIndex? }, not ${JSON.stringify(argument)}`);
  await store.ready;
  const found = store.findItem(argument.id);
  if (!found) {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} is no longer in .alignment/: nothing to confirm.', argument.id));
    return undefined;
  }
  return editInPlace(store, found, {
    ask: async () => {
      const author = await authorAskingOnce(found.snapshot.folder.uri);
      return author && { by: author.name, at: localDate(new Date()) };
    },
    compute: (text, actor) => confirmStatus(text, argument.id, actor, argument.gateIndex),
    done: () => vscode.l10n.t('{0} confirmed: reviewed today', argument.id),
  }, () => suspects.refresh());
}

function isConfirmArgument(value: unknown): value is ConfirmStatusArgument {
  if (typeof value !== 'object' || value === null) return false;
  const { id, gateIndex } = value as Record<string, unknown>;
  return typeof id === 'string' && (gateIndex === undefined || (typeof gateIndex === 'number' && Number.isInteger(gateIndex) && gateIndex >= 0));
}
