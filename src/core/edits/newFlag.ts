// A new truth flag: its id, its file and its text. One file per flag with a random id, so two engineers on
// two branches never write the same file or the same id.
import { parseAlignmentFile } from '../load';
import { ALIGNMENT_FOLDER } from '../alignment';
import type { Anchor, Feature, Flag } from '../schemas';
import { renderPair, type EditResult, type YamlValue } from './yamlText';

export const FLAGS_FOLDER = `${ALIGNMENT_FOLDER}/flags`;

export interface NewFlag {
  id: string;
  feature?: string | undefined;
  about?: string | undefined;
  reported?: string | undefined;
  reality: string;
  severity: Flag['severity'];
  /** A name, or a role when raised anonymously. */
  raisedBy?: string | undefined;
  raisedAt: string;
  anchor?: Anchor | undefined;
}

/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const ID_SUFFIX_LENGTH = 4;

/** `F-20261120-k7qm`: the local day it was raised and four random characters from `random` (bytes). */
export function newFlagId(now: Date, random: Uint8Array): string {
  if (random.length < ID_SUFFIX_LENGTH) throw new Error(`newFlagId needs ${ID_SUFFIX_LENGTH} random bytes`);
  const suffix = [...random.slice(0, ID_SUFFIX_LENGTH)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
  return `F-${localDate(now).replace(/-/g, '')}-${suffix}`;
}

/** The repository-relative path of a flag's file: the file name is the id. */
export function flagFilePath(id: string): string {
  return `${FLAGS_FOLDER}/${id}.yaml`;
}

/** The text of a new flag's file, checked by the same loader `truthline check` uses. */
export function newFlagText(flag: NewFlag): EditResult {
  if (flag.reality.trim() === '') return { ok: false, message: 'the reality must not be empty: say what you see' };
  const fields: [string, YamlValue | undefined][] = [
    ['kind', 'flag'],
    ['id', flag.id],
    ['feature', flag.feature],
    ['about', flag.about],
    ['reported', blankToUndefined(flag.reported)],
    ['reality', flag.reality.trim()],
    ['severity', flag.severity],
    ['raisedBy', blankToUndefined(flag.raisedBy)],
    ['raisedAt', flag.raisedAt],
    ['anchor', flag.anchor && anchorValue(flag.anchor)],
    ['status', 'open'],
  ];
  const text = fields
    .filter((field): field is [string, YamlValue] => field[1] !== undefined)
    .map(([key, value]) => `${renderPair(key, value, '')}\n`)
    .join('');
  const parsed = parseAlignmentFile(flagFilePath(flag.id), text);
  if (parsed.problems.length > 0 || parsed.items.length !== 1) {
    return { ok: false, message: `the flag would not be valid: ${parsed.problems.map((found) => found.message).join('; ') || 'no item'}` };
  }
  return { ok: true, text };
}

/** What the status report says about a feature, in words: "Payments: on track, 85% (weekly report, 2026-11-13)". */
export function reportedText(feature: Pick<Feature, 'id' | 'title' | 'reported'>): string | undefined {
  const status = reportedStatusText(feature.reported);
  return status === undefined ? undefined : `${feature.title}: ${status}`;
}

/** The reported status alone: "on track, 85% (weekly report, 2026-11-13)". */
export function reportedStatusText(reported: Feature['reported']): string | undefined {
  if (!reported) return undefined;
  const progress = reported.progress === undefined ? '' : `, ${reported.progress}%`;
  const where = [reported.source, reported.asOf].filter((part): part is string => part !== undefined);
  return `${reported.status.replace(/-/g, ' ')}${progress}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

/** `2026-11-20`, in the local time zone of `date`. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `2026-11-20T14:03:27+01:00`: local time with its offset, so the day in the id and the time agree. */
export function localTimestamp(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(hours)}:${pad(minutes)}`;
}

function anchorValue(anchor: Anchor): YamlValue {
  const value: Record<string, string | number> = { path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine };
  if (anchor.text !== undefined) value.text = anchor.text;
  return value;
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
