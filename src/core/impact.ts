// What a change touches: for the source files a diff changed, the features covering them (with owners), the
// customer requests they serve (customer and quote), the risks, assumptions and milestones tied to them, the
// flags anchored in them (and whether on changed lines), and downstream: every feature that depends on a
// touched feature, directly or through others, with its owners and the dependency path. The caller reads git
// and hands the changed files over as data; nothing here knows about git.
import { isAlignmentFile } from './alignment';
import { itemsForFile } from './applies';
import type { LoadedItem } from './load';
import type { AlignmentModel } from './modelTypes';
import { scanTags } from './tags';

export interface ChangedFile {
  /** Repository-relative path at the head of the change (a renamed file counts as its new path). */
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** The file's text at the head (for its comment tags); undefined when deleted or not read. */
  text?: string;
  /** Changed line ranges at the head (1-based, inclusive); undefined: the whole file. */
  lines?: readonly { start: number; end: number }[];
}

export interface ImpactItem {
  id: string;
  kind: string;
  file: string;
  line: number;
}

export interface Impact {
  files: string[];
  features: (ImpactItem & { title: string | null; owners: string[] })[];
  requests: (ImpactItem & { customer: string | null; quote: string | null })[];
  risks: (ImpactItem & { risk: string | null; earlyWarningSign: string | null })[];
  assumptions: (ImpactItem & { statement: string | null; status: string })[];
  milestones: (ImpactItem & { title: string | null; gates: { role: string; who: string | null; call: string }[] })[];
  flags: (ImpactItem & { severity: string; status: string; anchor: { path: string; startLine: number; endLine: number } | null; onChangedLines: boolean })[];
  /** Features depending on a touched one; `via` is the path from the touched feature to it. */
  downstream: (ImpactItem & { title: string | null; owners: string[]; via: string[] })[];
  /** Changed files inside `.alignment/` (the truth itself changed). */
  alignment: { path: string; status: ChangedFile['status'] }[];
}

export function changeImpact(model: AlignmentModel, changes: readonly ChangedFile[]): Impact {
  const sources = changes.filter((change) => !isAlignmentFile(change.path));
  const found = new Map<string, LoadedItem>();
  const flagsOnChangedLines = new Set<string>();
  for (const change of sources) {
    const tied = itemsForFile(model, change.path, change.text === undefined ? [] : scanTags(change.text));
    for (const entry of [...tied.features, ...tied.requests, ...tied.risks, ...tied.assumptions, ...tied.milestones, ...tied.flags]) found.set(entry.id, entry);
    for (const flag of tied.flags) if (anchoredOnChangedLines(flag, change)) flagsOnChangedLines.add(flag.id);
  }
  const of = <K extends LoadedItem['kind']>(kind: K): LoadedItem<K>[] => [...found.values()].filter((entry): entry is LoadedItem<K> => entry.kind === kind).sort(byId);
  const features = of('feature');
  return {
    files: sources.map((change) => change.path),
    features: features.map((feature) => ({ ...itemOf(feature), title: feature.item.title ?? null, owners: feature.item.owners ?? [] })),
    requests: of('request').map((request) => ({ ...itemOf(request), customer: request.item.customer ?? null, quote: request.item.quote ?? null })),
    risks: of('risk').map((risk) => ({ ...itemOf(risk), risk: risk.item.risk ?? null, earlyWarningSign: risk.item.earlyWarningSign ?? null })),
    assumptions: of('assumption').map((assumption) => ({ ...itemOf(assumption), statement: assumption.item.statement ?? null, status: assumption.item.status })),
    milestones: of('milestone').map((milestone) => ({
      ...itemOf(milestone),
      title: milestone.item.title ?? null,
      gates: (milestone.item.gates ?? []).map((gate) => ({ role: gate.role, who: gate.who ?? null, call: gate.call ?? 'pending' })),
    })),
    flags: of('flag').map((flag) => ({ ...itemOf(flag), severity: flag.item.severity, status: flag.item.status, anchor: anchorOf(flag), onChangedLines: flagsOnChangedLines.has(flag.id) })),
    downstream: downstreamOf(model, features.map((feature) => feature.id)),
    alignment: changes.filter((change) => isAlignmentFile(change.path)).map(({ path, status }) => ({ path, status })),
  };
}

function itemOf(entry: LoadedItem): ImpactItem {
  return { id: entry.id, kind: entry.kind, file: entry.file, line: entry.range.line };
}

function anchorOf(flag: LoadedItem<'flag'>): Impact['flags'][number]['anchor'] {
  const anchor = flag.item.anchor;
  return anchor ? { path: anchor.path, startLine: anchor.startLine, endLine: anchor.endLine } : null;
}

function byId(a: LoadedItem, b: LoadedItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function anchoredOnChangedLines(flag: LoadedItem<'flag'>, change: ChangedFile): boolean {
  const anchor = flag.item.anchor;
  if (!anchor) return false;
  if (change.lines === undefined) return true;
  return change.lines.some((range) => range.start <= anchor.endLine && range.end >= anchor.startLine);
}

/** Features that depend on the touched ones, nearest first, each with the path it is reached by. */
function downstreamOf(model: AlignmentModel, touched: readonly string[]): Impact['downstream'] {
  const dependents = new Map<string, LoadedItem<'feature'>[]>();
  for (const feature of model.byKind.feature) {
    for (const upstream of feature.item.dependsOn ?? []) {
      const list = dependents.get(upstream);
      if (list) list.push(feature);
      else dependents.set(upstream, [feature]);
    }
  }
  const via = new Map<string, string[]>(touched.map((id) => [id, [id]]));
  const queue = [...touched];
  const reached: Impact['downstream'] = [];
  for (let next = 0; next < queue.length; next++) {
    const from = queue[next] as string;
    for (const feature of [...(dependents.get(from) ?? [])].sort(byId)) {
      if (via.has(feature.id)) continue;
      const path = [...(via.get(from) ?? [from]), feature.id];
      via.set(feature.id, path);
      queue.push(feature.id);
      reached.push({ ...itemOf(feature), title: feature.item.title ?? null, owners: feature.item.owners ?? [], via: path });
    }
  }
  return reached;
}
