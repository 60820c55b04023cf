// `truthline check`'s suspect statuses: git read here (src/git), the rule in core. A folder outside git
// has no history, so nothing is suspect there and nothing is said.
import { hasSettledStatuses, scanTags, suspectProblems, suspectStatuses, type Problem, type TagHit } from '../core';
import { readSuspectHistory } from '../git/suspectHistory';
import type { CheckResult } from './check';

export async function suspectWarnings(root: string, result: CheckResult): Promise<Problem[]> {
  // No settled status, nothing to suspect: neither git nor the sources' tags are read.
  if (!hasSettledStatuses(result.model)) return [];
  const history = await readSuspectHistory(root, result.model);
  if (!history) return [];
  const tags: TagHit[] = [];
  for (const source of result.sources) for (const tag of scanTags(source.text)) tags.push({ path: source.path, tag });
  return suspectProblems(suspectStatuses(result.model, { ...history, tags, repoFiles: result.repoFiles }));
}
