// The weekly Customer Truth Review as Markdown: customers' names and words verbatim, unattributed
// decisions marked, and what moved in the week.
import { blockQuote } from './markdownText';
import type { ReviewFlag, WeeklyReview } from './review';

export function reviewMarkdown(review: WeeklyReview): string {
  const lines = [
    `# Customer Truth Review — ${review.week} (${review.start} to ${review.end})`,
    '',
    ...(review.asOf < review.end ? [`As of ${review.asOf}: the week is not over yet.`, ''] : []),
    ...saidLines(review), '',
    ...interpretedLines(review), '',
    ...decidedLines(review), '',
    ...validateLines(review), '',
    ...flagLines(review), '',
    ...statusLines(review),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function saidLines({ said }: WeeklyReview): string[] {
  const lines = ['## 1. What did customers actually say?', ''];
  if (said.length === 0) return [...lines, 'No request received this week.'];
  for (const request of said) {
    const via = [request.channel, request.receivedAt].filter(Boolean).join(', ');
    lines.push(`**${request.customer ?? 'Unnamed customer'}**${request.contact ? ` (${request.contact})` : ''} — ${request.id}${via ? `, ${via}` : ''}`, '');
    lines.push(...(request.quote ? blockQuote(request.quote) : ['_(no quote recorded)_']), '');
  }
  return lines;
}

function interpretedLines({ said }: WeeklyReview): string[] {
  const lines = ['## 2. How did we interpret it?', ''];
  if (said.length === 0) return [...lines, 'Nothing to interpret: no request this week.'];
  for (const request of said) {
    if (request.interpretedBy.length === 0) {
      lines.push(`- ${request.id} (${request.customer ?? 'unnamed customer'}): **no feature names it** in \`direction.for\``);
      continue;
    }
    for (const feature of request.interpretedBy) {
      const details = [feature.goal && `goal: ${feature.goal}`, feature.successSignal && `we will know by: ${feature.successSignal}`,
        feature.nonGoals.length > 0 && `not doing: ${feature.nonGoals.join('; ')}`, `reported ${feature.reported ?? 'no status'}`].filter(Boolean);
      lines.push(`- ${request.id} (${request.customer ?? 'unnamed customer'}) → **${feature.title ?? feature.id}** (${feature.id}): ${details.join(' · ')}`);
    }
  }
  return lines;
}

function decidedLines({ decided }: WeeklyReview): string[] {
  const lines = ['## 3. What did we decide?', ''];
  if (decided.length === 0) return [...lines, 'No decision this week.'];
  for (const decision of decided) {
    lines.push(`- **${decision.title ?? decision.id}** (${decision.id}, ${decision.decidedAt ?? 'undated'})${decision.attributed ? '' : ' — **unattributed**: no customer behind it'}`);
    for (const source of decision.sources) {
      const who = [source.customer ?? 'no customer named', source.request].filter(Boolean).join(', ');
      lines.push(`  - ${who}${source.quote ? ':' : ' (no quote)'}`);
      if (source.quote) lines.push(...blockQuote(source.quote).map((line) => `    ${line}`));
    }
  }
  return lines;
}

function validateLines({ comingDue }: WeeklyReview): string[] {
  const lines = ['## 4. Which customers will validate?', ''];
  if (comingDue.length === 0) return [...lines, 'No milestone coming due.'];
  for (const milestone of comingDue) {
    const customers = milestone.customers.length > 0 ? milestone.customers.join(', ') : '**no customer named**';
    lines.push(`- **${milestone.title ?? milestone.id}** (${milestone.id}${milestone.feature ? `, ${milestone.feature}` : ''}), due ${milestone.due} — customers: ${customers}`);
    for (const assumption of milestone.assumptions) {
      lines.push(`  - ${assumption.id} (${assumption.status}): ${assumption.statement ?? '—'}${assumption.test ? ` — test: ${assumption.test}` : ''}`);
    }
  }
  return lines;
}

function flagLines({ flags }: WeeklyReview): string[] {
  const row = (flag: ReviewFlag): string => `  - ${flag.id} (${flag.severity}${flag.feature ? `, ${flag.feature}` : ''}) ${flag.on}${flag.by ? ` by ${flag.by}` : ''}${flag.text ? `: ${flag.text}` : ''}`;
  const group = (title: string, list: readonly ReviewFlag[]): string[] => [`- ${title}: ${list.length}`, ...list.map(row)];
  return ['## Flags this week', '', ...group('Raised', flags.raised), ...group('Acknowledged', flags.acknowledged), ...group('Resolved', flags.resolved)];
}

function statusLines(review: WeeklyReview): string[] {
  const lines = ['## Reported statuses that changed', ''];
  if (review.statusChangesUnavailable !== null) return [...lines, `Not known: ${review.statusChangesUnavailable}.`];
  if (review.statusChanges.length === 0) return [...lines, 'No reported status changed this week.'];
  return [...lines, ...review.statusChanges.map((change) => `- ${change.feature}: ${change.from ?? '(none)'} → ${change.to ?? '(none)'} (${change.date.slice(0, 10)}, ${change.commit.slice(0, 7)})`)];
}
