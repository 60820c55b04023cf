// `truthline impact` output: text for a terminal, JSON for tools, Markdown for a pull-request comment
// (customers first, downstream owners named, the rest folded), GitHub workflow annotations for CI.
import type { Impact } from '../core';
import type { Change } from '../git/changes';

export const IMPACT_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type ImpactFormat = (typeof IMPACT_FORMATS)[number];

export function formatImpact(format: ImpactFormat, change: Change, impact: Impact): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ base: change.base, head: change.head ?? 'working tree', ...impact }, null, 2)}\n`;
    case 'markdown':
      return impactMarkdown(change, impact);
    case 'github':
      return impactAnnotations(impact);
    default:
      return impactText(change, impact);
  }
}

const owners = (list: readonly string[]): string => (list.length > 0 ? ` (owners: ${list.join(', ')})` : ' (no owners named)');
const via = (path: readonly string[]): string => path.join(' ← ');
const gates = (milestone: Impact['milestones'][number]): string => milestone.gates.map((gate) => `${gate.role}${gate.who ? ` (${gate.who})` : ''}: ${gate.call}`).join(', ');

function header(change: Change, impact: Impact): string {
  const head = change.head === undefined ? 'the working tree' : change.head.slice(0, 12);
  const alignment = impact.alignment.length > 0 ? `, ${impact.alignment.length} in .alignment/` : '';
  return `Change from ${change.base.slice(0, 12)} (${change.baseFrom}) to ${head}: ${impact.files.length} source ${impact.files.length === 1 ? 'file' : 'files'} changed${alignment}`;
}

function touchesNothing(impact: Impact): boolean {
  return impact.features.length + impact.requests.length + impact.risks.length + impact.assumptions.length + impact.milestones.length + impact.flags.length === 0;
}

function impactText(change: Change, impact: Impact): string {
  const lines = [header(change, impact)];
  const section = (title: string, rows: readonly string[]): void => {
    if (rows.length > 0) lines.push('', `${title}:`, ...rows.map((row) => `  ${row}`));
  };
  if (touchesNothing(impact)) lines.push('', 'It touches no feature, customer request or other item of .alignment/.');
  section('Customers', impact.requests.map((request) => `${request.id} ${request.customer ?? '(no customer named)'}${request.quote ? `: "${request.quote}"` : ''}`));
  section('Features', impact.features.map((feature) => `${feature.id}${feature.title ? ` — ${feature.title}` : ''}${owners(feature.owners)}`));
  section('Downstream (depends on what changed: tell them)', impact.downstream.map((feature) => `${feature.id}${owners(feature.owners)} via ${via(feature.via)}`));
  section('Flags', impact.flags.map((flag) => `${flag.id} ${flag.severity} ${flag.status}${flag.onChangedLines ? ' — anchored on changed lines: resolved, or made worse?' : ''}`));
  section('Risks', impact.risks.map((risk) => `${risk.id} ${risk.risk ?? ''}${risk.earlyWarningSign ? ` (early warning: ${risk.earlyWarningSign})` : ''}`));
  section('Assumptions', impact.assumptions.map((assumption) => `${assumption.id} ${assumption.status}: ${assumption.statement ?? ''}`));
  section('Milestones', impact.milestones.map((milestone) => `${milestone.id}${milestone.title ? ` ${milestone.title}` : ''}${milestone.gates.length > 0 ? ` — gates: ${gates(milestone)}` : ''}`));
  section('.alignment/ changed', impact.alignment.map((file) => `${file.path} (${file.status})`));
  return `${lines.join('\n')}\n`;
}

/** Text from YAML is shown as text in the comment: Markdown and HTML characters are escaped. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]|<>~]/g, (char) => `\\${char}`).replace(/\s*\n\s*/g, ' ');
}

function impactMarkdown(change: Change, impact: Impact): string {
  const lines = ['### Truthline: what this change touches', '', md(header(change, impact))];
  if (touchesNothing(impact)) lines.push('', 'It touches no feature, customer request or other item of `.alignment/`.');
  if (impact.requests.length > 0) {
    lines.push('', '**Customers**', '', ...impact.requests.map((request) => `- **${md(request.customer ?? 'no customer named')}** (${md(request.id)})${request.quote ? `: “${md(request.quote)}”` : ''}`));
  }
  if (impact.downstream.length > 0) {
    lines.push('', '**Downstream — depends on what changed, tell them**', '', ...impact.downstream.map((feature) => `- \`${feature.id}\`${md(owners(feature.owners))} via ${md(via(feature.via))}`));
  }
  if (impact.features.length > 0) lines.push('', `**Features**: ${impact.features.map((feature) => `\`${feature.id}\`${md(owners(feature.owners))}`).join('; ')}`);
  const onChangedLines = impact.flags.filter((flag) => flag.onChangedLines);
  if (onChangedLines.length > 0) lines.push('', `**Flags anchored on changed lines** (resolved, or made worse?): ${onChangedLines.map((flag) => `\`${flag.id}\` ${flag.severity}, ${flag.status}`).join('; ')}`);
  const details = [
    ...impact.risks.map((risk) => `- Risk \`${risk.id}\`: ${md(risk.risk ?? '')}${risk.earlyWarningSign ? ` — early warning: ${md(risk.earlyWarningSign)}` : ''}`),
    ...impact.assumptions.map((assumption) => `- Assumption \`${assumption.id}\` (${assumption.status}): ${md(assumption.statement ?? '')}`),
    ...impact.milestones.map((milestone) => `- Milestone \`${milestone.id}\`${milestone.title ? ` ${md(milestone.title)}` : ''}${milestone.gates.length > 0 ? ` — gates: ${md(gates(milestone))}` : ''}`),
    ...impact.flags.filter((flag) => !flag.onChangedLines).map((flag) => `- Flag \`${flag.id}\` (${flag.severity}, ${flag.status})`),
    ...impact.alignment.map((file) => `- \`.alignment/\` changed: \`${file.path}\` (${file.status})`),
  ];
  if (details.length > 0) lines.push('', `<details><summary>Risks, assumptions, milestones and flags (${details.length})</summary>`, '', ...details, '', '</details>');
  return `${lines.join('\n')}\n`;
}

/** GitHub's workflow command escaping: data and property values. */
const data = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string): string => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function impactAnnotations(impact: Impact): string {
  const lines: string[] = [];
  if (impact.requests.length > 0) {
    lines.push(`::notice title=${property('Truthline: customers this change touches')}::${data(impact.requests.map((request) => `${request.customer ?? request.id} (${request.id})`).join('; '))}`);
  }
  if (impact.downstream.length > 0) {
    lines.push(`::notice title=${property('Truthline: downstream features')}::${data(impact.downstream.map((feature) => `${feature.id}${owners(feature.owners)} via ${via(feature.via)}`).join('; '))}`);
  }
  for (const flag of impact.flags.filter((candidate) => candidate.onChangedLines)) {
    const at = flag.anchor ?? { path: flag.file, startLine: flag.line };
    lines.push(`::warning file=${property(at.path)},line=${at.startLine},title=${property(`Truthline: flag ${flag.id}`)}::${data(`Flag ${flag.id} (${flag.severity}, ${flag.status}) is anchored on lines this change touches: is it resolved, or made worse?`)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
