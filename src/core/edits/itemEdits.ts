// The lifecycle edits of items, as text in and new text out: acknowledge, resolve and reopen a flag,
// set an assumption's status, set a gate's call, re-anchor a flag. Each checks the item's current state
// first, so a stale command (someone else already resolved the flag) says so instead of writing.
import { assumptionSchema, featureSchema, flagSchema, gateSchema, riskSchema, type Anchor } from '../schemas';
import { appendToList, editItem, findItem, itemFields, type EditResult, type SetOperation } from './yamlText';
import { errorMessage } from '../errors';
import { literalGlob } from '../globs';

const FLAG_KEYS = Object.keys(flagSchema.shape);
const ASSUMPTION_KEYS = Object.keys(assumptionSchema.shape);
const GATE_KEYS = Object.keys(gateSchema.shape);
const RISK_KEYS = Object.keys(riskSchema.shape);
const FEATURE_KEYS = Object.keys(featureSchema.shape);

export type FlagStatus = 'open' | 'acknowledged' | 'resolved';
export type AssumptionStatus = 'untested' | 'validated' | 'invalidated';
export type GateCall = 'go' | 'no-go' | 'pending';

/** Who does it and when; `at` is a date or date-time as the format writes it (see timestamps.ts). */
export interface Actor {
  by?: string | undefined;
  at: string;
}

/** An open flag is seen: someone owns the gap now. A note, if any, is kept as a paragraph of `reality`. */
export function acknowledgeFlag(text: string, id: string, actor: Actor, note?: string): EditResult {
  const state = flagState(text, id);
  if (!state.ok) return state;
  if (state.status !== 'open') return { ok: false, message: `${id} is ${state.status}, not open; only an open flag can be acknowledged` };
  const noted: SetOperation[] = note?.trim()
    ? [flagSet('reality', withParagraph(state.fields, `Acknowledged${describeActor(actor.by, actor.at)}: ${endSentence(note.trim())}`))]
    : [];
  return editItem(text, id, [
    ...noted,
    flagSet('status', 'acknowledged'),
    flagSet('acknowledgedBy', actor.by),
    flagSet('acknowledgedAt', actor.at),
  ]);
}

/** The gap is closed; the note says how (undefined: no resolution is written, for scripted use). */
export function resolveFlag(text: string, id: string, actor: Actor, note: string | undefined): EditResult {
  const state = flagState(text, id);
  if (!state.ok) return state;
  if (state.status === 'resolved') return { ok: false, message: `${id} is already resolved` };
  if (note !== undefined && note.trim() === '') return { ok: false, message: 'a resolution says how the gap was closed; it must not be empty' };
  return editItem(text, id, [
    flagSet('status', 'resolved'),
    flagSet('resolution', note?.trim()),
    flagSet('resolvedBy', actor.by),
    flagSet('resolvedAt', actor.at),
  ]);
}

/**
 * The gap is back. The flag is open again, and no word is lost: the earlier resolution and the reason
 * for reopening are kept as a paragraph of `reality` (the acknowledgement and resolution keys go, since
 * they describe a state the flag is no longer in).
 */
export function reopenFlag(text: string, id: string, actor: Actor, note?: string): EditResult {
  const state = flagState(text, id);
  if (!state.ok) return state;
  if (state.status === 'open') return { ok: false, message: `${id} is already open` };
  const fields = state.fields;
  const previous = typeof fields.resolution === 'string'
    ? ` It had been resolved${describeActor(fields.resolvedBy, fields.resolvedAt)}: ${fields.resolution}`
    : typeof fields.acknowledgedBy === 'string' || typeof fields.acknowledgedAt === 'string'
      ? ` It had been acknowledged${describeActor(fields.acknowledgedBy, fields.acknowledgedAt)}.`
      : '';
  const reason = note?.trim() ? ` ${endSentence(note.trim())}` : '';
  const paragraph = `Reopened${describeActor(actor.by, actor.at)}.${reason}${previous}`;
  return editItem(text, id, [
    flagSet('reality', withParagraph(fields, paragraph)),
    flagSet('status', 'open'),
    flagSet('acknowledgedBy', undefined),
    flagSet('acknowledgedAt', undefined),
    flagSet('resolution', undefined),
    flagSet('resolvedBy', undefined),
    flagSet('resolvedAt', undefined),
  ]);
}

/** Points a flag at other lines (after the anchored code moved beyond recognition). */
export function reanchorFlag(text: string, id: string, anchor: Anchor): EditResult {
  const state = flagState(text, id);
  if (!state.ok) return state;
  const value: Record<string, string | number> = { path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine };
  if (anchor.text !== undefined) value.text = anchor.text;
  return editItem(text, id, [{ path: ['anchor'], value, order: FLAG_KEYS }]);
}

export function setAssumptionStatus(text: string, id: string, status: AssumptionStatus, evidence?: string): EditResult {
  const item = itemOfKind(text, id, 'assumption');
  if (!item.ok) return item;
  const operations: SetOperation[] = [{ path: ['status'], value: status, order: ASSUMPTION_KEYS }];
  if (evidence?.trim()) operations.push({ path: ['evidence'], value: evidence.trim(), order: ASSUMPTION_KEYS });
  return editItem(text, id, operations);
}

/** Sets the call of the milestone's gate held by `role` (matched without regard to case). */
export function setGateCall(text: string, milestoneId: string, role: string, call: GateCall, reason?: string): EditResult {
  const item = itemOfKind(text, milestoneId, 'milestone');
  if (!item.ok) return item;
  const gates = item.fields.gates;
  const roles = Array.isArray(gates) ? gates.map((gate: unknown) => (isRecord(gate) ? String(gate.role ?? '') : '')) : [];
  const index = roles.findIndex((candidate) => candidate.toLowerCase() === role.trim().toLowerCase());
  if (index === -1) {
    return { ok: false, message: roles.length > 0
      ? `milestone ${milestoneId} has no gate for the role "${role}" (its gates: ${roles.join(', ')})`
      : `milestone ${milestoneId} has no gates` };
  }
  const operations: SetOperation[] = [{ path: ['gates', index, 'call'], value: call, order: GATE_KEYS }];
  if (reason?.trim()) operations.push({ path: ['gates', index, 'reason'], value: reason.trim(), order: GATE_KEYS });
  return editItem(text, milestoneId, operations);
}

/**
 * Re-affirms a settled status after checking it against the code: `reviewedAt` (and `reviewedBy`) on the
 * assumption or risk, or on the milestone's gate at `gateIndex`. The status itself is left as written.
 */
export function confirmStatus(text: string, id: string, actor: Actor, gateIndex?: number): EditResult {
  const item = fieldsOfItem(text, id);
  if (!item.ok) return item;
  const { fields } = item;
  const review = (at: readonly (string | number)[], order: readonly string[]): SetOperation[] => [
    { path: [...at, 'reviewedAt'], value: actor.at, order },
    ...(actor.by ? [{ path: [...at, 'reviewedBy'], value: actor.by, order }] : []),
  ];
  if (fields.kind === 'assumption') return editItem(text, id, review([], ASSUMPTION_KEYS));
  if (fields.kind === 'risk') return editItem(text, id, review([], RISK_KEYS));
  if (fields.kind === 'milestone') {
    const gates = fields.gates;
    if (gateIndex === undefined || !Array.isArray(gates) || !isRecord(gates[gateIndex])) return { ok: false, message: `milestone ${id} has no gate ${gateIndex === undefined ? 'named' : gateIndex + 1} to confirm` };
    return editItem(text, id, review(['gates', gateIndex], GATE_KEYS));
  }
  return { ok: false, message: `${id} is ${typeof fields.kind === 'string' ? `a ${fields.kind}` : 'not an item'}: only an assumption, a risk or a gate's call is confirmed` };
}

/**
 * Adds a repository-relative file to a feature's `paths`, so the feature covers it: the pattern naming
 * exactly that file (literalGlob) as a line of a block list, an entry of a flow list, or a new `paths` after
 * the title. A pattern already listed is refused (nothing to add).
 */
export function addFeaturePath(text: string, featureId: string, path: string): EditResult {
  const item = itemOfKind(text, featureId, 'feature');
  if (!item.ok) return item;
  const pattern = literalGlob(path);
  const paths = item.fields.paths;
  if (Array.isArray(paths) && paths.includes(pattern)) return { ok: false, message: `${featureId} already lists ${pattern} in its paths` };
  return appendToList(text, featureId, 'paths', pattern, FEATURE_KEYS);
}

function flagSet(key: string, value: string | undefined): SetOperation {
  return { path: [key], value, order: FLAG_KEYS };
}

type ItemFields = { ok: true; fields: Record<string, unknown> } | { ok: false; message: string };

/** The item's fields (aliases resolved), whatever its kind. */
function fieldsOfItem(text: string, id: string): ItemFields {
  const item = findItem(text, id);
  if (!item.ok) return item;
  try {
    return { ok: true, fields: itemFields(item) };
  } catch (error) {
    // Aliases that expand beyond the limit, or point nowhere: the loader reports them; nothing to edit.
    return { ok: false, message: `${id} cannot be read (${errorMessage(error)}); fix it first` };
  }
}

/** The item's fields (aliases resolved), when it is of `kind`. */
function itemOfKind(text: string, id: string, kind: string): ItemFields {
  const item = fieldsOfItem(text, id);
  if (!item.ok) return item;
  const actual = item.fields.kind;
  if (actual !== kind) return { ok: false, message: `${id} is ${typeof actual === 'string' ? `a ${actual}` : 'not an item'}, not a ${kind}` };
  return item;
}

function flagState(text: string, id: string): { ok: true; fields: Record<string, unknown>; status: FlagStatus } | { ok: false; message: string } {
  const item = itemOfKind(text, id, 'flag');
  if (!item.ok) return item;
  const value = item.fields.status;
  if (value === undefined || value === null) return { ...item, status: 'open' };
  if (value !== 'open' && value !== 'acknowledged' && value !== 'resolved') return { ok: false, message: `${id} has an unknown status ${JSON.stringify(value)}; fix it first` };
  return { ...item, status: value };
}

/** The flag's reality with one more paragraph at the end. */
function withParagraph(fields: Record<string, unknown>, paragraph: string): string {
  const reality = fields.reality;
  return typeof reality === 'string' && reality.trim() ? `${reality}\n\n${paragraph}` : paragraph;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describeActor(by: unknown, at: unknown): string {
  const who = typeof by === 'string' && by.trim() ? ` by ${by.trim()}` : '';
  const when = typeof at === 'string' && at.trim() ? ` on ${at.trim().slice(0, 10)}` : '';
  return `${when}${who}`;
}

function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
