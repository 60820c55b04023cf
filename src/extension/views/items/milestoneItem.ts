import * as vscode from 'vscode';
import { type Gate, isBlocked, type LoadedItem, orMissing } from '../../../core';
import { Tooltip } from '../tree/tooltip';
import { Colors, icon, joined, tieMark, tieText, type RowContext } from './format';

/** A milestone; one no-go gate shows it as blocked. Its gates are its children. */
export function milestoneItem(entry: LoadedItem<'milestone'>, context: RowContext): vscode.TreeItem {
  const { item } = entry;
  const gates = item.gates ?? [];
  const blocked = isBlocked(entry);
  const passed = gates.length > 0 && gates.every((gate) => gate.call === 'go');
  const row = new vscode.TreeItem(orMissing(item.title, 'title'), gates.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  const state = blocked ? vscode.l10n.t('blocked') : passed ? vscode.l10n.t('all go') : undefined;
  row.description = joined(entry.id, item.due && vscode.l10n.t('due {0}', item.due), state, tieMark(context.tie));
  row.iconPath = blocked ? icon('circle-slash', Colors.red) : passed ? icon('pass', Colors.green) : icon('milestone');
  row.contextValue = blocked ? 'truthline.milestone.blocked' : 'truthline.milestone';
  row.accessibilityInformation = { label: vscode.l10n.t('Milestone {0}: {1}', entry.id, joined(orMissing(item.title, 'title'), item.due, state)) };
  row.tooltip = new Tooltip()
    .title(orMissing(item.title, 'title'), entry.id)
    .field(vscode.l10n.t('Due'), item.due)
    .field(vscode.l10n.t('Validates'), item.validates?.join(', '))
    .list(vscode.l10n.t('Gates'), gates.map((gate) => `${gate.role}${gate.who ? ` (${gate.who})` : ''}: ${gate.call}`))
    .text(blocked ? vscode.l10n.t('A no-go gate blocks this milestone.') : undefined)
    .text(tieText(context.tie))
    .source(entry.file, entry.range.line)
    .build();
  return row;
}

const GATE_ICONS = {
  'go': icon('check', Colors.green),
  'no-go': icon('close', Colors.red),
  'pending': icon('clock'),
} as const;

/** A go/no-go gate: the role that holds a veto, who speaks for it, and their call. */
export function gateItem(entry: LoadedItem<'milestone'>, gate: Gate): vscode.TreeItem {
  const row = new vscode.TreeItem(gate.role, vscode.TreeItemCollapsibleState.None);
  row.description = joined(gate.who, gate.call);
  row.iconPath = GATE_ICONS[gate.call];
  row.contextValue = `truthline.gate.${gate.call}`;
  row.accessibilityInformation = { label: vscode.l10n.t('Gate {0}: {1}', gate.role, joined(gate.who, gate.call, gate.reason)) };
  row.tooltip = new Tooltip()
    .title(gate.role, entry.id)
    .field(vscode.l10n.t('Who'), gate.who)
    .field(vscode.l10n.t('Call'), gate.call)
    .field(vscode.l10n.t('Reason'), gate.reason)
    .build();
  return row;
}
