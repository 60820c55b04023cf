// What Truthline reads must stay inside the repository. A path written in YAML (a flag's `anchor.path`) is
// repository-relative; one that climbs out of it (`../../etc/passwd`) is refused before anything opens it,
// by the CLI and the extension alike. Files and folders the file system will not give us, and links, are
// positioned problems, never a crash and never data silently missing.
import { problem, START_OF_FILE, type Problem } from './problems';

/**
 * Whether a repository-relative path, as written in YAML (`/` or `\` separators; a leading `/` or `./` means
 * the repository root), names something inside the repository: not the repository itself, nothing above it
 * (`..` past the root), no drive (`C:`), no NUL, and no name made only of dots and spaces besides `.` and `..`
 * (Windows reads `...` or `.. ` as `..`).
 */
export function isInsideRepository(path: string): boolean {
  if (path.includes('\0')) return false;
  const segments = path.replace(/\\/g, '/').split('/');
  if (/^[A-Za-z]:$/.test(segments[0] ?? '')) return false;
  let depth = 0;
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (--depth < 0) return false;
    } else if (/^[. ]+$/.test(segment)) {
      return false;
    } else {
      depth++;
    }
  }
  return depth > 0;
}

/**
 * A file that is there but could not be read (permissions, a failed read, not a regular file); the same
 * message as load.ts's unreadableFile gives a file of .alignment/ in the editor.
 */
export function unreadableFileProblem(file: string, reason: string): Problem {
  return problem(file, START_OF_FILE, 'unreadable-file', `file could not be read (${firstLine(reason)}); check that it is a readable file`);
}

/** A folder that could not be listed: what it holds is left out. */
export function unreadableFolderProblem(folder: string, reason: string): Problem {
  return problem(folder, START_OF_FILE, 'unreadable-file', `folder could not be read (${firstLine(reason)}); the files in it are left out of this check`);
}

/**
 * A symbolic link where `.alignment/` content is expected: it is not followed. It could lead outside the
 * repository, and an edit would write through it.
 */
export function symbolicLinkProblem(path: string): Problem {
  return problem(path, START_OF_FILE, 'symbolic-link',
    `${path} is a symbolic link; Truthline does not follow links in .alignment/ (one could lead outside the repository, and an edit would write through it): store the file or folder itself`);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
