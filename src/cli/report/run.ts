// `truthline report` and `truthline review`: the model as `truthline check` reads it (problems included),
// git history beside it, and core's report or review written as HTML, Markdown or JSON.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { buildReport, reportHtml, reportMarkdown, reviewMarkdown, weeklyReview } from '../../core/report';
import { runCheck, UsageError } from '../check';
import { readAlignmentHistory } from '../../git/alignmentHistory';
import { parseReportOptions, parseReviewOptions, REPORT_USAGE } from './options';

/** Runs `report` or `review` (args start with the command); returns the exit code, 2 for a usage error. */
export async function runReportCommand(args: readonly string[]): Promise<number> {
  try {
    return await run(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`truthline: ${error.message}\n\n${REPORT_USAGE}\n`);
    return 2;
  }
}

async function run(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  const options = command === 'review' ? parseReviewOptions(rest) : parseReportOptions(rest);
  if (options === 'help') {
    process.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }
  const { model, problems } = await runCheck(options.root);
  const history = await readAlignmentHistory(options.root, options.asOf);
  let text: string;
  if (options.command === 'review') {
    text = reviewMarkdown(weeklyReview(model, options.week, options.asOf, history));
  } else {
    const report = buildReport(model, problems, options.asOf, history);
    text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n`
      : options.format === 'html' ? reportHtml(report, { nonce: randomBytes(18).toString('base64') }) : reportMarkdown(report);
  }
  if (options.out === undefined) process.stdout.write(text);
  else await fs.writeFile(options.out, text, 'utf8');
  return 0;
}
