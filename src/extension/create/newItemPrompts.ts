// The few prompts of each New … command. Each step has a default Enter takes where one makes sense (a
// proposed id, the active file's folder, the feature covering the active file); optional fields may be left
// empty and written later in the YAML; Escape at any step ends the command and nothing is written.
import * as vscode from 'vscode';
import {
  featureIdFromTitle,
  LEVELS,
  literalGlob,
  localDate,
  newIdProblem,
  nextItemId,
  oneLine,
  pathPatternProblem,
  type DecisionSource,
  type LoadedItem,
  type NewItem,
  type NewItemKind,
} from '../../core';
import { itemLabel, KIND_ICONS } from '../workspace/kinds/itemLabels';
import { ask, pick, pickMany, separator, type PickItem } from '../workspace/prompts';
import { plainText } from '../util/plainText';
import { takenIds, type CreateTarget } from './createTarget';

type Level = (typeof LEVELS)[number];

/** The palette's words for each kind, in the prompts' titles. */
export function createTitle(kind: NewItemKind): string {
  switch (kind) {
    case 'feature': return vscode.l10n.t('New Feature');
    case 'request': return vscode.l10n.t('New Customer Request');
    case 'assumption': return vscode.l10n.t('New Assumption');
    case 'risk': return vscode.l10n.t('New Risk');
    case 'milestone': return vscode.l10n.t('New Milestone');
    case 'decision': return vscode.l10n.t('New Decision');
  }
}

/** Numbers the prompts of one command: "New Risk (2/7)". */
class Steps {
  private step = 0;
  constructor(private readonly kind: NewItemKind, private readonly count: number) {}

  next(): string {
    this.step++;
    return `${createTitle(this.kind)} (${this.step}/${this.count})`;
  }
}

export function askNewItem(kind: NewItemKind, target: CreateTarget): Promise<NewItem | undefined> {
  switch (kind) {
    case 'feature': return askFeature(target);
    case 'request': return askRequest(target);
    case 'assumption': return askAssumption(target);
    case 'risk': return askRisk(target);
    case 'milestone': return askMilestone(target);
    case 'decision': return askDecision(target);
  }
}

async function askFeature(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('feature', 3);
  const title = await ask({ title: steps.next(), prompt: vscode.l10n.t('What does the team build? A short title'), placeholder: vscode.l10n.t('e.g. Gift cards at checkout') });
  if (title === undefined) return undefined;
  const taken = takenIds(target.snapshot);
  const id = await askId(steps.next(), featureIdFromTitle(title, taken), taken, vscode.l10n.t('The feature\'s id: short, in lower case, used in other items and in tags'));
  if (id === undefined) return undefined;
  const folder = target.activePath === undefined ? undefined : literalGlob(folderOf(target.activePath));
  const paths = await ask({
    title: steps.next(),
    prompt: vscode.l10n.t('The code it covers: globs separated by commas ("src/gift/" covers everything below it; "!" excludes). Empty: none yet'),
    placeholder: vscode.l10n.t('e.g. src/gift/, jobs/gift_*.py'),
    value: folder,
    optional: true,
    validate: (value) => {
      for (const pattern of splitPaths(value)) {
        const problem = pathPatternProblem(pattern);
        if (problem) return vscode.l10n.t('{0}: {1}', pattern, problem);
      }
      return undefined;
    },
  });
  if (paths === undefined) return undefined;
  return { kind: 'feature', id, title, paths: splitPaths(paths) };
}

async function askRequest(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('request', 4);
  const id = await askNumberedId('request', target, steps.next());
  if (id === undefined) return undefined;
  const customer = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('Which customer asked? A name, not a segment'), placeholder: vscode.l10n.t('e.g. Café Mireille SARL') });
  if (customer === undefined) return undefined;
  const quote = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('What did {0} say? Their own words, not a summary', customer), placeholder: vscode.l10n.t('e.g. "We lose an hour every Monday because…"') });
  if (quote === undefined) return undefined;
  const features = await pickFeatures(target, `${steps.next()} · ${id}`);
  if (features === undefined) return undefined;
  return { kind: 'request', id, customer, quote, receivedAt: localDate(new Date()), features };
}

async function askAssumption(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('assumption', 3);
  const id = await askNumberedId('assumption', target, steps.next());
  if (id === undefined) return undefined;
  const statement = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('What does the plan assume? One statement a milestone can test'), placeholder: vscode.l10n.t('e.g. Customers find the new option without being told') });
  if (statement === undefined) return undefined;
  const feature = await pickFeature(target, `${steps.next()} · ${id}`);
  if (feature === undefined) return undefined;
  return { kind: 'assumption', id, statement, feature: feature.id };
}

async function askRisk(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('risk', 7);
  const id = await askNumberedId('risk', target, steps.next());
  if (id === undefined) return undefined;
  const risk = await ask({
    title: `${steps.next()} · ${id}`,
    prompt: vscode.l10n.t('Pre-mortem: imagine it failed. What happened?'),
    placeholder: vscode.l10n.t('e.g. The first large customer hit a limit we never tested and went back to spreadsheets'),
  });
  if (risk === undefined) return undefined;
  const likelihood = await pickLevel(`${steps.next()} · ${id}`, vscode.l10n.t('How likely is it? (Enter takes medium)'));
  if (likelihood === undefined) return undefined;
  const impact = await pickLevel(`${steps.next()} · ${id}`, vscode.l10n.t('How bad would it be? (Enter takes medium)'));
  if (impact === undefined) return undefined;
  const earlyWarningSign = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('The early warning sign: what would you see first? Empty: write it later'), optional: true });
  if (earlyWarningSign === undefined) return undefined;
  const mitigationStrategy = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('The mitigation: what will you do about it? Empty: write it later'), optional: true });
  if (mitigationStrategy === undefined) return undefined;
  const feature = await pickFeature(target, `${steps.next()} · ${id}`);
  if (feature === undefined) return undefined;
  return { kind: 'risk', id, risk, likelihood, impact, earlyWarningSign, mitigationStrategy, feature: feature.id };
}

async function askMilestone(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('milestone', 4);
  const id = await askNumberedId('milestone', target, steps.next());
  if (id === undefined) return undefined;
  const title = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('What is true when the milestone is reached?'), placeholder: vscode.l10n.t('e.g. The first customer uses it in production') });
  if (title === undefined) return undefined;
  const due = await ask({
    title: `${steps.next()} · ${id}`,
    prompt: vscode.l10n.t('When is it due? A date like {0}. Empty: no date yet', localDate(new Date())),
    optional: true,
    validate: (value) => (value.trim() === '' || isDate(value.trim()) ? undefined : vscode.l10n.t('Write a date like {0}, or leave it empty.', localDate(new Date()))),
  });
  if (due === undefined) return undefined;
  const feature = await pickFeature(target, `${steps.next()} · ${id}`);
  if (feature === undefined) return undefined;
  return { kind: 'milestone', id, title, due, feature: feature.id };
}

async function askDecision(target: CreateTarget): Promise<NewItem | undefined> {
  const steps = new Steps('decision', 3);
  const id = await askNumberedId('decision', target, steps.next());
  if (id === undefined) return undefined;
  const title = await ask({ title: `${steps.next()} · ${id}`, prompt: vscode.l10n.t('What was decided?'), placeholder: vscode.l10n.t('e.g. Build the simple version first') });
  if (title === undefined) return undefined;
  const asked = await pickSource(target, `${steps.next()} · ${id}`);
  if (asked === undefined) return undefined;
  return { kind: 'decision', id, title, decidedAt: localDate(new Date()), features: asked.features, sources: asked.source ? [asked.source] : [] };
}

function askNumberedId(kind: Exclude<NewItemKind, 'feature'>, target: CreateTarget, title: string): Promise<string | undefined> {
  const taken = takenIds(target.snapshot);
  return askId(title, nextItemId(target.snapshot.model, kind), taken, vscode.l10n.t('The id (Enter takes the next free one)'));
}

/** The id, proposed and checked as it is typed: one that exists is refused, with a message saying so. */
function askId(title: string, proposed: string, taken: ReadonlySet<string>, prompt: string): Promise<string | undefined> {
  return ask({
    title,
    prompt,
    value: proposed,
    validate: (value) => {
      const problem = newIdProblem(value, taken);
      if (problem === undefined) return undefined;
      return taken.has(value.trim()) ? vscode.l10n.t('{0} already exists in .alignment/: choose another id.', value.trim()) : problem;
    },
  });
}

/** A feature, or none; features covering the active file first. */
async function pickFeature(target: CreateTarget, title: string): Promise<{ id: string | undefined } | undefined> {
  const items: PickItem<{ id: string | undefined }>[] = featureItems(target).map((item) => ({ ...item, value: { id: item.value?.id } }));
  items.push(separator(''), { label: `$(circle-slash) ${vscode.l10n.t('No feature')}`, value: { id: undefined } });
  return pick({ title, placeholder: vscode.l10n.t('Which feature is it about? (Enter takes the first)'), items, active: items[0] });
}

async function pickFeatures(target: CreateTarget, title: string): Promise<string[] | undefined> {
  const items = featureItems(target);
  const covering = new Set(target.covering.map((feature) => feature.id));
  const chosen = await pickMany({
    title,
    placeholder: vscode.l10n.t('Which features is it for? Check any number, then Enter'),
    items,
    selected: items.filter((item) => item.value && covering.has(item.value.id)),
  });
  return chosen?.map((feature) => feature.id);
}

function featureItems(target: CreateTarget): PickItem<LoadedItem<'feature'>>[] {
  const covering = new Set(target.covering.map((feature) => feature.id));
  const features = [...target.snapshot.model.byKind.feature].sort((a, b) => Number(covering.has(b.id)) - Number(covering.has(a.id)) || a.id.localeCompare(b.id));
  return features.map((feature) => ({
    label: `$(${KIND_ICONS.feature}) ${itemLabel(feature)}`,
    description: covering.has(feature.id) && target.activePath ? vscode.l10n.t('covers {0}', plainText(target.activePath)) : undefined,
    value: feature,
  }));
}

function pickLevel(title: string, placeholder: string): Promise<Level | undefined> {
  const items: PickItem<Level>[] = LEVELS.map((level) => ({ label: level, value: level }));
  return pick({ title, placeholder, items, active: items.find((item) => item.value === 'medium') });
}

interface AskedBy {
  readonly source: DecisionSource | undefined;
  readonly features: readonly string[];
}

/** Who asked for the decision: a request (its customer and features), another customer, or nobody. */
async function pickSource(target: CreateTarget, title: string): Promise<AskedBy | undefined> {
  const requests = [...target.snapshot.model.byKind.request].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
  type Choice = { request: LoadedItem<'request'> } | 'other' | 'nobody';
  const items: PickItem<Choice>[] = requests.map((request) => ({
    label: `$(${KIND_ICONS.request}) ${itemLabel(request)}`,
    description: plainText(oneLine(request.item.customer ?? '', 60)),
    value: { request },
  }));
  items.push(separator(''));
  items.push({ label: `$(person) ${vscode.l10n.t('A customer without a request…')}`, value: 'other' });
  items.push({ label: `$(circle-slash) ${vscode.l10n.t('Nobody: the decision is unattributed')}`, value: 'nobody' });
  const choice = await pick({ title, placeholder: vscode.l10n.t('Who asked for it?'), items, matchOnDescription: true });
  if (choice === undefined) return undefined;
  if (choice === 'nobody') return { source: undefined, features: target.covering.map((feature) => feature.id) };
  if (choice === 'other') {
    const customer = await ask({ title, prompt: vscode.l10n.t('Which customer asked? A name, not a segment') });
    return customer === undefined ? undefined : { source: { customer }, features: target.covering.map((feature) => feature.id) };
  }
  const { request } = choice;
  return { source: { request: request.id, customer: request.item.customer }, features: request.item.features ?? [] };
}

/** A feature's paths typed on one line: globs separated by commas. */
function splitPaths(value: string): string[] {
  return value.split(',').map((pattern) => pattern.trim()).filter((pattern) => pattern !== '');
}

/** The folder of a repository-relative file, as a glob covering it ("src/payments/"); a file at the root covers itself. */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash > 0 ? `${path.slice(0, slash)}/` : path;
}

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
