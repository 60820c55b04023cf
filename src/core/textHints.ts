// Cheap looks at a whole text that say whether a walk for a kind of problem is needed at all.

/** Only texts that mention a forbidden key (plainValue.ts) are walked for one. */
export function mayHoldForbiddenKey(text: string): boolean {
  return /__proto__|constructor|prototype/.test(text);
}

/** `Support ticket #48211`: one space, then `#` and no space. Comments are written `# like this`. */
export const CUT_BY_COMMENT = /[^\s#] #[^\s#]/;

/** Only texts with text, one space, then `#` and no space are walked for values a comment cut short. */
export function mayHoldCutText(text: string): boolean {
  return CUT_BY_COMMENT.test(text);
}
