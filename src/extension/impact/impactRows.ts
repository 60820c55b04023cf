// The Change Impact view's rows from a folder's impact: customers first (their words), then the teams
// downstream with their owners and the dependency path, the features touched with their owners, then the
// risks, assumptions, milestones and flags tied to the changed code, what changed in `.alignment/`, and the
// changed files. Plain data: the provider turns rows into TreeItems.
import * as vscode from 'vscode';
import { excerpt, oneLine, type Kind } from '../../core';
import type { FolderImpact } from '../workspace/git/changeWatch';
import { KIND_ICONS } from '../workspace/kinds/itemLabels';

export interface ImpactRow {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  /** What a click opens: an item by id, or a repository file. */
  readonly opens?: { readonly item: string } | { readonly file: string };
  readonly children?: readonly ImpactRow[];
  /** Open at first (the groups that name people); the long lists start closed. */
  readonly expanded?: boolean;
}

const NONE = '—';
const text = (value: string | null, max = 60): string => (value ? excerpt(oneLine(value), max) : NONE);
const owners = (list: readonly string[]): string => (list.length > 0 ? list.join(', ') : vscode.l10n.t('no owner named'));

export function impactRows(impact: FolderImpact, idPrefix: string): ImpactRow[] {
  const group = (key: string, label: string, icon: string, children: ImpactRow[], expanded = true): ImpactRow[] =>
    children.length === 0 ? [] : [{ id: `${idPrefix}/${key}`, label, description: String(children.length), icon, children, expanded }];
  const item = (kind: Kind, id: string, label: string, description: string, tooltip: string): ImpactRow =>
    ({ id: `${idPrefix}/${kind}/${id}`, label, description, tooltip, icon: KIND_ICONS[kind], opens: { item: id } });
  return [
    ...group('customers', vscode.l10n.t('Customers'), 'person', impact.requests.map((request) =>
      item('request', request.id, request.customer ?? request.id, `${request.id} · “${text(request.quote)}”`, `${request.customer ?? NONE} (${request.id}): “${request.quote ?? NONE}”`))),
    ...group('downstream', vscode.l10n.t('Downstream teams'), 'type-hierarchy-sub', impact.downstream.map((feature) =>
      item('feature', feature.id, feature.id, `${owners(feature.owners)} · ${vscode.l10n.t('via {0}', feature.via.join(' ← '))}`,
        vscode.l10n.t('{0} depends on what this change touches ({1}). Owners: {2}', feature.id, feature.via.join(' ← '), owners(feature.owners))))),
    ...group('features', vscode.l10n.t('Features touched'), 'symbol-class', impact.features.map((feature) =>
      item('feature', feature.id, feature.id, owners(feature.owners), `${feature.title ?? feature.id}. ${vscode.l10n.t('Owners: {0}', owners(feature.owners))}`))),
    ...group('risks', vscode.l10n.t('Risks'), KIND_ICONS.risk, impact.risks.map((risk) =>
      item('risk', risk.id, risk.id, text(risk.risk), risk.earlyWarningSign ? vscode.l10n.t('Early warning sign: {0}', risk.earlyWarningSign) : text(risk.risk, 200)))),
    ...group('assumptions', vscode.l10n.t('Assumptions'), KIND_ICONS.assumption, impact.assumptions.map((assumption) =>
      item('assumption', assumption.id, assumption.id, `${assumption.status} · ${text(assumption.statement)}`, text(assumption.statement, 200)))),
    ...group('milestones', vscode.l10n.t('Milestones'), KIND_ICONS.milestone, impact.milestones.map((milestone) =>
      item('milestone', milestone.id, milestone.id, milestone.gates.map((gate) => `${gate.role}: ${gate.call}`).join(', ') || text(milestone.title), text(milestone.title, 200)))),
    ...group('flags', vscode.l10n.t('Truth flags'), KIND_ICONS.flag, impact.flags.map((flag) =>
      item('flag', flag.id, flag.id, [flag.severity, flag.status, flag.onChangedLines && vscode.l10n.t('on changed lines: resolved or broken by this change?')].filter(Boolean).join(' · '),
        flag.anchor ? `${flag.anchor.path}:${flag.anchor.startLine}-${flag.anchor.endLine}` : flag.id))),
    ...group('alignment', vscode.l10n.t('.alignment/ changed'), 'law', impact.alignment.map((change) =>
      ({ id: `${idPrefix}/alignment/${change.path}`, label: change.path, description: change.status, icon: 'file', opens: { file: change.path } })), false),
    ...group('files', vscode.l10n.t('Changed files'), 'diff', impact.files.map((path) =>
      ({ id: `${idPrefix}/files/${path}`, label: path, icon: 'file', opens: { file: path } })), false),
  ];
}
