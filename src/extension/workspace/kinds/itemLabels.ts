// How items read in the flag commands' pickers: an icon per kind and "id: what it says", on one line.
import { type Kind, type LoadedItem, oneLine } from '../../../core';
import { plainText } from '../../util/plainText';

export const KIND_ICONS: Record<Kind, string> = {
  feature: 'package',
  request: 'comment-discussion',
  assumption: 'beaker',
  risk: 'warning',
  milestone: 'milestone',
  decision: 'law',
  flag: 'report',
};

/** "M2: SCA switched on for all EU cards", "CR-101: Café Mireille: “…”", as written (see plainText). */
export function itemLabel(entry: LoadedItem): string {
  return plainText(`${entry.id}: ${oneLine(itemText(entry), 80)}`);
}

export function itemText(entry: LoadedItem): string {
  const item = entry.item as unknown as Record<string, unknown>;
  switch (entry.kind) {
    case 'request': return `${String(item.customer)}: “${String(item.quote)}”`;
    case 'assumption': return String(item.statement);
    case 'risk': return String(item.risk);
    case 'flag': return String(item.reality);
    default: return String(item.title ?? entry.id);
  }
}
