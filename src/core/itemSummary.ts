// What an item says in one line (a CodeLens, a completion's detail) and as a card (a hover): plain text
// only. Whoever renders it escapes it; nothing here is markup.
import type { LoadedItem } from './load';
import { isHighRisk } from './reality';
import type { Kind } from './schemas';

export const KIND_LABELS: Record<Kind, string> = {
  feature: 'Feature',
  request: 'Request',
  assumption: 'Assumption',
  risk: 'Risk',
  milestone: 'Milestone',
  decision: 'Decision',
  flag: 'Flag',
};

const EXCERPT_LENGTH = 40;

/**
 * A required field as shown: an item that breaks the format is kept without the fields that were wrong,
 * and says so where the value would be, instead of an invented value or an empty space.
 */
export function orMissing(value: string | undefined, field: string): string {
  return value ?? `(no ${field})`;
}

/** The first `max` characters of a text on one line, cut at a word and marked with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export interface SummaryOptions {
  /** Whether a flag's anchored lines have changed since it was raised; unknown when not given. */
  isDrifted?: (flag: LoadedItem<'flag'>) => boolean;
}

/** One line: the kind and id, then what decides how much it matters (status, likelihood × impact, gates). */
export function oneLineSummary(entry: LoadedItem, options: SummaryOptions = {}): string {
  const head = `${KIND_LABELS[entry.kind]} ${entry.id}`;
  return [head, ...summaryParts(entry, options)].join(' · ');
}

function summaryParts(entry: LoadedItem, options: SummaryOptions): string[] {
  switch (entry.kind) {
    case 'request': {
      const item = (entry as LoadedItem<'request'>).item;
      return [orMissing(item.customer, 'customer'), item.quote === undefined ? orMissing(undefined, 'quote') : `“${excerpt(item.quote)}”`, ...defined(item.priority, item.status)];
    }
    case 'risk': {
      const risk = entry as LoadedItem<'risk'>;
      return [`likelihood ${orMissing(risk.item.likelihood, 'likelihood')} / impact ${orMissing(risk.item.impact, 'impact')}`, risk.item.status, ...(isHighRisk(risk) ? ['high risk'] : [])];
    }
    case 'assumption': {
      const item = (entry as LoadedItem<'assumption'>).item;
      return [item.status, ...(item.milestone ? [`tested at ${item.milestone}`] : []), excerpt(orMissing(item.statement, 'statement'))];
    }
    case 'milestone': {
      const item = (entry as LoadedItem<'milestone'>).item;
      return [...(item.due ? [`due ${item.due}`] : []), ...gateSummary(item.gates ?? []), excerpt(orMissing(item.title, 'title'))];
    }
    case 'flag': {
      const flag = entry as LoadedItem<'flag'>;
      const drift = flag.item.anchor && options.isDrifted?.(flag) ? ['drifted'] : [];
      return [flag.item.severity, flag.item.status, ...drift, ...(flag.item.about ? [`about ${flag.item.about}`] : [])];
    }
    case 'feature': {
      const item = (entry as LoadedItem<'feature'>).item;
      const reported = item.reported ? [`reported ${item.reported.status}${item.reported.progress === undefined ? '' : ` ${item.reported.progress}%`}`] : [];
      return [excerpt(orMissing(item.title, 'title')), ...reported];
    }
    case 'decision': {
      const item = (entry as LoadedItem<'decision'>).item;
      return [excerpt(orMissing(item.title, 'title')), ...(item.decidedAt ? [`decided ${item.decidedAt}`] : []), ...((item.sources ?? []).length === 0 ? ['unattributed'] : [])];
    }
  }
  return [];
}

/** "1 no-go, 1 pending, 1 go": the vetoes first, since one no-go blocks the milestone. */
function gateSummary(gates: readonly { call: string }[]): string[] {
  if (gates.length === 0) return [];
  const counts = ['no-go', 'pending', 'go'].map((call) => [call, gates.filter((gate) => gate.call === call).length] as const);
  return [`gates ${counts.filter(([, count]) => count > 0).map(([call, count]) => `${count} ${call}`).join(', ')}`];
}

function defined(...values: (string | undefined)[]): string[] {
  return values.filter((value): value is string => value !== undefined && value !== '');
}

export interface CardField {
  label: string;
  value: string;
}

/** An item as a hover card: a heading, the words that matter most (a quote, a statement), then fields. */
export interface ItemCard {
  heading: string;
  /** Someone's own words or the item's main statement, shown as a quote. */
  quote?: string;
  fields: CardField[];
}

export function itemCard(entry: LoadedItem, options: SummaryOptions = {}): ItemCard {
  const fields: CardField[] = [];
  const field = (label: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') fields.push({ label, value: String(value) });
  };
  const heading = `${KIND_LABELS[entry.kind]} ${entry.id}`;
  switch (entry.kind) {
    case 'request': {
      const item = (entry as LoadedItem<'request'>).item;
      field('Customer', orMissing(item.customer, 'customer'));
      field('Contact', item.contact);
      field('Received', item.receivedAt);
      field('Channel', item.channel);
      field('Priority', item.priority);
      field('Status', item.status);
      field('Features', item.features?.join(', '));
      return { heading, quote: item.quote, fields };
    }
    case 'risk': {
      const risk = entry as LoadedItem<'risk'>;
      field('Likelihood / impact', `${orMissing(risk.item.likelihood, 'likelihood')} / ${orMissing(risk.item.impact, 'impact')}${isHighRisk(risk) ? ' (high risk)' : ''}`);
      field('Status', risk.item.status);
      field('Early warning sign', risk.item.earlyWarningSign);
      field('Mitigation', risk.item.mitigationStrategy);
      field('Owner', risk.item.owner);
      field('Feature', risk.item.feature);
      return { heading, quote: risk.item.risk, fields };
    }
    case 'assumption': {
      const item = (entry as LoadedItem<'assumption'>).item;
      field('Status', item.status);
      field('Test', item.test);
      field('Evidence', item.evidence);
      field('Milestone', item.milestone);
      field('Feature', item.feature);
      return { heading, quote: item.statement, fields };
    }
    case 'milestone': {
      const item = (entry as LoadedItem<'milestone'>).item;
      field('Due', item.due);
      for (const gate of item.gates ?? []) {
        field(`Gate: ${gate.role}${gate.who ? ` (${gate.who})` : ''}`, `${gate.call}${gate.reason ? ` — ${gate.reason}` : ''}`);
      }
      field('Validates', item.validates?.join(', '));
      field('Feature', item.feature);
      return { heading, quote: item.title, fields };
    }
    case 'flag': {
      const flag = entry as LoadedItem<'flag'>;
      const drifted = flag.item.anchor && options.isDrifted?.(flag) ? ' (the anchored lines have changed)' : '';
      field('Severity', flag.item.severity);
      field('Status', `${flag.item.status}${drifted}`);
      field('Reported', flag.item.reported);
      field('Raised by', [flag.item.raisedBy, flag.item.raisedAt].filter(Boolean).join(', '));
      field('About', flag.item.about);
      field('Feature', flag.item.feature);
      field('Resolution', flag.item.resolution);
      return { heading, quote: flag.item.reality, fields };
    }
    case 'feature': {
      const item = (entry as LoadedItem<'feature'>).item;
      if (item.reported) field('Reported', `${item.reported.status}${item.reported.progress === undefined ? '' : `, ${item.reported.progress}%`}${item.reported.source ? ` (${item.reported.source})` : ''}`);
      field('Goal', item.direction?.goal);
      field('For', item.direction?.for?.join(', '));
      field('Owners', item.owners?.join(', '));
      return { heading, quote: item.title, fields };
    }
    case 'decision': {
      const item = (entry as LoadedItem<'decision'>).item;
      field('Decided', [item.decidedAt, item.decidedBy].filter(Boolean).join(', '));
      field('Rationale', item.rationale);
      field('Sources', (item.sources ?? []).map((source) => source.customer ?? source.request).join(', ') || 'none (unattributed)');
      return { heading, quote: item.title, fields };
    }
  }
  return { heading, fields };
}
