// The comment tags of an open document, read once per version: the lens, hover, links and definition
// providers all ask for them on the same text.
import * as vscode from 'vscode';
import { scanTags, type Tag } from '../../core';

const cache = new WeakMap<vscode.TextDocument, { version: number; tags: Tag[] }>();

export function tagsOf(document: vscode.TextDocument): Tag[] {
  const cached = cache.get(document);
  if (cached && cached.version === document.version) return cached.tags;
  const tags = scanTags(document.getText());
  cache.set(document, { version: document.version, tags });
  return tags;
}

/** The range of a tag's id (0-based, end exclusive). */
export function idRange(tag: Tag): vscode.Range {
  return new vscode.Range(tag.line - 1, tag.column - 1, tag.line - 1, tag.endColumn - 1);
}

/** The range of a tag's `@keyword`. */
export function keywordRange(tag: Tag): vscode.Range {
  return new vscode.Range(tag.line - 1, tag.tagColumn - 1, tag.line - 1, tag.tagColumn + tag.keyword.length);
}

/** The tags at a position: the one whose id it is on, or every id of the `@keyword` it is on. */
export function tagsAt(document: vscode.TextDocument, position: vscode.Position): { tags: Tag[]; range: vscode.Range } | undefined {
  const onLine = tagsOf(document).filter((tag) => tag.line - 1 === position.line);
  const onId = onLine.find((tag) => idRange(tag).contains(position));
  if (onId) return { tags: [onId], range: idRange(onId) };
  const onKeyword = onLine.filter((tag) => keywordRange(tag).contains(position));
  const first = onKeyword[0];
  return first ? { tags: onKeyword, range: keywordRange(first) } : undefined;
}
