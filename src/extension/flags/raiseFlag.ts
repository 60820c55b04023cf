// Truthline: Raise Truth Flag. Interactive from the palette, the editor's context menu, a lightbulb or a
// tree row: at most three prompts (about, reality, severity), defaults that Enter takes, Escape writes
// nothing. With an argument object that holds `reality` it writes without asking and returns the Uri.
import * as vscode from 'vscode';
import { CommandTitles, Commands } from '../constants';
import { FLAG_SEVERITIES, reportedText, type Flag, type LoadedItem } from '../../core';
import type { AlignmentStore, FolderSnapshot } from '../workspace/alignmentStore';
import { plainText } from '../util/plainText';
import { authorAskingOnce, currentAuthor } from '../workspace/edits/author';
import { isObject, itemOfArgument, rangeOfValue, uriOfValue, type FoundItem } from '../workspace/edits/commandArgs';
import { writeNewFlag } from '../workspace/edits/createFlag';
import { pick } from '../workspace/prompts';
import { askReality, pickAbout, pickSeverity, type AboutChoice, type Identity } from './raisePrompts';
import { featureFor, raiseCandidates, raiseSource } from './raiseTarget';
import { canWrite } from '../workspace/edits/writeAccess';

/** The argument object of `truthline.raiseFlag`; with `reality` it writes without prompting. */
export interface RaiseFlagArguments {
  feature?: string;
  about?: string;
  reported?: string;
  reality?: string;
  severity?: Flag['severity'];
  /** true: raised by role only (the default role); a string: that role. */
  anonymous?: boolean | string;
  uri?: vscode.Uri | string;
  range?: vscode.Range | { start: { line: number; character?: number }; end?: { line: number; character?: number } } | { startLine: number; endLine?: number };
}

/** What the flag is raised from, once the argument is read. */
interface RaiseRequest {
  uri?: vscode.Uri;
  range?: vscode.Range;
  /** A tree row's item, or the item (`about`, else `feature`) an argument names: no "about" prompt then. */
  item?: FoundItem;
  /** A tree row is no place in the code: nothing is anchored. */
  fromTree?: boolean;
  fields: RaiseFlagArguments;
}

/** Who raised the last flag in this window, so a by-role choice sticks. */
const lastIdentity: { byRole: boolean; role?: string } = { byRole: false };

export class FlagRaiser {
  constructor(private readonly store: AlignmentStore, private readonly afterWrite: () => Promise<void>) {}

  async run(argument: unknown): Promise<vscode.Uri | undefined> {
    await this.store.ready;
    const request = this.read(argument);
    if (typeof request.fields.reality === 'string' || (isObject(argument) && 'reality' in argument)) return this.raiseDirectly(request);
    return this.raiseInteractively(request);
  }

  private read(argument: unknown): RaiseRequest {
    if (argument instanceof vscode.Uri) return { uri: argument, fields: {} };
    const row = itemOfArgument(this.store, argument);
    if (row && (typeof argument === 'string' || (isObject(argument) && 'entry' in argument))) return { item: row, fromTree: true, fields: {} };
    if (!isObject(argument)) return { fields: {} };
    const fields = argument as RaiseFlagArguments;
    const uri = uriOfValue(fields.uri);
    const range = rangeOfValue(fields.range);
    const named = [fields.about, fields.feature].find((id): id is string => typeof id === 'string');
    const item = named === undefined ? undefined : this.store.findItem(named);
    return { ...(uri ? { uri } : {}), ...(range ? { range } : {}), ...(item ? { item } : {}), fields };
  }

  /** No prompt: everything comes from the argument object, the rest from the file. Bad input throws. */
  private async raiseDirectly(request: RaiseRequest): Promise<vscode.Uri | undefined> {
    const { fields } = request;
    if (typeof fields.reality !== 'string' || fields.reality.trim() === '') throw new Error(`${Commands.raiseFlag}: "reality" must be a non-empty string`);
    if (fields.severity !== undefined && !FLAG_SEVERITIES.includes(fields.severity)) {
      throw new Error(`${Commands.raiseFlag}: "severity" must be one of ${FLAG_SEVERITIES.join(', ')}, not ${JSON.stringify(fields.severity)}`);
    }
    if (fields.uri !== undefined && !request.uri) throw new Error(`${Commands.raiseFlag}: "uri" is not a Uri: ${JSON.stringify(fields.uri)}`);
    const about = fields.about === undefined ? undefined : this.mustFind(fields.about, undefined);
    const featureItem = fields.feature === undefined ? undefined : this.mustFind(fields.feature, 'feature');
    const source = request.uri ? await raiseSource(this.store, request.uri, request.range) : undefined;
    if (request.uri && !source) throw new Error(`${Commands.raiseFlag}: ${request.uri.toString()} is not in a workspace folder`);
    const snapshot = source?.snapshot ?? featureItem?.snapshot ?? about?.snapshot ?? this.onlySnapshot();
    if (!snapshot) throw new Error(`${Commands.raiseFlag}: no workspace folder with .alignment/; pass "uri" or "feature"`);
    const covering = source ? raiseCandidates(this.store, source) : undefined;
    const feature = (featureItem?.entry as LoadedItem<'feature'> | undefined)
      ?? (about ? featureFor(about.entry, covering?.coveringFile ? covering.features : [], snapshot.model.byId) : undefined)
      ?? (covering?.coveringFile ? covering.features[0] : undefined);
    const anonymous = fields.anonymous;
    const raisedBy = anonymous ? (typeof anonymous === 'string' && anonymous.trim() ? anonymous.trim() : defaultRole(feature)) : (await currentAuthor(snapshot.folder.uri)).name;
    return writeNewFlag(this.store, snapshot, {
      feature: feature?.id,
      about: about && about.entry.id !== feature?.id ? about.entry.id : undefined,
      reported: fields.reported ?? (feature ? reportedText(feature.item) : undefined),
      reality: fields.reality,
      severity: fields.severity ?? 'medium',
      raisedBy,
      anchor: source?.anchor,
    }, this.afterWrite);
  }

  private async raiseInteractively(request: RaiseRequest): Promise<vscode.Uri | undefined> {
    const source = request.fromTree ? undefined : await raiseSource(this.store, request.uri, request.range);
    const snapshot = source?.snapshot ?? request.item?.snapshot ?? (await this.pickSnapshot());
    if (!snapshot) return undefined;
    if (!canWrite(snapshot.folder.uri)) return undefined;

    const candidates = raiseCandidates(this.store, source ?? { snapshot });
    let choice: AboutChoice | undefined = request.item ? choiceOf(request.item, snapshot, candidates.coveringFile ? candidates.features : []) : undefined;
    const steps = choice ? 2 : 3;
    let step = 1;
    if (!choice) {
      if (candidates.features.length === 0 && candidates.items.length === 0) {
        choice = { feature: undefined, about: undefined };
      } else {
        choice = await pickAbout(candidates, step++, steps);
        if (!choice) return undefined;
      }
    }
    const { feature, about } = choice;
    const reported = feature ? reportedText(feature.item) : undefined;
    const reality = await askReality(feature, about, step++, steps);
    if (reality === undefined) return undefined;
    const author = await authorAskingOnce(snapshot.folder.uri);
    if (!author) return undefined;
    const identity: Identity = { name: author.name, role: lastIdentity.role ?? defaultRole(feature), byRole: lastIdentity.byRole };
    const severity = await pickSeverity(identity, step, steps);
    if (!severity) return undefined;
    lastIdentity.byRole = identity.byRole || !identity.name;
    if (identity.role !== defaultRole(feature)) lastIdentity.role = identity.role;

    return writeNewFlag(this.store, snapshot, {
      feature: feature?.id,
      about: about?.id,
      reported,
      reality,
      severity: severity.severity,
      raisedBy: severity.raisedBy,
      anchor: source?.anchor,
    }, this.afterWrite);
  }

  private mustFind(id: string, kind: 'feature' | undefined): FoundItem {
    const found = this.store.findItem(id);
    if (!found) throw new Error(`${Commands.raiseFlag}: no item "${id}" in .alignment/`);
    if (kind && found.entry.kind !== kind) throw new Error(`${Commands.raiseFlag}: "${id}" is a ${found.entry.kind}, not a ${kind}`);
    return found;
  }

  private onlySnapshot(): FolderSnapshot | undefined {
    const existing = this.store.snapshots().filter((snapshot) => snapshot.exists);
    return existing.length === 1 ? existing[0] : undefined;
  }

  /** Without a file to go by: the one folder with .alignment/, or the user picks one (multi-root). */
  private async pickSnapshot(): Promise<FolderSnapshot | undefined> {
    const existing = this.store.snapshots().filter((snapshot) => snapshot.exists);
    if (existing.length <= 1) {
      if (existing.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('No workspace folder has a .alignment/ folder to raise a flag in. Run "{0}" first.', CommandTitles.initialize));
      return existing[0];
    }
    return pick({
      title: vscode.l10n.t('Raise Truth Flag'),
      placeholder: vscode.l10n.t('Which workspace folder is the flag about?'),
      items: existing.map((snapshot) => ({ label: plainText(snapshot.folder.name), description: plainText(snapshot.folder.uri.toString(true)), value: snapshot })),
    });
  }
}

function choiceOf(found: FoundItem, snapshot: FolderSnapshot, covering: readonly LoadedItem<'feature'>[]): AboutChoice {
  if (found.entry.kind === 'feature') return { feature: found.entry as LoadedItem<'feature'>, about: undefined };
  return { feature: featureFor(found.entry, covering, snapshot.model.byId), about: found.entry };
}

/** The role written when raising by role only: it names the team, not the person. */
function defaultRole(feature: LoadedItem<'feature'> | undefined): string {
  return feature ? vscode.l10n.t('Engineer on {0}', feature.id) : vscode.l10n.t('Engineer');
}
