// Which customer requests a file serves, and the words CodeLens shows for it: above the module, whose
// requests it exists for; above each comment tag, the tagged item in one line. Pure and synchronous: the
// lens is computed from the loaded model and the editor's text on every call, so it never waits on a load.
import { normalizePath } from './globs';
import type { LoadedItem } from './load';
import type { AlignmentModel } from './model';
import { compactSummary, oneLineSummary, orMissing, type SummaryOptions } from './kinds';
import type { CustomerRequest } from './schemas';
import { scanTags, TAG_KINDS, type Tag } from './tags';
import { article } from './words';

/** How a request is tied to a file, strongest first. */
export type ServeReason = 'paths' | 'tag' | 'feature';

export interface ServingRequest {
  readonly request: LoadedItem<'request'>;
  readonly via: ServeReason;
  /** The covering feature the request names (or that names it), when `via` is 'feature'. */
  readonly feature?: LoadedItem<'feature'>;
}

export interface FileServing {
  /** Most important first: priority, then how many requests the customer has made, then id. */
  readonly requests: readonly ServingRequest[];
  /** Features whose `paths` cover the file. */
  readonly features: readonly LoadedItem<'feature'>[];
}

const PRIORITY_RANK: Record<NonNullable<CustomerRequest['priority']>, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const NO_PRIORITY_RANK = 4;

/**
 * The requests a file serves: through the request's own `paths`, a `@serves` tag in the file, or a
 * feature covering the file that the request names (`features`) or that names it (`direction.for`).
 */
export function requestsServingFile(model: AlignmentModel, path: string, tags: readonly Tag[] = []): FileServing {
  const found = new Map<string, ServingRequest>();
  const features: LoadedItem<'feature'>[] = [];
  for (const entry of model.pathIndex.lookup(normalizePath(path))) {
    if (entry.kind === 'request') found.set(entry.id, { request: entry as LoadedItem<'request'>, via: 'paths' });
    else if (entry.kind === 'feature') features.push(entry as LoadedItem<'feature'>);
  }
  for (const tag of tags) {
    if (tag.keyword !== 'serves' || found.has(tag.id)) continue;
    const entry = model.byId.get(tag.id);
    if (entry?.kind === 'request') found.set(entry.id, { request: entry as LoadedItem<'request'>, via: 'tag' });
  }
  for (const feature of features) {
    for (const entry of model.itemsOfFeature.get(feature.id) ?? []) {
      if (entry.kind === 'request' && !found.has(entry.id)) found.set(entry.id, { request: entry as LoadedItem<'request'>, via: 'feature', feature });
    }
  }
  return { requests: sortByImportance(model, [...found.values()]), features };
}

function sortByImportance(model: AlignmentModel, requests: ServingRequest[]): ServingRequest[] {
  const counts = requestsPerCustomer(model);
  const rank = (entry: ServingRequest): number => {
    const priority = entry.request.item.priority;
    return priority ? PRIORITY_RANK[priority] : NO_PRIORITY_RANK;
  };
  const count = (entry: ServingRequest): number => counts.get(customerKey(entry.request)) ?? 0;
  return requests.sort((a, b) => rank(a) - rank(b) || count(b) - count(a) || compareIds(a.request.id, b.request.id));
}

/** How many requests each customer has made across the folder: a customer who asks often weighs more. */
const customerCounts = new WeakMap<AlignmentModel, Map<string, number>>();
function requestsPerCustomer(model: AlignmentModel): Map<string, number> {
  let counts = customerCounts.get(model);
  if (!counts) {
    counts = new Map();
    for (const request of model.byKind.request) counts.set(customerKey(request), (counts.get(customerKey(request)) ?? 0) + 1);
    customerCounts.set(model, counts);
  }
  return counts;
}

function customerKey(request: LoadedItem<'request'>): string {
  return (request.item.customer ?? '').trim().toLowerCase();
}

/** CR-9 before CR-10. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

export interface CustomerGroup {
  /** The customer's name as the first (most important) of their requests writes it. */
  readonly customer: string;
  readonly requests: readonly ServingRequest[];
}

/** Requests grouped by customer, in the order of each customer's most important request. */
export function groupByCustomer(requests: readonly ServingRequest[]): CustomerGroup[] {
  const groups = new Map<string, { customer: string; requests: ServingRequest[] }>();
  for (const entry of requests) {
    const key = customerKey(entry.request);
    const group = groups.get(key);
    if (group) group.requests.push(entry);
    else groups.set(key, { customer: orMissing(entry.request.item.customer, 'customer').trim(), requests: [entry] });
  }
  return [...groups.values()];
}

export const DEFAULT_NAMED_CUSTOMERS = 2;

/** `Serves Acme Corp (CR-101) · Globex (CR-144, CR-150) · +2`: the first customers by name, then how many more. */
export function servesTitle(requests: readonly ServingRequest[], namedCustomers = DEFAULT_NAMED_CUSTOMERS): string {
  const groups = groupByCustomer(requests);
  const named = groups.slice(0, Math.max(1, namedCustomers)).map((group) => `${group.customer} (${group.requests.map((entry) => entry.request.id).join(', ')})`);
  const more = groups.length - named.length;
  return `Serves ${named.join(' · ')}${more > 0 ? ` · +${more}` : ''}`;
}

export const NO_REQUEST_TITLE = 'No customer request';

export type ModuleLens =
  | { readonly kind: 'serves'; readonly title: string; readonly requests: readonly ServingRequest[] }
  | { readonly kind: 'no-request'; readonly title: string; readonly features: readonly LoadedItem<'feature'>[] };

export interface TagLens {
  readonly tag: Tag;
  /** Compact, so that several share a line without being clipped: "A-2 invalidated". */
  readonly title: string;
  /** The whole line, for the tooltip: "Assumption A-2 · invalidated · tested at M2 · …". */
  readonly detail: string;
  /** The item the tag names, when it exists and is of the kind the keyword expects. */
  readonly target?: LoadedItem;
  /**
   * The 1-based line the lens sits above: one lens line per block of tags on adjacent lines, at the block's
   * first line; a block in the file's leading comment joins the module lens on line 1.
   */
  readonly placedAt: number;
}

export interface FileLenses {
  readonly module?: ModuleLens;
  readonly tags: readonly TagLens[];
}

export interface LensOptions extends SummaryOptions {
  /** The lens above the module (line 1). */
  module?: boolean;
  /** A lens above every comment tag. */
  tags?: boolean;
  /** `No customer request` above a module that a feature covers but no request serves. */
  noRequest?: boolean;
  namedCustomers?: number;
}

/** Every lens of one file, from the model and the file's text (its tags are read from the text). */
export function fileLenses(model: AlignmentModel, path: string, text: string, options: LensOptions = {}): FileLenses {
  const wantModule = options.module ?? true;
  const wantTags = options.tags ?? true;
  if (!wantModule && !wantTags) return { tags: [] };
  const tags = scanTags(text);
  const module = wantModule ? moduleLens(model, path, tags, options) : undefined;
  const lines = text.split(/\r?\n/);
  return { module, tags: wantTags ? tagLenses(model, tags, (line) => lines[line - 1] ?? '', module, options) : [] };
}

export function moduleLens(model: AlignmentModel, path: string, tags: readonly Tag[], options: LensOptions = {}): ModuleLens | undefined {
  const serving = requestsServingFile(model, path, tags);
  if (serving.requests.length > 0) {
    return { kind: 'serves', title: servesTitle(serving.requests, options.namedCustomers), requests: serving.requests };
  }
  if ((options.noRequest ?? true) && serving.features.length > 0) return { kind: 'no-request', title: NO_REQUEST_TITLE, features: serving.features };
  return undefined;
}

/**
 * The lenses above a file's tags, quiet: tags on adjacent lines share one lens line; a `@serves` tag whose
 * request the module lens already names gets none; an id named twice in a block shows once.
 */
export function tagLenses(model: AlignmentModel, tags: readonly Tag[], lineText: (line: number) => string, module: ModuleLens | undefined, options: SummaryOptions = {}): TagLens[] {
  const named = new Set(module?.kind === 'serves' ? module.requests.map((entry) => entry.request.id) : []);
  const lenses: TagLens[] = [];
  let blockStart = 0;
  let previousLine = -1;
  let shown = new Set<string>();
  const sorted = [...tags].sort((a, b) => a.line - b.line || a.tagColumn - b.tagColumn);
  const firstCode = firstCodeLine(lineText, sorted.at(-1)?.line ?? 0);
  for (const tag of sorted) {
    if (tag.line > previousLine + 1) {
      // Every line above is a comment or blank: the file's header, where the module lens sits.
      blockStart = tag.line < firstCode ? 1 : tag.line;
      shown = new Set();
    }
    previousLine = tag.line;
    if (tag.keyword === 'serves' && named.has(tag.id)) continue;
    if (shown.has(`${tag.keyword} ${tag.id}`)) continue;
    shown.add(`${tag.keyword} ${tag.id}`);
    lenses.push({ ...tagLens(model, tag, options), placedAt: blockStart });
  }
  return lenses;
}

// A comment or blank line in the common comment styles: `//`, `/*`, ` *`, `#`, `--`, `<!--`, `;`, docstrings.
const COMMENT_OR_BLANK = /^\s*(?:$|\/\/|\/\*|\*|#|--|<!--|;|"""|''')/;

/** The first line that is neither a comment nor blank, looked for up to `last` (once per file). */
function firstCodeLine(lineText: (line: number) => string, last: number): number {
  let line = 1;
  while (line <= last && COMMENT_OR_BLANK.test(lineText(line))) line++;
  return line;
}

/** One tag's lens, wherever it is placed. */
export function tagLens(model: AlignmentModel, tag: Tag, options: SummaryOptions = {}): Omit<TagLens, 'placedAt'> {
  const expected = TAG_KINDS[tag.keyword];
  const target = model.byId.get(tag.id);
  if (!target) return { tag, title: `${tag.id}: no such ${expected}`, detail: `${tag.id}: no ${expected} with this id in .alignment/` };
  if (target.kind !== expected) {
    const detail = `${tag.id} is ${article(target.kind)} ${target.kind}, not ${article(expected)} ${expected}`;
    return { tag, title: detail, detail };
  }
  return { tag, title: compactSummary(target, options), detail: oneLineSummary(target, options), target };
}
