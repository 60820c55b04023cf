// The `.alignment/` format v1, once: every kind's shape as a zod schema. Types are inferred from these,
// and the shipped JSON Schema is generated from them (see jsonSchema.ts), so the format is written once.
import { z } from 'zod';
import { checkGlobPattern } from './globs';

/** Ids are short and readable (CR-101, R-12, checkout); they appear in comment tags, so no spaces. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const id = z.string().regex(ID_PATTERN, 'an id starts with a letter and holds letters, digits, ".", "_" or "-"');
const ids = z.array(id);
const text = z.string().min(1, 'must not be empty');
/** A calendar date (2026-11-20) or an ISO date-time (2026-11-20T14:03:00Z). */
const date = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date like 2026-11-20 or 2026-11-20T14:03:00Z')
  .refine(isCalendarDate, 'no such day in the calendar');

/** 2026-02-30 has the right shape but is no day: a typo that would sort and age wrongly. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return true; // the shape is reported once, by the pattern
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
/** A `paths` pattern the glob compiler accepts: a bad one is a problem at that pattern, and only it is dropped. */
const glob = text.superRefine((pattern, context) => {
  const why = checkGlobPattern(pattern);
  if (why !== undefined) context.addIssue({ code: 'custom', message: why });
});
const globs = z.array(glob).describe('Globs, CODEOWNERS-like: a pattern without "/" matches at any depth, "/x" is anchored at the repository root, "dir/" covers everything below it, "!" excludes; the last matching pattern wins.');
const level = z.enum(['low', 'medium', 'high']);

export const REPORTED_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'done'] as const;
export const ASSUMPTION_STATUSES = ['untested', 'validated', 'invalidated'] as const;
export const RISK_STATUSES = ['open', 'mitigated', 'occurred', 'retired'] as const;
export const GATE_CALLS = ['go', 'no-go', 'pending'] as const;
export const FLAG_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const FLAG_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const REQUEST_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export const REQUEST_STATUSES = ['open', 'planned', 'in-progress', 'delivered', 'declined'] as const;
export const LEVELS = level.options;

const base = {
  id: id.describe('Unique across the .alignment/ folder.'),
};

export const featureSchema = z.strictObject({
  kind: z.literal('feature'),
  ...base,
  title: text,
  paths: globs.optional(),
  owners: z.array(text).optional(),
  reported: z.strictObject({
    status: z.enum(REPORTED_STATUSES),
    progress: z.number().min(0).max(100).optional().describe('Percent done, as reported.'),
    source: text.optional().describe('Where the status is reported (a status report, a board).'),
    asOf: date.optional(),
  }).optional(),
  direction: z.strictObject({
    goal: text.optional(),
    for: z.array(text).optional().describe('Request ids, or customer names as written in requests.'),
    successSignal: text.optional(),
    nonGoals: z.array(text).optional(),
  }).optional(),
  dependsOn: ids.optional(),
});

export const requestSchema = z.strictObject({
  kind: z.literal('request'),
  ...base,
  customer: text.describe('A named customer, not a segment.'),
  contact: text.optional(),
  quote: text.describe('Their own words.'),
  receivedAt: date.optional(),
  channel: text.optional(),
  features: ids.optional(),
  paths: globs.optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
});

export const assumptionSchema = z.strictObject({
  kind: z.literal('assumption'),
  ...base,
  statement: text,
  feature: id.optional(),
  milestone: id.optional(),
  test: text.optional().describe('How it will be tested.'),
  status: z.enum(ASSUMPTION_STATUSES).default('untested'),
  evidence: text.optional(),
  reviewedAt: date.optional().describe('When the status was last checked against the code (Confirm status writes it).'),
  reviewedBy: text.optional(),
  paths: globs.optional(),
});

export const riskSchema = z.strictObject({
  kind: z.literal('risk'),
  ...base,
  risk: text.describe('What could go wrong, told as if it already had (pre-mortem).'),
  feature: id.optional(),
  likelihood: level,
  impact: level,
  earlyWarningSign: text.optional(),
  mitigationStrategy: text.optional(),
  owner: text.optional(),
  status: z.enum(RISK_STATUSES).default('open'),
  reviewedAt: date.optional().describe('When the status was last checked against the code (Confirm status writes it).'),
  reviewedBy: text.optional(),
  paths: globs.optional(),
});

export const gateSchema = z.strictObject({
  role: text.describe('The role that holds a veto (security, support, customer success).'),
  who: text.optional(),
  call: z.enum(GATE_CALLS).default('pending'),
  reason: text.optional(),
  reviewedAt: date.optional().describe('When the status was last checked against the code (Confirm status writes it).'),
  reviewedBy: text.optional(),
});

export const milestoneSchema = z.strictObject({
  kind: z.literal('milestone'),
  ...base,
  title: text,
  feature: id.optional(),
  due: date.optional(),
  validates: ids.optional().describe('Assumption ids this milestone tests.'),
  gates: z.array(gateSchema).optional(),
  paths: globs.optional(),
});

export const decisionSourceSchema = z.strictObject({
  request: id.optional(),
  customer: text.optional(),
  quote: text.optional(),
}).refine((source) => source.request !== undefined || source.customer !== undefined, 'a source names a request or a customer; a decision with no customer behind it has no sources (it is unattributed)');

export const decisionSchema = z.strictObject({
  kind: z.literal('decision'),
  ...base,
  title: text,
  decidedAt: date.optional(),
  decidedBy: text.optional(),
  rationale: text.optional(),
  features: ids.optional(),
  sources: z.array(decisionSourceSchema).optional().describe('The customers behind the decision; none makes it unattributed.'),
  paths: globs.optional(),
});

export const anchorSchema = z.strictObject({
  path: text.describe('Repository-relative path of the anchored file.'),
  startLine: z.number().int().min(1),
  endLine: z.number().int().min(1),
  text: z.string().optional().describe('The anchored lines as they were, to follow them when they move.'),
}).refine((anchor) => anchor.endLine >= anchor.startLine, { message: 'endLine must not be before startLine', path: ['endLine'] });

export const flagSchema = z.strictObject({
  kind: z.literal('flag'),
  ...base,
  feature: id.optional(),
  about: id.optional().describe('The item the flag is about.'),
  reported: text.optional().describe('What the status says.'),
  reality: text.describe('What the engineer sees.'),
  severity: z.enum(FLAG_SEVERITIES).default('medium'),
  raisedBy: text.optional().describe('A name, or a role when raised anonymously.'),
  raisedAt: date.optional(),
  anchor: anchorSchema.optional(),
  status: z.enum(FLAG_STATUSES).default('open'),
  acknowledgedBy: text.optional(),
  acknowledgedAt: date.optional(),
  resolution: text.optional(),
  resolvedBy: text.optional(),
  resolvedAt: date.optional(),
});

export const SCHEMAS = {
  feature: featureSchema,
  request: requestSchema,
  assumption: assumptionSchema,
  risk: riskSchema,
  milestone: milestoneSchema,
  decision: decisionSchema,
  flag: flagSchema,
} as const;

export type Kind = keyof typeof SCHEMAS;
export const KINDS = Object.keys(SCHEMAS) as Kind[];

/**
 * What an item that breaks the format still keeps: the same kinds with every required field optional and
 * any text as id. An item whose `kind` and `id` can be read is never dropped (one typo in a pre-mortem risk
 * must not hide the risk); its problems are reported and the item is marked. Model types are these, so
 * every view has to say what it shows when a required field is missing.
 */
const anyId = { id: z.string().min(1) };
export const LENIENT_SCHEMAS = {
  feature: featureSchema.partial({ title: true }).extend(anyId),
  request: requestSchema.partial({ customer: true, quote: true }).extend(anyId),
  assumption: assumptionSchema.partial({ statement: true }).extend(anyId),
  risk: riskSchema.partial({ risk: true, likelihood: true, impact: true }).extend(anyId),
  milestone: milestoneSchema.partial({ title: true }).extend(anyId),
  decision: decisionSchema.partial({ title: true }).extend(anyId),
  flag: flagSchema.partial({ reality: true }).extend(anyId),
} as const satisfies Record<Kind, z.ZodType>;

export type Feature = z.infer<typeof LENIENT_SCHEMAS.feature>;
export type CustomerRequest = z.infer<typeof LENIENT_SCHEMAS.request>;
export type Assumption = z.infer<typeof LENIENT_SCHEMAS.assumption>;
export type Risk = z.infer<typeof LENIENT_SCHEMAS.risk>;
export type Gate = z.infer<typeof gateSchema>;
export type Milestone = z.infer<typeof LENIENT_SCHEMAS.milestone>;
export type Decision = z.infer<typeof LENIENT_SCHEMAS.decision>;
export type Anchor = z.infer<typeof anchorSchema>;
export type Flag = z.infer<typeof LENIENT_SCHEMAS.flag>;

export interface ItemOfKind {
  feature: Feature;
  request: CustomerRequest;
  assumption: Assumption;
  risk: Risk;
  milestone: Milestone;
  decision: Decision;
  flag: Flag;
}
export type Item = ItemOfKind[Kind];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SCHEMAS, value);
}
