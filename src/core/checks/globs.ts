// A `paths` pattern that matches no file is usually a renamed folder: the item silently stops applying.
import { compileGlob, normalizePath } from '../globs';
import type { LoadedItem } from '../load';
import { ownPaths } from '../ownPaths';
import type { AlignmentModel } from '../modelTypes';
import { PathIndex } from '../pathIndex';
import { problem, type Problem } from '../problems';

/** How much of a pattern a message quotes: a pattern refused for its length must not make the message as long. */
const QUOTED_PATTERN = 80;

/**
 * Which patterns match a file of one repository listing, kept across rebuilds by whoever rebuilds (the
 * editor, on every change): only patterns not seen before are tested against the files. A new listing
 * (another array) starts it again.
 */
export class GlobMatchMemo {
  private files: readonly string[] | undefined;
  private readonly matches = new Map<string, boolean>();

  /** The answers known for this listing (emptied when the listing is another one). */
  answersFor(repoFiles: readonly string[]): Map<string, boolean> {
    // Patterns edited away stay behind; past a generous bound they are dropped with the rest.
    if (this.files !== repoFiles || this.matches.size > MAX_REMEMBERED) {
      this.files = repoFiles;
      this.matches.clear();
    }
    return this.matches;
  }

  /**
   * How many of the `paths` patterns of `entries` this listing has no answer for: what a build with this memo
   * would test against every file at once. An editor learns them in slices first when there are many.
   * Counting stops past `atMost`.
   */
  unknownPatterns(entries: Iterable<LoadedItem>, repoFiles: readonly string[], atMost = Infinity): number {
    const known = this.files === repoFiles ? this.matches : new Map<string, boolean>();
    const unknown = new Set<string>();
    for (const entry of entries) {
      for (const pattern of ownPaths(entry)) {
        // A pattern that cannot be compiled is never tested, so never learnt: it is not waiting for an answer.
        if (known.has(pattern) || unknown.has(pattern) || compileGlob(pattern).error !== undefined) continue;
        unknown.add(pattern);
        if (unknown.size > atMost) return unknown.size;
      }
    }
    return unknown.size;
  }

  /**
   * Learns, for a new listing, which of the model's patterns match a file, testing `sliceFiles` files at a
   * time and awaiting `pause()` between slices, so that an editor is never blocked for the whole repository.
   * A rebuild with the same listing then only reads the answers.
   */
  async learn(model: AlignmentModel, repoFiles: readonly string[], pause: () => Promise<void>, sliceFiles = LEARN_FILES_PER_SLICE, patternsPerPass = LEARN_PATTERNS_PER_PASS): Promise<void> {
    const steps = this.learnSteps(model, repoFiles, sliceFiles, patternsPerPass);
    while (!steps.next().done) await pause();
  }

  /** `learn` as steps (see steps.ts): a step tests `sliceFiles` files, or indexes the next share of patterns. */
  *learnSteps(model: AlignmentModel, repoFiles: readonly string[], sliceFiles = LEARN_FILES_PER_SLICE, patternsPerPass = LEARN_PATTERNS_PER_PASS): Generator<void, void, void> {
    const known = this.answersFor(repoFiles);
    const unknown = patternsOf(model.byId.values()).filter((owner) => !known.has(owner.pattern));
    // Indexing 10,000 patterns at once is itself a long task: a pass over the files for each share of them.
    for (let first = 0; first < unknown.length; first += patternsPerPass) {
      if (first > 0) yield;
      const matcher = new PatternMatcher(unknown.slice(first, first + patternsPerPass));
      for (let start = 0; start < repoFiles.length && !matcher.done; start += sliceFiles) {
        if (start > 0) yield;
        matcher.test(repoFiles, start, start + sliceFiles);
      }
      // The listing may have been replaced meanwhile: then these answers are for a listing nobody asks about.
      if (this.files !== repoFiles) return;
      for (const [owner, matches] of matcher.answers()) known.set(owner.pattern, matches);
    }
  }

  /**
   * The patterns of `model` this listing's answers say match no file: each one a glob-matches-nothing problem
   * at the next build, located then. An editor locates them ahead, in slices (locating reads the item's lines).
   */
  *unmatched(model: AlignmentModel, repoFiles: readonly string[]): Iterable<{ entry: LoadedItem; index: number }> {
    if (this.files !== repoFiles) return;
    for (const owner of patternsOf(model.byId.values())) if (this.matches.get(owner.pattern) === false) yield { entry: owner.entry, index: owner.index };
  }
}

const MAX_REMEMBERED = 50_000;
/** Files tested against every pattern between two pauses of `learn` (~5 ms on 2,000 features' patterns). */
const LEARN_FILES_PER_SLICE = 200;
/** Patterns indexed for one pass of `learn` over the files (~10 ms to index on 2,000 features' patterns). */
const LEARN_PATTERNS_PER_PASS = 2_000;

interface PatternOwner {
  entry: LoadedItem;
  index: number;
  pattern: string;
}

function patternsOf(entries: Iterable<LoadedItem>): PatternOwner[] {
  const patterns: PatternOwner[] = [];
  for (const entry of entries) {
    ownPaths(entry).forEach((pattern, index) => patterns.push({ entry, index, pattern }));
  }
  return patterns;
}

/** The `paths` patterns of `entries` that match no file of `repoFiles`, by item. */
export function checkGlobs(entries: Iterable<LoadedItem>, repoFiles: readonly string[], memo?: GlobMatchMemo): Map<LoadedItem, readonly Problem[]> {
  const known = memo?.answersFor(repoFiles) ?? new Map<string, boolean>();
  const patterns = patternsOf(entries);
  const matcher = new PatternMatcher(patterns.filter((owner) => !known.has(owner.pattern)));
  matcher.test(repoFiles, 0, repoFiles.length);
  for (const [owner, matches] of matcher.answers()) known.set(owner.pattern, matches);
  const unusable = matcher.unusable;
  const problems = new Map<LoadedItem, Problem[]>();
  for (const owner of patterns) {
    if (known.get(owner.pattern)) continue;
    // A pattern that cannot be compiled matches nothing; the schema reports it too, this says why it matches nothing.
    const error = unusable.get(owner);
    const found = problem(owner.entry.file, owner.entry.locate(['paths', owner.index]) ?? owner.entry.range, 'glob-matches-nothing', error === undefined
      ? `"${quote(owner.pattern)}" matches no file in the repository; was the code moved or renamed?`
      : `"${quote(owner.pattern)}" matches no file: ${error}`);
    const ofEntry = problems.get(owner.entry);
    if (ofEntry) ofEntry.push(found);
    else problems.set(owner.entry, [found]);
  }
  return problems;
}

/** Tests patterns against files: whether each usable one matches a file, and why the others cannot. */
class PatternMatcher {
  private readonly index: PathIndex<PatternOwner>;
  private readonly matching = new Set<PatternOwner>();
  private readonly usable: number;
  readonly unusable: ReadonlyMap<PatternOwner, string | undefined>;

  constructor(private readonly patterns: readonly PatternOwner[]) {
    // Every pattern is its own owner, so the index finds each file's candidate patterns without testing all.
    this.index = new PathIndex(patterns.map((owner) => ({ owner, paths: [owner.pattern] })));
    this.unusable = new Map(this.index.unusable.map((entry) => [entry.owner, entry.glob.error]));
    this.usable = patterns.length - this.index.unusable.length;
  }

  /** Once every usable pattern has matched a file, the rest of the repository cannot change the answer. */
  get done(): boolean {
    return this.matching.size >= this.usable;
  }

  test(repoFiles: readonly string[], start: number, end: number): void {
    for (let at = start; at < Math.min(end, repoFiles.length) && !this.done; at++) {
      const file = normalizePath(repoFiles[at] as string);
      for (const candidate of this.index.candidates(file)) {
        if (!this.matching.has(candidate.owner) && candidate.glob.test(file)) this.matching.add(candidate.owner);
      }
    }
  }

  /** Whether each usable pattern matched a file of those tested. */
  *answers(): Iterable<[PatternOwner, boolean]> {
    for (const owner of this.patterns) if (!this.unusable.has(owner)) yield [owner, this.matching.has(owner)];
  }
}

function quote(pattern: string): string {
  return pattern.length <= QUOTED_PATTERN ? pattern : `${pattern.slice(0, QUOTED_PATTERN)}…`;
}
