import * as vscode from 'vscode';
import { type Gate, isBlocked, type LoadedItem, orMissing } from '../../../core';
import { ContextValues } from '../../constants';
import { Colors, icon, joined, rowText, tieMark, type RowContext } from './format';
import type { ItemKindView, ItemRow } from './kindView';
import { Tooltip } from './tooltip';

/** A milestone; one no-go gate shows it as blocked. Its gates are its children (gateRow). */
export const milestoneView: ItemKindView<'milestone'> = { codicon: 'milestone', row: milestoneRow };

function milestoneRow(entry: LoadedItem<'milestone'>, context: RowContext): ItemRow {
  const { item } = entry;
  const gates = item.gates ?? [];
  const blocked = isBlocked(entry);
  const passed = gates.length > 0 && gates.every((gate) => gate.call === 'go');
  const state = blocked ? vscode.l10n.t('blocked') : passed ? vscode.l10n.t('all go') : undefined;
  return {
    ...rowText([entry.id, state], item.due && vscode.l10n.t('due {0}', item.due), tieMark(context.tie), orMissing(item.title, 'title')),
    icon: blocked ? icon('circle-slash', Colors.red) : passed ? icon('pass', Colors.green) : icon('milestone'),
    contextValue: blocked ? ContextValues.milestoneBlocked : ContextValues.milestone,
    accessibility: vscode.l10n.t('Milestone {0}: {1}', entry.id, joined(orMissing(item.title, 'title'), item.due, state)),
    tooltip: () => new Tooltip()
      .title(orMissing(item.title, 'title'), entry.id)
      .field(vscode.l10n.t('Due'), item.due)
      .field(vscode.l10n.t('Validates'), item.validates?.join(', '))
      .list(vscode.l10n.t('Gates'), gates.map((gate) => `${gate.role}${gate.who ? ` (${gate.who})` : ''}: ${gate.call}`))
      .text(blocked ? vscode.l10n.t('A no-go gate blocks this milestone.') : undefined)
      .end(context, entry),
    expandable: gates.length > 0,
  };
}

const GATE_ICONS = {
  'go': icon('check', Colors.green),
  'no-go': icon('close', Colors.red),
  'pending': icon('clock'),
} as const;

/** A go/no-go gate: the role that holds a veto, who speaks for it, and their call. */
export function gateRow(entry: LoadedItem<'milestone'>, gate: Gate): ItemRow {
  return {
    ...rowText([gate.role, gate.call], gate.who),
    icon: GATE_ICONS[gate.call],
    contextValue: `${ContextValues.gate}.${gate.call}`,
    accessibility: vscode.l10n.t('Gate {0}: {1}', gate.role, joined(gate.who, gate.call, gate.reason)),
    tooltip: () => new Tooltip()
      .title(gate.role, entry.id)
      .field(vscode.l10n.t('Who'), gate.who)
      .field(vscode.l10n.t('Call'), gate.call)
      .field(vscode.l10n.t('Reason'), gate.reason)
      .build(),
  };
}
