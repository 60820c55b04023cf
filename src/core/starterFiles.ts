// What `Truthline: Initialize` writes: a starter `.alignment/` folder with one commented example of each
// kind, tied together so the views have something to show at once. Pure: a unit test loads it with core.
import { ALIGNMENT_FOLDER, type TextFile } from './alignment';

export interface StarterOptions {
  /** Today as YYYY-MM-DD: the example dates start here. */
  readonly today: string;
  /** Globs for the example feature's `paths` (the active file's folder, say); commented out when absent. */
  readonly featurePaths?: readonly string[];
}

const FEATURE = 'example-feature';

export function starterFiles(options: StarterOptions): TextFile[] {
  const { today } = options;
  const compact = today.replace(/-/g, '');
  const file = (path: string, lines: string[]): TextFile => ({ path: `${ALIGNMENT_FOLDER}/${path}`, text: `${lines.join('\n')}\n` });
  return [
    file('README.md', readme()),
    file('features/example-feature.yaml', feature(today, options.featurePaths)),
    file('requests/example-customer.yaml', request(today)),
    file('assumptions/example-feature.yaml', assumption()),
    file('risks/pre-mortem.yaml', risk()),
    file('milestones/example-feature.yaml', milestone(addDays(today, 28))),
    file(`decisions/${today}-example-decision.yaml`, decision(today)),
    // Flags are named by their id, as Raise Truth Flag names them.
    file(`flags/F-${compact}-example.yaml`, flag(today, compact)),
  ];
}

/** Top-level folders that hold dependencies, build output or documents rather than the team's code. */
const NOT_CODE = new Set(['node_modules', 'vendor', 'dist', 'build', 'out', 'target', 'bin', 'obj', 'coverage', 'tmp', 'docs', 'doc']);

/**
 * What the example feature covers, so the lens and the views show it at once: the folder of the file being
 * edited, else src/, else the first top-level folder of code; none in an empty folder (the starter then
 * writes the paths commented out, with an example).
 */
export function starterFeaturePaths(activePath: string | undefined, topLevelFolders: readonly string[]): string[] | undefined {
  if (activePath !== undefined && !activePath.startsWith(`${ALIGNMENT_FOLDER}/`)) {
    const slash = activePath.lastIndexOf('/');
    return [slash > 0 ? `${activePath.slice(0, slash)}/` : activePath];
  }
  const code = topLevelFolders.filter((name) => !name.startsWith('.') && !NOT_CODE.has(name.toLowerCase())).sort((a, b) => a.localeCompare(b));
  const chosen = code.includes('src') ? 'src' : code[0];
  return chosen === undefined ? undefined : [`${chosen}/`];
}

function readme(): string[] {
  return [
    '# .alignment/',
    '',
    'What this team knows about its work, next to the code: features and what their status report says,',
    'customer requests in the customers\' own words, the assumptions and pre-mortem risks the plan rests on,',
    'milestones with go/no-go gates, decisions and who asked for them, and truth flags raised when the',
    'reported status and reality differ.',
    '',
    'Every `*.yaml` file below this folder holds one item, or a list of items, each with a `kind` and an `id`',
    '(unique across the folder). The examples here show one of each kind: edit them into your own, or delete',
    'them. Tie code to items with comment tags such as `// @risk R-1` or `# @serves CR-1`.',
    '',
    'Check the folder in CI with `truthline check`; the Truthline extension for VS Code shows it beside the code.',
  ];
}

function feature(today: string, paths: readonly string[] | undefined): string[] {
  return [
    '# A feature: what the team builds, which code it covers, what the status report says, and why.',
    `kind: feature`,
    `id: ${FEATURE}`,
    'title: Example feature (rename it, or delete this file)',
    '# The code this feature covers. Globs, CODEOWNERS-like: "src/checkout/" covers everything below it,',
    '# "*.sql" matches at any depth, a leading "!" excludes. Files covered show this feature in the sidebar.',
    ...(paths && paths.length > 0 ? ['paths:', ...paths.map((path) => `  - ${JSON.stringify(path)}`)] : ['# paths:', '#   - src/checkout/']),
    'owners:',
    '  - Your Name',
    '# What the status report says. Truthline shows it beside reality: open flags, invalidated assumptions,',
    '# no-go gates and high risks.',
    'reported:',
    '  status: on-track # not-started, on-track, at-risk, off-track or done',
    '  progress: 10 # percent done, as reported',
    '  source: Weekly status report',
    `  asOf: ${today}`,
    '# Clarity before alignment: the goal, for whom, how we will know, and what we choose not to do.',
    'direction:',
    '  goal: Describe the outcome for the customer in one or two sentences.',
    '  for:',
    '    - CR-1 # request ids, or customer names as written in requests',
    '  successSignal: The number you will watch to know it worked.',
    '  nonGoals:',
    '    - What this feature deliberately does not do',
    '# Features this one depends on: their open flags and high risks show up while you work on this one.',
    '# dependsOn:',
    '#   - another-feature',
  ];
}

function request(today: string): string[] {
  return [
    '# A customer request: a named customer (not a segment) and their own words, not a summary.',
    'kind: request',
    'id: CR-1',
    'customer: Example Customer Ltd',
    'contact: Sam Example, Head of Operations',
    'quote: >-',
    '  What the customer said, word for word. "We lose an hour every Monday because..."',
    `receivedAt: ${today}`,
    'channel: Support ticket',
    'features:',
    `  - ${FEATURE}`,
    'priority: medium # critical, high, medium or low',
    'status: open # open, planned, in-progress, delivered or declined',
  ];
}

function assumption(): string[] {
  return [
    '# An assumption the plan rests on, and how a milestone will test it. When a test proves it wrong,',
    '# set the status to invalidated and write down the evidence: everyone working on the feature sees it.',
    'kind: assumption',
    'id: A-1',
    'statement: Customers will find the new option without being told about it.',
    `feature: ${FEATURE}`,
    'milestone: M-1',
    'test: Count how many of the first 50 users use the option in their first week.',
    'status: untested # untested, validated or invalidated',
    '# evidence: What the test showed, with numbers.',
  ];
}

function risk(): string[] {
  return [
    '# A pre-mortem risk: imagine the feature has failed, and tell what happened. Tie the code it concerns',
    '# with a comment tag such as "// @risk R-1".',
    'kind: risk',
    'id: R-1',
    'risk: We shipped on time, but the first large customer hit a limit we never tested and went back to spreadsheets.',
    `feature: ${FEATURE}`,
    'likelihood: medium # low, medium or high; likelihood × impact of high × medium or more is a high risk',
    'impact: medium # low, medium or high',
    'earlyWarningSign: Requests slower than 2 seconds for accounts with more than 1,000 records.',
    'mitigationStrategy: Load-test with a copy of the largest account before the first milestone.',
    'owner: Your Name',
    'status: open # open, mitigated, occurred or retired',
  ];
}

function milestone(due: string): string[] {
  return [
    '# A milestone tests assumptions, and named roles hold a veto: one no-go gate blocks it.',
    'kind: milestone',
    'id: M-1',
    'title: First customer uses it in production',
    `feature: ${FEATURE}`,
    `due: ${due}`,
    'validates:',
    '  - A-1',
    'gates:',
    '  - role: Security',
    '    who: Your Name',
    '    call: pending # go, no-go or pending',
    '  - role: Customer success',
    '    call: pending',
    '    reason: Waiting for the first customer to try it.',
  ];
}

function decision(today: string): string[] {
  return [
    '# A decision and the customers behind it. A decision without a customer source is "unattributed".',
    'kind: decision',
    'id: D-1',
    'title: Build the simple version first and learn from the first customer',
    `decidedAt: ${today}`,
    'decidedBy: Your Name',
    'rationale: One customer asked for it in their own words; the rest is a guess until they use it.',
    'features:',
    `  - ${FEATURE}`,
    'sources:',
    '  - request: CR-1',
    '    customer: Example Customer Ltd',
    '    quote: We lose an hour every Monday.',
  ];
}

function flag(today: string, compact: string): string[] {
  return [
    '# A truth flag: what the status says, beside what the engineer sees. One file per flag, so two people on',
    '# two branches never conflict. Raise real ones from the command palette (Truthline: Raise Truth Flag).',
    '# This one is resolved, so the example feature starts clean: reopen it to see an open flag, or delete it.',
    'kind: flag',
    `id: F-${compact}-example`,
    `feature: ${FEATURE}`,
    'about: A-1',
    'reported: Example feature on track, 10% (weekly status report).',
    'reality: This is an example flag. Nothing is wrong yet.',
    'severity: low # low, medium, high or critical',
    'raisedBy: Truthline',
    `raisedAt: ${today}`,
    '# anchor: the lines the flag is about',
    '#   path: src/checkout/cart.ts',
    '#   startLine: 10',
    '#   endLine: 12',
    'status: resolved # open, acknowledged or resolved',
    'resolution: An example, resolved when the folder was created.',
    'resolvedBy: Truthline',
    `resolvedAt: ${today}`,
  ];
}

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000;
  return new Date(time).toISOString().slice(0, 10);
}
