// A linear look at a YAML text for nesting no `.alignment/` file needs, before the parser sees it: the
// `yaml` parser recurses on deeply nested block sequences (`- - - …` 40,000 times overflows its stack) and
// takes seconds on ten thousand nested flow brackets. Documents found nested too deeply are blanked out
// (every character but line ends becomes a space, so positions elsewhere stay exact) and reported.

export interface Blanked {
  /** The text with each refused document blanked. */
  readonly text: string;
  /** Offsets where nesting first went past the limit, one per refused document. */
  readonly breaches: readonly number[];
}

export function blankDeepDocuments(text: string, maxDepth: number): Blanked {
  const breaches: number[] = [];
  let result = text;
  let from = 0;
  for (;;) {
    const breach = findBreach(result, from, maxDepth);
    if (breach === undefined) break;
    breaches.push(breach);
    const start = documentStart(result, breach);
    const end = documentEnd(result, breach);
    result = result.slice(0, start) + result.slice(start, end).replace(/[^\r\n]/g, ' ') + result.slice(end);
    from = end;
  }
  return { text: result, breaches };
}

const OPENERS = new Set(['[', '{']);
const CLOSERS = new Set([']', '}']);

/** The first offset at or after `from` where flow brackets or compact block indicators nest past the limit. */
function findBreach(text: string, from: number, maxDepth: number): number | undefined {
  let flowDepth = 0;
  let quote: '"' | "'" | undefined;
  let lineStart = true;
  let compact = 0; // `- `, `? ` or `: ` indicators at the start of the current line
  for (let i = from; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\n') {
      lineStart = true;
      compact = 0;
      continue;
    }
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (lineStart) {
      if (char === ' ' || char === '\t') continue;
      if ((char === '-' || char === '?' || char === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        if (++compact > maxDepth) return i;
        i++;
        continue;
      }
      // A line that starts at the left margin with a key or an item ends any flow collection left open in
      // plain text (`title: see [1`): YAML would not continue a flow collection there.
      if (i === 0 || text[i - 1] === '\n') {
        if (!CLOSERS.has(char) && char !== '#') flowDepth = 0;
      }
      lineStart = false;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end - 1;
      continue;
    }
    if ((char === '"' || char === "'") && startsScalar(text, i)) {
      quote = char;
      continue;
    }
    if (OPENERS.has(char)) {
      if (++flowDepth > maxDepth) return i;
    } else if (CLOSERS.has(char)) {
      flowDepth = Math.max(0, flowDepth - 1);
    }
  }
  return undefined;
}

/** A quote opens a quoted scalar only where a scalar can start, not inside a word (`don't`). */
function startsScalar(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1] as string;
  return /[\s[{,:?-]/.test(before);
}

const DOCUMENT_MARKER = /^(---|\.\.\.)(?=[ \t\r\n]|$)/;

function documentStart(text: string, offset: number): number {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  while (lineStart > 0) {
    if (DOCUMENT_MARKER.test(text.slice(lineStart, lineStart + 4))) return lineStart;
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  }
  return 0;
}

function documentEnd(text: string, offset: number): number {
  let next = text.indexOf('\n', offset);
  while (next !== -1) {
    if (DOCUMENT_MARKER.test(text.slice(next + 1, next + 5))) return next + 1;
    next = text.indexOf('\n', next + 1);
  }
  return text.length;
}
