// How items read in the flag commands' pickers: an icon per kind and "id: what it says", on one line.
import { itemText, type Kind, type LoadedItem, oneLine } from '../../../core';
import { plainText } from '../../util/plainText';
import { KIND_VIEWS } from '.';

export const KIND_ICONS = Object.fromEntries(Object.entries(KIND_VIEWS).map(([kind, view]) => [kind, view.codicon])) as Record<Kind, string>;

/** "M2: SCA switched on for all EU cards", "CR-101: Café Mireille: “…”", as written (see plainText). */
export function itemLabel(entry: LoadedItem): string {
  return plainText(`${entry.id}: ${oneLine(itemText(entry), 80)}`);
}
