// A `paths` pattern that matches no file is usually a renamed folder: the item silently stops applying.
import { normalizePath } from '../globs';
import type { LoadedItem } from '../load';
import type { AlignmentModel } from '../modelTypes';
import { PathIndex, type IndexedGlob } from '../pathIndex';
import { problem, type Problem } from '../problems';

/** How much of a pattern a message quotes: a pattern refused for its length must not make the message as long. */
const QUOTED_PATTERN = 80;

export function checkGlobs(model: AlignmentModel, repoFiles: readonly string[]): Problem[] {
  // Every pattern is its own owner, so the index finds each file's candidate patterns without testing all.
  const patterns: { entry: LoadedItem; index: number }[] = [];
  for (const entry of model.byId.values()) {
    ((entry.item as { paths?: string[] }).paths ?? []).forEach((_, index) => patterns.push({ entry, index }));
  }
  const index = new PathIndex(patterns.map((owner) => ({ owner, paths: [((owner.entry.item as { paths: string[] }).paths[owner.index] as string)] })));
  const matched = new Set<IndexedGlob<(typeof patterns)[number]>['owner']>();
  // Once every usable pattern has matched a file, the rest of the repository cannot change the answer.
  const usable = patterns.length - index.unusable.length;
  for (const path of repoFiles) {
    if (matched.size >= usable) break;
    const file = normalizePath(path);
    for (const candidate of index.candidates(file)) {
      if (!matched.has(candidate.owner) && candidate.glob.test(file)) matched.add(candidate.owner);
    }
  }
  // A pattern that cannot be compiled matches nothing; the schema reports it too, this says why it matches nothing.
  const unusable = new Map(index.unusable.map((entry) => [entry.owner, entry.glob.error]));
  const problems: Problem[] = [];
  for (const owner of patterns) {
    if (matched.has(owner)) continue;
    const pattern = (owner.entry.item as { paths: string[] }).paths[owner.index] as string;
    const error = unusable.get(owner);
    problems.push(problem(owner.entry.file, owner.entry.locate(['paths', owner.index]) ?? owner.entry.range, 'glob-matches-nothing', error === undefined
      ? `"${quote(pattern)}" matches no file in the repository; was the code moved or renamed?`
      : `"${quote(pattern)}" matches no file: ${error}`));
  }
  return problems;
}

function quote(pattern: string): string {
  return pattern.length <= QUOTED_PATTERN ? pattern : `${pattern.slice(0, QUOTED_PATTERN)}…`;
}
