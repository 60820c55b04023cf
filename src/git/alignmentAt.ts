// `.alignment/` below `root` as a commit has it, for core to load: the impact of a change from --base to
// --head is judged by the items at the head, not by whatever the working tree holds.
import { ALIGNMENT_FOLDER, DEFAULT_MAX_FILE_BYTES, isAlignmentFile, type TextFile, unreadOverLimitText } from '../core';
import { catFileBatch, runGit, type GitOptions } from './alignmentHistory';

/** The YAML files of `root`'s `.alignment/` at `commit`, with root-relative paths; a file over 1 MiB is kept too big to read. */
export async function readAlignmentAt(root: string, commit: string, options: GitOptions = {}): Promise<TextFile[]> {
  // Run in `root`, ls-tree names paths relative to it, and `<commit>:./<path>` reads them from there.
  const listed = await runGit(root, ['-c', 'core.quotePath=off', 'ls-tree', '-r', '-z', '--name-only', commit, '--', ALIGNMENT_FOLDER], undefined, options);
  if (listed.code !== 0) throw new Error(`git ls-tree ${commit} failed: ${listed.stderr.split('\n')[0] ?? ''}`);
  // A name with a line break cannot be asked of cat-file --batch, one name per line; no hand-written file has one.
  const paths = listed.stdout.toString('utf8').split('\0').filter((name) => name !== '' && !name.includes('\n') && isAlignmentFile(name));
  const objects = await catFileBatch(root, paths.map((name) => `${commit}:./${name}`), options);
  const files: TextFile[] = [];
  paths.forEach((name, index) => {
    const object = objects[index];
    if (object?.type !== 'blob') return;
    // Too big is said by the loader (file-too-large) from the length alone: the bytes are not decoded.
    files.push({ path: name, text: object.content.length > DEFAULT_MAX_FILE_BYTES ? unreadOverLimitText() : object.content.toString('utf8') });
  });
  return files;
}
