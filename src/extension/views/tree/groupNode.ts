// A group under a feature: its name, how many items it holds, and the one number that matters most.
import * as vscode from 'vscode';
import { type GroupKind, isBlocked, isHighRisk, isOpenFlag, type LoadedItem } from '../../../core';
import { ContextValues } from '../../constants';
import { icon, joined } from '../../workspace/kinds/format';
import { ContainerNode, type TreeNode } from './treeNode';

const ICONS: Record<GroupKind, string> = {
  requests: 'comment-discussion',
  assumptions: 'beaker',
  risks: 'shield',
  milestones: 'milestone',
  flags: 'flag',
  upstream: 'type-hierarchy-super',
  decisions: 'law',
};

/** Groups that open by themselves the first time: what threatens the code now. */
const EXPANDED: ReadonlySet<GroupKind> = new Set(['flags']);

export function groupLabel(kind: GroupKind): string {
  switch (kind) {
    case 'requests': return vscode.l10n.t('Customer Requests');
    case 'assumptions': return vscode.l10n.t('Assumptions');
    case 'risks': return vscode.l10n.t('Pre-mortem Risks');
    case 'milestones': return vscode.l10n.t('Milestones');
    case 'flags': return vscode.l10n.t('Truth Flags');
    case 'upstream': return vscode.l10n.t('Upstream');
    case 'decisions': return vscode.l10n.t('Decisions');
  }
}

/** `alarm`, when given, says what matters most instead of the group's own count of its items. */
export function groupNode(id: string, kind: GroupKind, entries: readonly LoadedItem[], children: readonly TreeNode[], alarm = alarmOf(kind, entries)): TreeNode {
  return new ContainerNode(id, () => {
    const state = EXPANDED.has(kind) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const row = new vscode.TreeItem(groupLabel(kind), state);
    // The bare number beside the group's name; a screen reader hears it in words.
    row.description = joined(String(entries.length), alarm);
    row.iconPath = icon(ICONS[kind]);
    row.contextValue = `${ContextValues.group}.${kind}`;
    row.accessibilityInformation = { label: joined(groupLabel(kind), countText(kind, entries.length), alarm) };
    row.tooltip = tooltipOf(kind);
    return row;
  }, children);
}

/** "1 risk", "2 risks": the group's count in words, one noun per group (Upstream holds flags and risks). */
function countText(kind: GroupKind, n: number): string {
  const one = n === 1;
  switch (kind) {
    case 'requests': return one ? vscode.l10n.t('1 request') : vscode.l10n.t('{0} requests', n);
    case 'assumptions': return one ? vscode.l10n.t('1 assumption') : vscode.l10n.t('{0} assumptions', n);
    case 'risks': return one ? vscode.l10n.t('1 risk') : vscode.l10n.t('{0} risks', n);
    case 'milestones': return one ? vscode.l10n.t('1 milestone') : vscode.l10n.t('{0} milestones', n);
    case 'flags': return one ? vscode.l10n.t('1 flag') : vscode.l10n.t('{0} flags', n);
    case 'upstream': return one ? vscode.l10n.t('1 item') : vscode.l10n.t('{0} items', n);
    case 'decisions': return one ? vscode.l10n.t('1 decision') : vscode.l10n.t('{0} decisions', n);
  }
}

function count<K extends LoadedItem>(entries: readonly LoadedItem[], kind: K['kind'], test: (entry: K) => boolean): number {
  return entries.filter((entry) => entry.kind === kind && test(entry as K)).length;
}

function alarmOf(kind: GroupKind, entries: readonly LoadedItem[]): string | undefined {
  const some = (n: number, text: string): string | undefined => (n > 0 ? text : undefined);
  switch (kind) {
    case 'assumptions': {
      const n = count<LoadedItem<'assumption'>>(entries, 'assumption', (entry) => entry.item.status === 'invalidated');
      return some(n, vscode.l10n.t('{0} invalidated', n));
    }
    case 'risks': {
      const n = count<LoadedItem<'risk'>>(entries, 'risk', isHighRisk);
      return some(n, vscode.l10n.t('{0} high', n));
    }
    case 'milestones': {
      const n = count<LoadedItem<'milestone'>>(entries, 'milestone', isBlocked);
      return some(n, vscode.l10n.t('{0} blocked', n));
    }
    case 'flags': {
      // The most severe open flag says how bad it is; acknowledged flags are still open.
      const open = entries.filter((entry): entry is LoadedItem<'flag'> => entry.kind === 'flag' && isOpenFlag(entry as LoadedItem<'flag'>));
      const severity = (['critical', 'high', 'medium', 'low'] as const).find((level) => open.some((flag) => flag.item.severity === level));
      const n = open.filter((flag) => flag.item.severity === severity).length;
      return severity && vscode.l10n.t('{0} {1}', n, severity);
    }
    default:
      return undefined;
  }
}

function tooltipOf(kind: GroupKind): string {
  switch (kind) {
    case 'requests': return vscode.l10n.t('What customers asked for, in their own words.');
    case 'assumptions': return vscode.l10n.t('What the plan rests on; invalidated first.');
    case 'risks': return vscode.l10n.t('The pre-mortem: by likelihood \u00d7 impact, highest first.');
    case 'milestones': return vscode.l10n.t('Milestones and their go/no-go gates; one no-go blocks a milestone.');
    case 'flags': return vscode.l10n.t('Where reality differs from the reported status; open first.');
    case 'upstream': return vscode.l10n.t('Open flags and high risks of the features this one depends on.');
    case 'decisions': return vscode.l10n.t('Decisions and the customers behind them.');
  }
}
