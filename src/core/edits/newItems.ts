// New items written from a few answers (New Feature…, New Risk…): their ids, their files and their text.
// The text is rendered by the yaml library (renderPair), so any answer (a quote with `#` or `: `, a leading
// `-`, several lines) reads back as typed, and it is checked by the loader `truthline check` uses.
import { parse } from 'yaml';
import { ALIGNMENT_FOLDER } from '../alignment';
import { checkGlobPattern } from '../globs';
import { parseAlignmentFile } from '../load';
import { ID_PATTERN, type Kind } from '../schemas';
import { renderPair, type EditResult, type YamlValue } from './yamlText';

export type NewItemKind = Exclude<Kind, 'flag'>;

/** A customer behind a decision: a request id, or a customer's name. */
export interface DecisionSource {
  readonly request?: string | undefined;
  readonly customer?: string | undefined;
}

export type NewItem =
  | { readonly kind: 'feature'; readonly id: string; readonly title: string; readonly paths?: readonly string[] | undefined }
  | { readonly kind: 'request'; readonly id: string; readonly customer: string; readonly quote: string; readonly receivedAt?: string | undefined; readonly features?: readonly string[] | undefined }
  | { readonly kind: 'assumption'; readonly id: string; readonly statement: string; readonly feature?: string | undefined }
  | {
    readonly kind: 'risk'; readonly id: string; readonly risk: string; readonly feature?: string | undefined;
    readonly likelihood: 'low' | 'medium' | 'high'; readonly impact: 'low' | 'medium' | 'high';
    readonly earlyWarningSign?: string | undefined; readonly mitigationStrategy?: string | undefined;
  }
  | { readonly kind: 'milestone'; readonly id: string; readonly title: string; readonly feature?: string | undefined; readonly due?: string | undefined }
  | { readonly kind: 'decision'; readonly id: string; readonly title: string; readonly decidedAt?: string | undefined; readonly features?: readonly string[] | undefined; readonly sources?: readonly DecisionSource[] | undefined };

/** The folder of each kind, as `Truthline: Initialize` lays them out. */
export const KIND_FOLDERS: Readonly<Record<NewItemKind, string>> = {
  feature: 'features',
  request: 'requests',
  assumption: 'assumptions',
  risk: 'risks',
  milestone: 'milestones',
  decision: 'decisions',
};

/** A slug says what the feature is in a few words: longer titles are cut at a word. */
const SLUG_MAX_LENGTH = 40;

/** The repository-relative path of a new item's file: the kind's folder, the id as the name. */
export function newItemFilePath(kind: NewItemKind, id: string): string {
  return `${ALIGNMENT_FOLDER}/${KIND_FOLDERS[kind]}/${id}.yaml`;
}

/** A feature id from its title: lower-case words joined by `-` ("Card payments (3-D Secure)": card-payments-3-d-secure), free in `taken`. */
export function featureIdFromTitle(title: string, taken: Iterable<string>): string {
  const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let slug = '';
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (slug && longer.length > SLUG_MAX_LENGTH) break;
    slug = longer.slice(0, SLUG_MAX_LENGTH);
  }
  if (!/^[a-z]/.test(slug)) slug = slug ? `feature-${slug}` : 'feature';
  const ids = new Set([...taken].map((id) => id.toLowerCase()));
  if (!ids.has(slug)) return slug;
  let suffix = 2;
  while (ids.has(`${slug}-${suffix}`)) suffix++;
  return `${slug}-${suffix}`;
}

/** Why `id` cannot name a new item (not an id, or taken: ids are unique across the folder), or undefined. */
export function newIdProblem(id: string, taken: ReadonlySet<string>): string | undefined {
  const trimmed = id.trim();
  if (trimmed === '') return 'an id is needed';
  if (!ID_PATTERN.test(trimmed)) return 'an id starts with a letter and holds letters, digits, ".", "_" or "-" (no spaces)';
  if (taken.has(trimmed)) return `${trimmed} already exists in .alignment/`;
  return undefined;
}

/** Why a glob of a feature's `paths` cannot be used, or undefined. */
export function pathPatternProblem(pattern: string): string | undefined {
  return checkGlobPattern(pattern);
}

/** The text of a new item's file, checked by the same loader `truthline check` uses and read back as given. */
export function newItemText(item: NewItem): EditResult {
  const fields = fieldsOf(item);
  const text = fields
    .filter((field): field is [string, YamlValue] => field[1] !== undefined)
    .map(([key, value]) => `${renderPair(key, value, '')}\n`)
    .join('');
  const file = newItemFilePath(item.kind, item.id);
  const parsed = parseAlignmentFile(file, text);
  if (parsed.problems.length > 0 || parsed.items.length !== 1) {
    return { ok: false, message: `the ${item.kind} would not be valid: ${parsed.problems.map((found) => found.message).join('; ') || 'no item'}` };
  }
  const expected = Object.fromEntries(fields.filter(([, value]) => value !== undefined));
  if (JSON.stringify(parse(text)) !== JSON.stringify(expected)) return { ok: false, message: `the ${item.kind} would not read back as written` };
  return { ok: true, text };
}

function fieldsOf(item: NewItem): [string, YamlValue | undefined][] {
  const head: [string, YamlValue | undefined][] = [['kind', item.kind], ['id', item.id.trim()]];
  switch (item.kind) {
    case 'feature':
      return [...head, ['title', text(item.title)], ['paths', list(item.paths)]];
    case 'request':
      return [...head, ['customer', text(item.customer)], ['quote', text(item.quote)], ['receivedAt', item.receivedAt], ['features', list(item.features)], ['status', 'open']];
    case 'assumption':
      return [...head, ['statement', text(item.statement)], ['feature', item.feature], ['status', 'untested']];
    case 'risk':
      return [
        ...head,
        ['risk', text(item.risk)],
        ['feature', item.feature],
        ['likelihood', item.likelihood],
        ['impact', item.impact],
        ['earlyWarningSign', text(item.earlyWarningSign)],
        ['mitigationStrategy', text(item.mitigationStrategy)],
        ['status', 'open'],
      ];
    case 'milestone':
      return [...head, ['title', text(item.title)], ['feature', item.feature], ['due', text(item.due)]];
    case 'decision': {
      const sources = (item.sources ?? [])
        .map((source) => compact({ request: text(source.request), customer: text(source.customer) }))
        .filter((source) => Object.keys(source).length > 0);
      return [...head, ['title', text(item.title)], ['decidedAt', item.decidedAt], ['features', list(item.features)], ['sources', sources.length > 0 ? sources : undefined]];
    }
  }
}

/** Text as typed, without the blanks around it; empty is absent (an optional field left for the YAML). */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function list(values: readonly string[] | undefined): readonly string[] | undefined {
  const kept = (values ?? []).map((value) => value.trim()).filter((value) => value !== '');
  return kept.length > 0 ? kept : undefined;
}

function compact(value: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
