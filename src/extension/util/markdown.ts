// Text from YAML (or from us) inside Markdown that VS Code renders: a tooltip, a hover card. No vscode
// import, so it is unit-tested against injection.

/** Every ASCII punctuation character: CommonMark lets a backslash escape each of them. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Text as Markdown that shows exactly that text: folded to one line (a blank line must not end a quote or a
 * list item, and a line must not start a heading or a list), and every ASCII punctuation character
 * backslash-escaped. That covers more than MarkdownString.appendText, which leaves `<`, `&`, `:` and `.`
 * alone: no tag, entity, autolink (`https\://…`), link, image, code span or emphasis can come out of it.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(ASCII_PUNCTUATION, '\\$&');
}
