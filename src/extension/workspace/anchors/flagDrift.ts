// Whether a flag's anchored code is gone, for a flag tag's lens and card: the anchor tracker's answer
// (src/extension/flags), which relocates anchors off the typing path; reading it here costs a map lookup.
import type { LoadedItem } from '../../../core';
import { isFlagDrifted } from './anchorStates';
import type { FileContext } from '../alignmentStore';

export function driftCheck(context: FileContext): (flag: LoadedItem<'flag'>) => boolean {
  const folder = context.snapshot.folder.uri;
  return (flag) => isFlagDrifted(folder, flag.id);
}
