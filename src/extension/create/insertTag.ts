// Insert Comment Tag…: ties the line at the cursor to one item with a comment tag (`// @serves CR-1`,
// `# @risk R-1`) written above it. The tag is typed into the editor, unsaved like any edit, and commented
// out with the editor's own Toggle Line Comment, so it is a comment in whatever language the file is in.
import * as vscode from 'vscode';
import { featureIdsOf, isAlignmentFile, TAG_KEYWORDS, TAG_KINDS, type ItemsByKind, type LoadedItem, type TagKeyword } from '../../core';
import type { AlignmentStore } from '../workspace/alignmentStore';
import { itemLabel, KIND_ICONS } from '../workspace/kinds/itemLabels';
import { pick, separator, type PickItem } from '../workspace/prompts';
import { plainText } from '../util/plainText';
import { coveringFeatures } from './createTarget';

const COMMENT_LINE_COMMAND = 'editor.action.commentLine';

interface TagChoice {
  readonly keyword: TagKeyword;
  readonly entry: LoadedItem;
}

export async function insertTag(store: AlignmentStore): Promise<string | undefined> {
  await store.ready;
  const editor = vscode.window.activeTextEditor;
  const context = editor ? store.fileContext(editor.document.uri) : undefined;
  if (!editor || !context?.snapshot.exists || isAlignmentFile(context.path)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a source file of a folder with .alignment/ and put the cursor on the code to tag.'));
    return undefined;
  }
  const choice = await pickTagged(context.snapshot.model.byKind, coveringFeatures(context.snapshot, context.path).map((feature) => feature.id));
  if (!choice) return undefined;
  return writeTag(editor, `@${choice.keyword} ${choice.entry.id}`);
}

function pickTagged(byKind: ItemsByKind, covering: readonly string[]): Promise<TagChoice | undefined> {
  const choices = TAG_KEYWORDS.flatMap((keyword) => byKind[TAG_KINDS[keyword]].map((entry) => ({ keyword, entry })));
  const ofFile = (choice: TagChoice): boolean => featureIdsOf(choice.entry).some((id) => covering.includes(id));
  const row = (choice: TagChoice): PickItem<TagChoice> => ({
    label: `$(${KIND_ICONS[choice.entry.kind]}) ${itemLabel(choice.entry)}`,
    description: `@${choice.keyword}`,
    value: choice,
  });
  const here = choices.filter(ofFile);
  const elsewhere = choices.filter((choice) => !ofFile(choice));
  const items = here.length > 0 && elsewhere.length > 0
    ? [separator<TagChoice>(vscode.l10n.t('Of {0}', plainText(covering.join(', ')))), ...here.map(row), separator<TagChoice>(vscode.l10n.t('Elsewhere')), ...elsewhere.map(row)]
    : [...here, ...elsewhere].map(row);
  return pick({
    title: vscode.l10n.t('Insert Comment Tag'),
    placeholder: vscode.l10n.t('Which item does this code serve, rest on or risk? The tag goes above the line at the cursor'),
    items,
    matchOnDescription: true,
  });
}

/** Inserts `tag` above the cursor's line at its indentation and comments it out; undefined when the language has no line comment. */
async function writeTag(editor: vscode.TextEditor, tag: string): Promise<string | undefined> {
  const line = editor.selection.active.line;
  const indent = /^\s*/.exec(editor.document.lineAt(line).text)?.[0] ?? '';
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  if (!(await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), `${indent}${tag}${eol}`)))) return undefined;
  editor.selection = new vscode.Selection(line, indent.length, line, indent.length);
  await vscode.commands.executeCommand(COMMENT_LINE_COMMAND);
  const written = editor.document.lineAt(line).text;
  if (written.trim() === tag) {
    // The language knows no line comment (plain text): a bare tag would be code, so it goes again.
    await editor.edit((edit) => edit.delete(editor.document.lineAt(line).rangeIncludingLineBreak));
    void vscode.window.showInformationMessage(vscode.l10n.t('This language has no line comment Truthline can use: write {0} in a comment by hand.', tag));
    return undefined;
  }
  const end = new vscode.Position(line, written.length);
  editor.selection = new vscode.Selection(end, end);
  return written.trim();
}
