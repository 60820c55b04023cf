// An item as a hover card. Every value comes from YAML someone wrote, so all of it goes in as escaped
// text: no HTML, no links, no markdown of its own; the only link is a plain file link we make.
import * as vscode from 'vscode';
import { itemCard, type LoadedItem, type SummaryOptions } from '../../../core';
import { escapeMarkdown } from '../../util/markdown';

export function itemCardMarkdown(entry: LoadedItem, link: vscode.Uri, options: SummaryOptions = {}): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  const card = itemCard(entry, options);
  // The link on the first line: a long card scrolls, and the way to the item should not scroll away.
  markdown.appendMarkdown(`**${escapeMarkdown(card.heading)}** · [${escapeMarkdown(vscode.l10n.t('Open {0}', entry.file))}](${linkTarget(link)})\n\n`);
  if (card.quote) markdown.appendMarkdown(`> ${escapeMarkdown(card.quote)}\n\n`);
  for (const field of card.fields) markdown.appendMarkdown(`- *${escapeMarkdown(field.label)}:* ${escapeMarkdown(field.value)}\n`);
  return markdown;
}

/** A link destination that markdown cannot end early: parentheses and spaces percent-encoded. */
function linkTarget(uri: vscode.Uri): string {
  return uri.toString().replace(/[() ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
