// One snippet per kind for `.alignment/` files: the keys a valid item needs, in the order the examples
// write them, with tab stops and choices (VS Code snippet syntax). Completion offers them at the start of a
// line, so nobody has to remember which keys a risk takes, with or without a YAML extension installed.
import type { Kind } from './schemas';
import { ASSUMPTION_STATUSES, FLAG_SEVERITIES, LEVELS, REPORTED_STATUSES, REQUEST_PRIORITIES } from './schemas';

export interface KindSnippet {
  readonly kind: Kind;
  /** What the item is, in a few words: the completion's detail. */
  readonly description: string;
  /** The snippet's lines, the first at the cursor; later lines are indented by the editor. */
  readonly lines: readonly string[];
}

export interface SnippetContext {
  /** An id no item has yet, per kind (`R-4` after R-1…R-3); the feature's id is typed. */
  readonly nextId: (kind: Kind) => string;
  /** Today as YYYY-MM-DD. */
  readonly today: string;
  /** A feature to tie the item to, when the file is about one. */
  readonly feature?: string;
}

/** `${1|a,b|}`: a choice of the schema's values, the first offered first. */
function choice(stop: number, values: readonly string[]): string {
  return `\${${stop}|${values.join(',')}|}`;
}

/** A tab stop whose default is a value that cannot break the snippet (`$`, `}` and `\` escaped). */
function stop(stop: number, value: string): string {
  return `\${${stop}:${value.replace(/[$}\\]/g, (character) => `\\${character}`)}}`;
}

export function kindSnippets(context: SnippetContext): KindSnippet[] {
  const feature = stop(3, context.feature ?? 'feature-id');
  return [
    {
      kind: 'feature',
      description: 'A feature: the code it covers, who owns it, what the status report says',
      lines: ['kind: feature', `id: ${stop(1, 'feature-id')}`, `title: ${stop(2, 'What the team builds')}`, 'paths:', `  - ${stop(3, 'src/feature/')}`, 'owners:', `  - ${stop(4, 'Your Name')}`, 'reported:', `  status: ${choice(5, reorder(REPORTED_STATUSES, 'on-track'))}`, `  asOf: ${stop(6, context.today)}`],
    },
    {
      kind: 'request',
      description: 'A customer request: a named customer, in their own words',
      lines: ['kind: request', `id: ${stop(1, context.nextId('request'))}`, `customer: ${stop(2, 'Customer name')}`, `quote: ${stop(4, 'Their own words')}`, `receivedAt: ${stop(5, context.today)}`, `features: [${feature}]`, `priority: ${choice(6, reorder(REQUEST_PRIORITIES, 'medium'))}`],
    },
    {
      kind: 'assumption',
      description: 'An assumption the plan rests on, and how it will be tested',
      lines: ['kind: assumption', `id: ${stop(1, context.nextId('assumption'))}`, `statement: ${stop(2, 'What we believe and have not tested')}`, `feature: ${feature}`, `test: ${stop(4, 'How and when it will be tested')}`, `status: ${choice(5, ASSUMPTION_STATUSES)}`],
    },
    {
      kind: 'risk',
      description: 'A pre-mortem risk: likelihood, impact, early warning sign, mitigation',
      lines: ['kind: risk', `id: ${stop(1, context.nextId('risk'))}`, `risk: ${stop(2, 'What went wrong, told as if it already had')}`, `feature: ${feature}`, `likelihood: ${choice(4, reorder(LEVELS, 'medium'))}`, `impact: ${choice(5, reorder(LEVELS, 'medium'))}`, `earlyWarningSign: ${stop(6, 'What we would see first')}`, `mitigationStrategy: ${stop(7, 'What we do about it')}`],
    },
    {
      kind: 'milestone',
      description: 'A milestone with go/no-go gates',
      lines: ['kind: milestone', `id: ${stop(1, context.nextId('milestone'))}`, `title: ${stop(2, 'What is true when it is reached')}`, `feature: ${feature}`, `due: ${stop(4, context.today)}`, 'gates:', `  - role: ${stop(5, 'Security')}`, `    call: ${choice(6, ['pending', 'go', 'no-go'])}`],
    },
    {
      kind: 'decision',
      description: 'A decision, and the customers who asked for it',
      lines: ['kind: decision', `id: ${stop(1, context.nextId('decision'))}`, `title: ${stop(2, 'What was decided')}`, `decidedAt: ${stop(4, context.today)}`, `decidedBy: ${stop(5, 'Who decided')}`, `features: [${feature}]`, 'sources:', `  - request: ${stop(6, 'CR-1')}`],
    },
    {
      kind: 'flag',
      description: 'A truth flag: what the status says, and the reality',
      lines: ['kind: flag', `id: ${stop(1, context.nextId('flag'))}`, `feature: ${feature}`, `reported: ${stop(4, 'What the status report says')}`, `reality: ${stop(2, 'What the code and the team see')}`, `severity: ${choice(5, reorder(FLAG_SEVERITIES, 'medium'))}`, `raisedAt: ${stop(6, context.today)}`, 'status: open'],
    },
  ];
}

/** The values with the likeliest first, so Tab accepts the common case. */
function reorder(values: readonly string[], first: string): string[] {
  return [first, ...values.filter((value) => value !== first)];
}
