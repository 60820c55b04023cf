// Text into HTML: every value read from YAML goes through here, so it is shown as text and never read as markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped for element content and for a quoted attribute value alike. */
export function escapeHtml(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
