// Small shared pieces of the tree rows (./<kind>.ts): icons with theme colours (so light and dark themes
// both work), ages, how an item is tied to the file, and counts in words.
import * as vscode from 'vscode';
import { daysSince, joined, oneLine, type TieReason, timeOf } from '../../../core';

/** What every row builder gets besides its item. */
export interface RowContext {
  /** Now, once per refresh, so every age in one tree agrees. */
  readonly now: number;
  /** How the item is tied to the file the view follows, if it is. */
  readonly tie?: TieReason;
  /** For an upstream item: the feature it comes from. */
  readonly upstreamOf?: string;
  /** For a flag: its anchored code is gone (the store's anchor tracker says so). */
  readonly drifted?: boolean;
}

export function icon(id: string, color?: string): vscode.ThemeIcon {
  return color ? new vscode.ThemeIcon(id, new vscode.ThemeColor(color)) : new vscode.ThemeIcon(id);
}

export const Colors = {
  red: 'charts.red',
  orange: 'charts.orange',
  yellow: 'charts.yellow',
  green: 'charts.green',
  muted: 'disabledForeground',
} as const;

/** "today", "3 days", "5 weeks", "4 months" since a date; undefined for a date in the future. */
export function age(date: string | undefined, now: number): string | undefined {
  if (!date) return undefined;
  const days = daysSince(timeOf(date), now);
  if (days === undefined) return undefined;
  if (days === 0) return vscode.l10n.t('today');
  if (days === 1) return vscode.l10n.t('1 day');
  if (days < 14) return vscode.l10n.t('{0} days', days);
  if (days < 60) return vscode.l10n.t('{0} weeks', Math.floor(days / 7));
  return vscode.l10n.t('{0} months', Math.floor(days / 30));
}

/** The mark of an item tied to the file directly, not only through its feature. */
export function tieMark(tie: TieReason | undefined): string | undefined {
  return tie === 'paths' || tie === 'tag' || tie === 'anchor' ? vscode.l10n.t('this file') : undefined;
}

export function tieText(tie: TieReason | undefined): string | undefined {
  switch (tie) {
    case 'paths': return vscode.l10n.t('Its paths cover this file.');
    case 'tag': return vscode.l10n.t('A comment tag in this file names it.');
    case 'anchor': return vscode.l10n.t('It is anchored in this file.');
    case 'feature': return vscode.l10n.t('Its feature covers this file.');
    default: return undefined;
  }
}

export { joined } from '../../../core';

/**
 * Every tree row in one format: the short facts (the id and its state) are the label, which a narrow side
 * bar keeps; the long text (a title, a risk, a quote) is the description, dimmed after it, flattened onto
 * one line and left whole: the tree cuts it where the side bar ends, with its one ellipsis.
 */
export function rowText(facts: readonly (string | undefined | false)[], ...text: (string | undefined | false)[]): { label: string; description: string } {
  return { label: joined(...facts), description: oneLine(joined(...text)) };
}

/** Where an upstream item comes from, ahead of its own description. */
export function upstreamMark(context: RowContext): string | undefined {
  return context.upstreamOf ? vscode.l10n.t('from {0}', context.upstreamOf) : undefined;
}
