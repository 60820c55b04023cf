// truthline: command-line checks of a repository's .alignment/ folder.
import * as path from 'node:path';
import { parseCommandLine } from './arguments';
import { runCheck, UsageError } from './check';
import { displayPathFrom, formatJson, formatText } from './format';
import { runWhereCommand } from './where';
import { runReportCommand } from './report/run';
import { runImpactCommand } from './impact';
import { compareProblems, errorDetail } from '../core';
import { suspectWarnings } from './suspects';

/** package.json's version, written in by the bundler (scripts/build.mjs). */
declare const TRUTHLINE_VERSION: string;
const version = typeof TRUTHLINE_VERSION === 'string' ? TRUTHLINE_VERSION : 'unknown (not built with scripts/build.mjs)';

const USAGE = `Usage: truthline check [root] [--format text|json] [--max-warnings N] [--no-suspects]
       truthline where <id> [root] [--format text|json]   (see truthline where --help)
       truthline report|review [root] [options]   (see truthline report --help)
       truthline impact [root] [--base REF] [--head REF] [--format text|json|markdown|github]
       truthline --version

Checks <root>/.alignment/ (root defaults to the current folder) and the comment tags in the
repository's source files. Exit code: 0 no errors (warnings allowed, up to N with --max-warnings),
1 errors or more than N warnings, 2 usage error, a root folder not found or no .alignment/ folder.
In a git repository, a settled status (an assumption validated or invalidated, a risk mitigated or
retired, a gate's go or no-go) whose tied code changed after it was written is a "suspect" warning;
--no-suspects leaves git alone.`;

interface Options {
  root: string;
  format: 'text' | 'json';
  /** More warnings than this fail the check (exit 1); undefined: any number passes. */
  maxWarnings: number | undefined;
  /** Whether git is asked which settled statuses the code has moved past. */
  suspects: boolean;
}

const FORMATS = ['text', 'json'] as const;

function parseArguments(args: readonly string[]): Options | 'help' {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') return 'help';
  if (command !== 'check') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  const line = parseCommandLine(rest, { format: FORMATS, 'max-warnings': undefined }, ['no-suspects']);
  if (line.help) return 'help';
  if (line.positionals.length > 1) throw new UsageError(`unexpected argument "${line.positionals[1]}": give one root folder`);
  const maxWarnings = line.values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number of warnings (0 or more), not "${maxWarnings}"`);
  return { root: path.resolve(line.positionals[0] ?? '.'), format: (line.values.format ?? 'text') as Options['format'], maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings), suspects: !line.switches.has('no-suspects') };
}

async function main(args: readonly string[]): Promise<number> {
  try {
    if (args[0] === '--version' || args[0] === '-v' || args[0] === 'version') {
      process.stdout.write(`${version}\n`);
      return 0;
    }
    if (args[0] === 'impact') return await runImpactCommand(args.slice(1));
    if (args[0] === 'where') return await runWhereCommand(args.slice(1));
    if (args[0] === 'report' || args[0] === 'review') return await runReportCommand(args);
    const options = parseArguments(args);
    if (options === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const result = await runCheck(options.root);
    if (options.suspects) result.problems = [...result.problems, ...(await suspectWarnings(options.root, result))].sort(compareProblems);
    const displayPath = displayPathFrom(options.root);
    process.stdout.write(options.format === 'json' ? formatJson(result) : formatText(result, displayPath));
    const warnings = result.problems.filter((p) => p.severity === 'warning').length;
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings && options.format === 'text') {
      process.stdout.write(`more warnings than --max-warnings ${options.maxWarnings} allows\n`);
    }
    return result.problems.some((p) => p.severity === 'error') || (options.maxWarnings !== undefined && warnings > options.maxWarnings) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`truthline: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`truthline: ${errorDetail(error)}\n`);
    return 2;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
