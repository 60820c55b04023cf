// A small table printer for `npm run bench`, and the "hostile inputs" table built on it: every input a
// branch could commit to freeze the editor or CI, how long it took, and what the code reported for it.

/** Columns padded to their widest cell; numbers (cells starting with a digit) are right-aligned. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => cells
    .map((cell, column) => (/^\d/.test(cell) ? cell.padStart(widths[column] as number) : cell.padEnd(widths[column] as number)))
    .join('  ')
    .trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export interface HostileRow {
  /** What the input is, in a few words. */
  input: string;
  bytes: number;
  ms: number;
  /** What the code under test made of it: "3 tags", "1 problem: file-too-large", … */
  reported: string;
}

/** Times `run` once (these inputs are slow by design when something regressed: one run says enough). */
export function timeHostile(input: string, bytes: number, run: () => string): HostileRow {
  const start = process.hrtime.bigint();
  const reported = run();
  return { input, bytes, ms: Number(process.hrtime.bigint() - start) / 1e6, reported };
}

/** The table, with each row's time checked against `targetMs`. */
export function formatHostileTable(title: string, rows: readonly HostileRow[], targetMs: number): string {
  const body = rows.map((row) => [
    row.input,
    `${(row.bytes / 1024).toFixed(0)} KiB`,
    `${row.ms.toFixed(1)} ms`,
    row.ms <= targetMs ? 'OK' : 'OVER',
    row.reported,
  ]);
  return `${title} (target < ${targetMs} ms each)\n${formatTable(['input', 'size', 'time', '', 'reported'], body)}`;
}
