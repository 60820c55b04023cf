// Answers "which items' own `paths` cover this file?" in microseconds: each pattern is compiled once and
// filed under the literal folder it is anchored in, so a lookup tests only the patterns filed under the
// file's own ancestor folders (plus the unanchored ones), not every pattern of the folder.
import { compileGlob, normalizePath, type CompiledGlob } from './globs';

interface IndexedGlob<T> {
  readonly owner: T;
  readonly ownerIndex: number;
  /** Position in the owner's list: among matches, the last one decides. */
  readonly order: number;
  readonly glob: CompiledGlob;
}

export class PathIndex<T> {
  private readonly buckets = new Map<string, IndexedGlob<T>[]>();
  private readonly owners: T[] = [];

  constructor(entries: Iterable<{ owner: T; paths: readonly string[] }>) {
    for (const { owner, paths } of entries) {
      const ownerIndex = this.owners.push(owner) - 1;
      paths.forEach((pattern, order) => {
        const glob = compileGlob(pattern);
        const bucket = this.buckets.get(glob.baseDir);
        const entry = { owner, ownerIndex, order, glob };
        if (bucket) bucket.push(entry);
        else this.buckets.set(glob.baseDir, [entry]);
      });
    }
  }

  /** Owners whose patterns cover `path` (repository-relative), in the order they were given. */
  lookup(path: string): T[] {
    const file = normalizePath(path);
    const decisive = new Map<number, { order: number; negated: boolean }>();
    for (const folder of ancestorFolders(file)) {
      const bucket = this.buckets.get(folder);
      if (!bucket) continue;
      for (const entry of bucket) {
        const current = decisive.get(entry.ownerIndex);
        if (current && current.order > entry.order) continue;
        if (entry.glob.test(file)) decisive.set(entry.ownerIndex, { order: entry.order, negated: entry.glob.negated });
      }
    }
    const covering: number[] = [];
    for (const [ownerIndex, match] of decisive) if (!match.negated) covering.push(ownerIndex);
    return covering.sort((a, b) => a - b).map((index) => this.owners[index] as T);
  }
}

/** '', 'src', 'src/payments' for 'src/payments/charge.ts'. */
function ancestorFolders(file: string): string[] {
  const folders = [''];
  for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) folders.push(file.slice(0, slash));
  return folders;
}
