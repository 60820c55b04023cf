import type { SourceRange } from './problems';

/**
 * Offsets of line starts in a text, to turn character offsets into 1-based line/column ranges. Lines end
 * where an editor ends them (VS Code): at `\r\n`, at `\n`, and at a lone `\r`.
 */
export class LineStarts {
  private readonly starts: number[] = [0];
  /** Where the text's last line ends: no position points past it (the parser reports some past the end). */
  private readonly contentEnd: number;

  constructor(private readonly text: string) {
    const starts = this.starts;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === LF) starts.push(i + 1);
      else if (code === CR && text.charCodeAt(i + 1) !== LF) starts.push(i + 1);
    }
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    this.contentEnd = end;
  }

  position(offset: number): { line: number; column: number } {
    // Between the \r and the \n of a line end is no place an editor can show: the line end itself.
    const at = offset > 0 && this.text.charCodeAt(offset) === LF && this.text.charCodeAt(offset - 1) === CR ? offset - 1 : offset;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - (this.starts[low] as number) + 1 };
  }

  range(start: number, end: number): SourceRange {
    const clampedStart = Math.min(Math.max(start, 0), this.contentEnd);
    const from = this.position(clampedStart);
    const to = this.position(Math.min(Math.max(clampedStart, end), this.contentEnd));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

const CR = 0x0d;
const LF = 0x0a;
