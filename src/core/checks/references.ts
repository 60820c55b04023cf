// Every id an item names must exist, and be of the kind the field expects.
import type { LoadedItem, YamlPath } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { problem, type Problem } from '../problems';
import type { Kind } from '../schemas';
import { article } from '../words';
import { IdSuggestions } from './idSuggestions';
import { NONE, problemsByItem } from './itemProblems';

export interface Reference {
  /** Where in the item the id is named. */
  path: YamlPath;
  id: string;
  expected: readonly Kind[];
}

/** The problems of the ids `entries` name, by item. */
export function checkReferences(model: AlignmentModel, entries: Iterable<LoadedItem> = model.byId.values()): Map<LoadedItem, readonly Problem[]> {
  // Only an unknown id needs the ids, to suggest the closest: gathered once, when first needed.
  let suggestions: IdSuggestions | undefined;
  const suggest = (id: string, kinds: readonly Kind[]): string | undefined => (suggestions ??= new IdSuggestions(model.byId)).closest(id, kinds);
  return problemsByItem(entries, (entry) => referenceProblemsOf(entry, model, suggest));
}

function referenceProblemsOf(entry: LoadedItem, model: AlignmentModel, suggest: (id: string, kinds: readonly Kind[]) => string | undefined): readonly Problem[] {
  let problems: Problem[] | undefined;
  for (const reference of referencesOf(entry)) {
    const target = model.byId.get(reference.id);
    if (target && reference.expected.includes(target.kind)) continue;
    if (!target && reference.path[0] === 'direction' && model.customers.has(reference.id.toLowerCase())) continue;
    const range = entry.locate(reference.path) ?? entry.range;
    const expected = reference.expected.join(' or ');
    let message: string;
    if (target) {
      message = `"${reference.id}" is ${article(target.kind)} ${target.kind}, but ${pathText(reference.path)} expects ${article(expected)} ${expected}`;
    } else {
      const suggestion = suggest(reference.id, reference.expected);
      message = `${pathText(reference.path)} names "${reference.id}", but no ${expected} has that id${suggestion ? `; did you mean "${suggestion}"?` : ''}`;
    }
    (problems ??= []).push(problem(entry.file, range, 'unknown-reference', message));
  }
  return problems ?? NONE;
}

function pathText(path: YamlPath): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/** Items do not change: each one's references are listed once (every rebuild, and Find All References, read them). */
const listed = new WeakMap<LoadedItem, readonly Reference[]>();

/** Every id an item names in its fields, with where it names it and the kinds the field accepts. */
export function referencesOf(entry: LoadedItem): readonly Reference[] {
  let references = listed.get(entry);
  if (!references) listed.set(entry, (references = listReferences(entry)));
  return references;
}

function listReferences(entry: LoadedItem): Reference[] {
  const references: Reference[] = [];
  const one = (path: YamlPath, id: string | undefined, ...expected: Kind[]): void => {
    if (id !== undefined) references.push({ path, id, expected });
  };
  const many = (key: string, list: readonly string[] | undefined, ...expected: Kind[]): void => {
    list?.forEach((id, index) => references.push({ path: [key, index], id, expected }));
  };
  switch (entry.kind) {
    case 'feature': {
      const item = (entry as LoadedItem<'feature'>).item;
      many('dependsOn', item.dependsOn, 'feature');
      item.direction?.for?.forEach((id, index) => references.push({ path: ['direction', 'for', index], id, expected: ['request'] }));
      break;
    }
    case 'request':
      many('features', (entry as LoadedItem<'request'>).item.features, 'feature');
      break;
    case 'assumption': {
      const item = (entry as LoadedItem<'assumption'>).item;
      one(['feature'], item.feature, 'feature');
      one(['milestone'], item.milestone, 'milestone');
      break;
    }
    case 'risk':
      one(['feature'], (entry as LoadedItem<'risk'>).item.feature, 'feature');
      break;
    case 'milestone': {
      const item = (entry as LoadedItem<'milestone'>).item;
      one(['feature'], item.feature, 'feature');
      many('validates', item.validates, 'assumption');
      break;
    }
    case 'decision': {
      const item = (entry as LoadedItem<'decision'>).item;
      many('features', item.features, 'feature');
      item.sources?.forEach((source, index) => one(['sources', index, 'request'], source.request, 'request'));
      break;
    }
    case 'flag': {
      const item = (entry as LoadedItem<'flag'>).item;
      one(['feature'], item.feature, 'feature');
      one(['about'], item.about, 'feature', 'request', 'assumption', 'risk', 'milestone', 'decision');
      break;
    }
  }
  return references;
}
