// `truthline impact`: what a change touches — the features, the customers and their words, the risks,
// assumptions, milestones and flags tied to the changed code, and the features downstream with their owners.
// git gives the change (src/git/changes.ts), core says what it touches (changeImpact); the items are read
// from `.alignment/` at the head: the working tree's, or the --head commit's.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ALIGNMENT_FOLDER, type AlignmentModel, changeImpact, errorMessage, loadAlignment } from '../core';
import { readAlignmentAt } from '../git/alignmentAt';
import { ChangeError, readChange } from '../git/changes';
import { parseCommandLine } from './arguments';
import { runCheck, UsageError } from './check';
import { formatImpact, IMPACT_FORMATS, type ImpactFormat } from './impactFormat';

export const IMPACT_USAGE = `Usage: truthline impact [root] [--base REF] [--head REF] [--format text|json|markdown|github]

Names what the change from --base to --head touches in <root> (default: the current folder): the features
covering the changed files (with owners), the customer requests they serve (customer and quote), the risks,
assumptions, milestones and flags tied to them, and every feature downstream (depending on a touched one)
with its owners. --base defaults to the merge-base with the upstream branch (else main or master), --head to
the working tree (staged, unstaged and untracked changes); the items are those of .alignment/ at the head
(the working tree's, or --head's commit's). --format markdown is a pull-request comment,
github prints workflow annotations. Exit code: 0, or 2 for a usage error, an unknown ref, a folder that is
not a git repository or a missing .alignment/.`;

export async function runImpactCommand(args: readonly string[]): Promise<number> {
  let options;
  try {
    const line = parseCommandLine(args, { base: undefined, head: undefined, format: IMPACT_FORMATS });
    if (line.help) {
      process.stdout.write(`${IMPACT_USAGE}\n`);
      return 0;
    }
    if (line.positionals.length > 1) throw new UsageError(`unexpected argument "${line.positionals[1]}": give one root folder`);
    options = { root: path.resolve(line.positionals[0] ?? '.'), base: line.values.base, head: line.values.head, format: (line.values.format ?? 'text') as ImpactFormat };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`truthline: ${error.message}\n\n${IMPACT_USAGE}\n`);
    return 2;
  }
  try {
    // The items as the head has them: the working tree's (checked as `truthline check` does) for the working
    // tree, else the head commit's `.alignment/`.
    const workingTree = options.head === undefined ? (await runCheck(options.root)).model : undefined;
    if (!workingTree && !(await fs.stat(options.root).catch(() => undefined))?.isDirectory()) throw new UsageError(`folder not found: ${options.root}. Give the repository's root folder (the one holding ${ALIGNMENT_FOLDER}/), or run truthline there.`);
    const change = await readChange(options.root, { base: options.base, head: options.head });
    const model = workingTree ?? await modelAt(options.root, change.head ?? 'HEAD');
    process.stdout.write(formatImpact(options.format, change, changeImpact(model, change.files)));
    return 0;
  } catch (error) {
    if (!(error instanceof ChangeError || error instanceof UsageError)) throw error;
    process.stderr.write(`truthline: ${errorMessage(error)}\n`);
    return 2;
  }
}

/** The items of `.alignment/` at a commit; a head without one has nothing to name. */
async function modelAt(root: string, commit: string): Promise<AlignmentModel> {
  const files = await readAlignmentAt(root, commit).catch((error: unknown) => {
    throw new ChangeError(errorMessage(error));
  });
  if (files.length === 0) throw new ChangeError(`no ${ALIGNMENT_FOLDER}/ in ${root} at ${commit.slice(0, 7)}: nothing to name`);
  return loadAlignment(files);
}
