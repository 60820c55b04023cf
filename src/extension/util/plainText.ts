// Text from the repository (YAML values, ids, file names, git config, error messages) shown as written. VS
// Code reads syntax in some places text is shown: `$(name)` is an icon in quick picks, CodeLens titles and
// the status bar, and `[text](command:…)` is a link that runs a command in a notification or an input box's
// prompt. A zero-width space after `$` and after `]` breaks both, shows nothing, and works wherever the text
// lands (a backslash escape would show as a backslash where icons are not read).

const ZERO_WIDTH_SPACE = '\u200b';

/** `text` with `$(…)` and `[…](…)` made plain: one helper for every label, description, detail, title and message. */
export function plainText(text: string): string {
  return text.replace(/\$\(/g, `$${ZERO_WIDTH_SPACE}(`).replace(/\]\(/g, `]${ZERO_WIDTH_SPACE}(`);
}
