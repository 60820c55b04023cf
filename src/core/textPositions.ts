import type { SourceRange } from './problems';

/** Offsets of line starts in a text, to turn character offsets into 1-based line/column ranges. */
export class LineStarts {
  private readonly starts: number[] = [0];
  /** Where the text's last line ends: no position points past it (the parser reports some past the end). */
  private readonly contentEnd: number;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    let end = text.length;
    while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    this.contentEnd = end;
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }

  range(start: number, end: number): SourceRange {
    const clampedStart = Math.min(Math.max(start, 0), this.contentEnd);
    const from = this.position(clampedStart);
    const to = this.position(Math.min(Math.max(clampedStart, end), this.contentEnd));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
