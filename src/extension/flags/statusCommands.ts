// Setting an assumption's status and a gate's call: the same edit path as the flags. From a tree row or
// the palette they ask; with `{ id, status, evidence? }` or `{ id, role, call, reason? }` they do not.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { type Assumption, ASSUMPTION_STATUSES, type Gate, GATE_CALLS, joined, type LoadedItem, oneLine, orMissing, setAssumptionStatus, setGateCall } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { plainText } from '../util/plainText';
import { gateIndexOfArgument } from '../workspace/edits/commandArgs';
import { editInPlace } from '../workspace/edits/editInPlace';
import { isArgumentObject, itemFor } from './flagCommands';
import { pickItem } from './itemPickers';
import { ask, pick, type PickItem } from '../workspace/prompts';

export class StatusCommands {
  constructor(private readonly store: AlignmentStore, private readonly afterWrite: () => Promise<void>) {}

  async setAssumptionStatus(argument: unknown): Promise<vscode.Uri | undefined> {
    const found = await itemFor(this.store, argument, 'assumption', () => pickItem(this.store, {
      kind: 'assumption',
      title: vscode.l10n.t('Set Assumption Status'),
      placeholder: vscode.l10n.t('Which assumption?'),
      accepts: () => true,
      describe: (entry) => joined(entry.item.status, entry.item.feature, entry.item.milestone),
    }), Commands.setAssumptionStatus);
    if (!found) return undefined;
    const scripted = isArgumentObject(argument) ? scriptedStatus(argument) : undefined;
    const { entry } = found;
    return editInPlace(this.store, found, {
      ask: () => (scripted ? Promise.resolve(scripted) : askAssumptionStatus(entry)),
      compute: (text, answer) => setAssumptionStatus(text, entry.id, answer.status, answer.evidence),
      done: (answer) => vscode.l10n.t('{0} is {1}', entry.id, answer.status),
    }, this.afterWrite);
  }

  async setGateCall(argument: unknown): Promise<vscode.Uri | undefined> {
    const found = await itemFor(this.store, argument, 'milestone', () => pickItem(this.store, {
      kind: 'milestone',
      title: vscode.l10n.t('Set Gate Call'),
      placeholder: vscode.l10n.t('Which milestone?'),
      accepts: (entry) => (entry.item.gates ?? []).length > 0,
      describe: (entry) => (entry.item.gates ?? []).map((gate) => `${gate.role}: ${gate.call}`).join(', '),
    }), Commands.setGateCall);
    if (!found) return undefined;
    const scripted = isArgumentObject(argument) ? scriptedCall(argument) : undefined;
    const gateIndex = gateIndexOfArgument(argument);
    const { entry } = found;
    return editInPlace(this.store, found, {
      ask: () => (scripted ? Promise.resolve(scripted) : askGateCall(entry, gateIndex)),
      compute: (text, answer) => setGateCall(text, entry.id, answer.role, answer.call, answer.reason),
      done: (answer) => vscode.l10n.t('{0}: {1} says {2}', entry.id, answer.role, answer.call),
    }, this.afterWrite);
  }
}

interface StatusAnswer {
  status: Assumption['status'];
  evidence: string | undefined;
}

interface CallAnswer {
  role: string;
  call: Gate['call'];
  reason: string | undefined;
}

function scriptedStatus(argument: Record<string, unknown>): StatusAnswer {
  const { status, evidence } = argument;
  if (!ASSUMPTION_STATUSES.includes(status as Assumption['status'])) {
    throw new Error(`${Commands.setAssumptionStatus}: "status" must be one of ${ASSUMPTION_STATUSES.join(', ')}, not ${JSON.stringify(status)}`);
  }
  return { status: status as Assumption['status'], evidence: typeof evidence === 'string' ? evidence : undefined };
}

function scriptedCall(argument: Record<string, unknown>): CallAnswer {
  const { role, call, reason } = argument;
  if (typeof role !== 'string' || role.trim() === '') throw new Error(`${Commands.setGateCall}: "role" must name the gate's role`);
  if (!GATE_CALLS.includes(call as Gate['call'])) throw new Error(`${Commands.setGateCall}: "call" must be one of ${GATE_CALLS.join(', ')}, not ${JSON.stringify(call)}`);
  return { role, call: call as Gate['call'], reason: typeof reason === 'string' ? reason : undefined };
}

async function askAssumptionStatus(entry: LoadedItem<'assumption'>): Promise<StatusAnswer | undefined> {
  const title = `${entry.id}: ${oneLine(orMissing(entry.item.statement, 'statement'), 70)}`;
  const items: PickItem<Assumption['status']>[] = ASSUMPTION_STATUSES.map((status) => ({
    label: status,
    description: status === entry.item.status ? vscode.l10n.t('current') : statusHint(status),
    value: status,
  }));
  const status = await pick({ title, placeholder: vscode.l10n.t('What did the test show?'), items, active: items.find((item) => item.value !== entry.item.status) });
  if (status === undefined) return undefined;
  const evidence = await ask({
    title,
    prompt: vscode.l10n.t('The evidence (optional; Enter keeps what is written)'),
    value: entry.item.evidence ?? '',
    optional: true,
  });
  if (evidence === undefined) return undefined;
  return { status, evidence: evidence || undefined };
}

async function askGateCall(entry: LoadedItem<'milestone'>, gateIndex: number | undefined): Promise<CallAnswer | undefined> {
  const gates = entry.item.gates ?? [];
  const title = `${entry.id}: ${oneLine(orMissing(entry.item.title, 'title'), 70)}`;
  const gate = gateIndex !== undefined ? gates[gateIndex] : gates.length === 1 ? gates[0] : await pick({
    title,
    placeholder: vscode.l10n.t('Whose call?'),
    items: gates.map((candidate) => ({ label: plainText(candidate.role), description: plainText(joined(candidate.who, candidate.call)), value: candidate })),
  });
  if (!gate) return undefined;
  const items: PickItem<Gate['call']>[] = GATE_CALLS.map((call) => ({ label: call, description: call === gate.call ? vscode.l10n.t('current') : undefined, value: call }));
  const call = await pick({ title, placeholder: vscode.l10n.t('The call of {0}{1}', gate.role, gate.who ? ` (${gate.who})` : ''), items, active: items.find((item) => item.value !== gate.call) });
  if (call === undefined) return undefined;
  const reason = await ask({ title, prompt: vscode.l10n.t('The reason (optional; Enter keeps what is written)'), value: gate.reason ?? '', optional: true });
  if (reason === undefined) return undefined;
  return { role: gate.role, call, reason: reason || undefined };
}

function statusHint(status: Assumption['status']): string {
  switch (status) {
    case 'untested': return vscode.l10n.t('not tested yet');
    case 'validated': return vscode.l10n.t('the test confirmed it');
    case 'invalidated': return vscode.l10n.t('the test proved it wrong');
  }
}
