// The three prompts of raising a flag: what it is about (which also settles the feature), the reality,
// and the severity with who raises it. Each has a default that Enter takes.
import * as vscode from 'vscode';
import { type Flag, FLAG_SEVERITIES, type LoadedItem, oneLine, reportedStatusText } from '../../core';
import { itemLabel, KIND_ICONS } from '../workspace/kinds/itemLabels';
import { ask, pick, separator, type PickItem } from '../workspace/prompts';
import type { CandidateItem, RaiseCandidates, TieToCode } from './raiseTarget';
import { plainText } from '../util/plainText';

export const RAISE_STEPS = 3;

export interface AboutChoice {
  readonly feature: LoadedItem<'feature'> | undefined;
  readonly about: LoadedItem | undefined;
}

export function stepTitle(step: number, steps: number): string {
  return vscode.l10n.t('Raise Truth Flag ({0}/{1})', step, steps);
}

/** Step 1: the item the flag is about, grouped by feature; picking one also picks its feature. */
export function pickAbout(candidates: RaiseCandidates, step: number, steps: number): Promise<AboutChoice | undefined> {
  const items: PickItem<AboutChoice>[] = [];
  const selection = candidates.items.filter((item) => item.tie === 'selection');
  if (selection.length > 0) {
    items.push(separator(candidates.atCursor ? vscode.l10n.t('At the cursor') : vscode.l10n.t('Tagged on the selected lines')));
    for (const item of selection) items.push(aboutItem(item));
  }
  // Group labels sit beside the first row of each group: short ids, and only when there are groups to tell apart.
  const grouped = selection.length > 0 || candidates.features.length > 1;
  for (const feature of candidates.features) {
    if (grouped) items.push(separator(plainText(feature.id)));
    const reported = reportedStatusText(feature.item.reported);
    items.push({
      label: `$(${KIND_ICONS.feature}) ${vscode.l10n.t('{0}, the feature as a whole', plainText(feature.id))}`,
      description: reported ? vscode.l10n.t('reported {0}', plainText(reported)) : vscode.l10n.t('no reported status'),
      value: { feature, about: undefined },
    });
    // Only a file's own features list their items: every item of every feature would be a haystack.
    if (!candidates.coveringFile) continue;
    for (const item of candidates.items) if (item.tie !== 'selection' && item.feature?.id === feature.id) items.push(aboutItem(item));
  }
  const loose = candidates.items.filter((item) => item.tie !== 'selection' && !item.feature);
  if (loose.length > 0) {
    items.push(separator(vscode.l10n.t('Tied to this code, without a feature')));
    for (const item of loose) items.push(aboutItem(item));
  }
  return pick({
    title: stepTitle(step, steps),
    placeholder: candidates.coveringFile
      ? vscode.l10n.t('What is the flag about? Enter takes the first; type to filter')
      : vscode.l10n.t('No feature covers this file: which feature is the flag about?'),
    items,
    active: items.find((item) => item.kind !== vscode.QuickPickItemKind.Separator),
  });
}

function aboutItem(candidate: CandidateItem): PickItem<AboutChoice> {
  return {
    label: `$(${KIND_ICONS[candidate.entry.kind]}) ${itemLabel(candidate.entry)}`,
    description: tieDescription(candidate.tie, candidate.entry.kind),
    value: { feature: candidate.feature, about: candidate.entry },
  };
}

function tieDescription(tie: TieToCode, kind: string): string {
  switch (tie) {
    case 'selection': return vscode.l10n.t('{0} · tagged on the selected lines', kind);
    case 'tag': return vscode.l10n.t('{0} · tagged in this file', kind);
    case 'paths': return vscode.l10n.t('{0} · its paths cover this file', kind);
    case 'anchor': return vscode.l10n.t('{0} · anchored in this file', kind);
    default: return kind;
  }
}

/** Step 2: the reality, in the engineer's words, with what is reported shown above it. */
export function askReality(feature: LoadedItem<'feature'> | undefined, about: LoadedItem | undefined, step: number, steps: number): Promise<string | undefined> {
  const reported = reportedStatusText(feature?.item.reported);
  const subject = about ? about.id : feature?.id;
  return ask({
    title: subject ? `${stepTitle(step, steps)} · ${subject}` : stepTitle(step, steps),
    prompt: reported
      ? vscode.l10n.t('Reported: {0}. What is the reality?', plainText(oneLine(reported, 120)))
      : vscode.l10n.t('Nothing is reported. What is the reality?'),
    placeholder: vscode.l10n.t('What you see in the code, e.g. "works only against the sandbox: the return URL is the staging host"'),
    emptyMessage: vscode.l10n.t('Say what you see; Escape cancels and writes nothing.'),
  });
}

export interface Identity {
  /** The user's name, when known. */
  readonly name: string | undefined;
  /** The role used when appearing by role only. */
  role: string;
  byRole: boolean;
}

type SeverityChoice = { severity: Flag['severity'] } | { otherRole: true };

function severityHint(severity: Flag['severity']): string {
  switch (severity) {
    case 'low': return vscode.l10n.t('a detail; the report is nearly right');
    case 'medium': return vscode.l10n.t('the report hides real work left');
    case 'high': return vscode.l10n.t('the report is wrong about something that matters');
    case 'critical': return vscode.l10n.t('shipping as reported would hurt customers');
  }
}

/**
 * Step 3: the severity (Enter takes medium), and who raises it: by name or by role only. Switching
 * between the two redraws this same prompt; typing another role is the one extra prompt.
 */
export async function pickSeverity(identity: Identity, step: number, steps: number): Promise<{ severity: Flag['severity']; raisedBy: string } | undefined> {
  for (;;) {
    const choice = await severityPick(identity, stepTitle(step, steps));
    if (choice === undefined) return undefined;
    if ('severity' in choice) return { severity: choice.severity, raisedBy: identity.byRole || !identity.name ? identity.role : identity.name };
    const role = await ask({ title: stepTitle(step, steps), prompt: vscode.l10n.t('The role to appear as (no name is written)'), value: identity.role });
    if (role === undefined) continue;
    identity.role = role;
    identity.byRole = true;
  }
}

function severityPick(identity: Identity, title: string): Promise<SeverityChoice | undefined> {
  type Row = PickItem<SeverityChoice | 'toggle'>;
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<Row>();
    let activeSeverity: Flag['severity'] = 'medium';
    const render = (): void => {
      const byRole = identity.byRole || !identity.name;
      const who = plainText(byRole ? vscode.l10n.t('by role: {0}', identity.role) : vscode.l10n.t('as {0}', identity.name ?? ''));
      const severities: Row[] = FLAG_SEVERITIES.map((severity) => ({ label: severity, description: severityHint(severity), value: { severity } }));
      const switches: Row[] = [separator(vscode.l10n.t('Raised {0}', who))];
      if (byRole && identity.name) switches.push({ label: `$(person) ${vscode.l10n.t('Appear by name: {0}', plainText(identity.name))}`, value: 'toggle' });
      if (!byRole) switches.push({ label: `$(eye-closed) ${vscode.l10n.t('Appear by role only: {0}', plainText(identity.role))}`, value: 'toggle' });
      switches.push({ label: `$(edit) ${vscode.l10n.t('Appear as another role…')}`, value: { otherRole: true } });
      quickPick.items = [...severities, ...switches];
      quickPick.activeItems = severities.filter((item) => item.label === activeSeverity);
      quickPick.placeholder = vscode.l10n.t('Severity (Enter takes {0}); raised {1}', activeSeverity, who);
    };
    quickPick.title = title;
    quickPick.matchOnDescription = false;
    render();
    let result: SeverityChoice | undefined;
    quickPick.onDidChangeActive((active) => {
      const value = active[0]?.value;
      if (value && value !== 'toggle' && 'severity' in value) activeSeverity = value.severity;
    });
    quickPick.onDidAccept(() => {
      const chosen = quickPick.activeItems[0]?.value;
      if (!chosen) return;
      if (chosen === 'toggle') {
        identity.byRole = !identity.byRole;
        quickPick.value = '';
        render();
        return;
      }
      result = chosen;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}
