// Tooltips as Markdown that can never run anything: not trusted (no command links), no HTML, no theme
// icons, and every text from YAML escaped, so a quote or a reason is shown exactly as written.
import * as vscode from 'vscode';
import type { LoadedItem } from '../../../core';
import { escapeMarkdown } from '../../util/markdown';
import { type RowContext, tieText } from './format';

export class Tooltip {
  private readonly markdown = new vscode.MarkdownString('', false);
  private first = true;

  constructor() {
    this.markdown.isTrusted = false;
    this.markdown.supportHtml = false;
    this.markdown.supportThemeIcons = false;
  }

  /** The item's name in bold, with its id when given. */
  title(text: string, id?: string): this {
    this.paragraph(`**${escapeMarkdown(text)}**${id ? ` \u2003${escapeMarkdown(id)}` : ''}`);
    return this;
  }

  /** A labelled value; nothing when the value is missing. The label is ours, the value is escaped. */
  field(label: string, value: string | number | undefined): this {
    if (value === undefined || value === '') return this;
    this.paragraph(`*${escapeMarkdown(label)}:* ${escapeMarkdown(String(value))}`);
    return this;
  }

  /** Someone's own words, as a block quote. */
  quote(text: string | undefined, who?: string): this {
    if (!text) return this;
    this.paragraph(`> ${escapeMarkdown(text)}${who ? `  \n> \u2014 ${escapeMarkdown(who)}` : ''}`);
    return this;
  }

  /** A plain sentence of ours or from YAML, escaped. */
  text(text: string | undefined): this {
    if (text) this.paragraph(escapeMarkdown(text));
    return this;
  }

  /** A bulleted list of escaped lines. */
  list(label: string, lines: readonly string[]): this {
    if (lines.length === 0) return this;
    this.paragraph(`*${escapeMarkdown(label)}:*\n${lines.map((line) => `- ${escapeMarkdown(line)}`).join('\n')}`);
    return this;
  }

  /** Where the item is written, as plain text (not a link: clicking the row opens it). */
  source(file: string, line: number): this {
    this.paragraph(`*${escapeMarkdown(`${file}:${line}`)}*`);
    return this;
  }

  /** An item row's last lines: how the item is tied to the file the view follows, and where it is written. */
  end(context: RowContext, entry: LoadedItem): vscode.MarkdownString {
    return this.text(tieText(context.tie)).source(entry.file, entry.range.line).build();
  }

  build(): vscode.MarkdownString {
    return this.markdown;
  }

  private paragraph(markdown: string): void {
    this.markdown.appendMarkdown(`${this.first ? '' : '\n\n'}${markdown}`);
    this.first = false;
  }
}
