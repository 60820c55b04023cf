// The tests' copy of the example repository gets a git history of its `.alignment/`, so the report in the
// editor has a trend to draw: each file is committed on the date it speaks of (a request when received, a
// decision when decided, a flag when raised; the rest at the start), and a feature now reported off track
// was first reported on-track and changed on its report's `asOf` date. The last commit holds the files as
// they are, so the working tree is clean. No git on the machine: the copy stays without history (the report
// says why).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const START = '2026-08-24';
const OFF_TRACK = /^(\s*status:\s*)(at-risk|off-track|blocked)\b/m;

interface Change {
  date: string;
  files: Map<string, string>;
}

export function commitExampleHistory(workspace: string): void {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
  } catch {
    process.stderr.write('git is not installed: the example copy has no history, and the report no trend\n');
    return;
  }
  const changes = new Map<string, Change>();
  const at = (date: string): Map<string, string> => {
    let change = changes.get(date);
    if (!change) changes.set(date, (change = { date, files: new Map() }));
    return change.files;
  };
  const alignment = path.join(workspace, '.alignment');
  for (const name of fs.readdirSync(alignment, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(alignment, name);
    if (!fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    const relative = `.alignment/${name.split(path.sep).join('/')}`;
    const reported = text.match(/^\s*asOf:\s*(\d{4}-\d{2}-\d{2})/m)?.[1];
    if (/^kind: feature/m.test(text) && OFF_TRACK.test(text) && reported) {
      at(START).set(relative, text.replace(OFF_TRACK, '$1on-track'));
      at(reported).set(relative, text);
    } else {
      at(dateOf(relative, text)).set(relative, text);
    }
  }
  const git = (args: string[], date?: string): void => {
    execFileSync('git', args, {
      cwd: workspace,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_NAME: 'Example', GIT_AUTHOR_EMAIL: 'example@example.com', GIT_COMMITTER_NAME: 'Example', GIT_COMMITTER_EMAIL: 'example@example.com',
        ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` } : {}) },
    });
  };
  // The folder is written again commit by commit, ending as it was.
  fs.rmSync(alignment, { recursive: true });
  git(['init', '-q', '-b', 'main']);
  for (const change of [...changes.values()].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    for (const [file, text] of change.files) {
      fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      fs.writeFileSync(path.join(workspace, file), text);
    }
    // The first commit takes the code too; every later one only `.alignment/`.
    git(['add', '-A', ...(change.date === START ? [] : ['.alignment'])]);
    git(['commit', '-q', '--allow-empty', '-m', `.alignment/ as of ${change.date}`], change.date);
  }
}

/** The day a file speaks of: the earliest date it records, else the history's start. */
function dateOf(relative: string, text: string): string {
  const named = path.posix.basename(relative).match(/^(\d{4}-\d{2}-\d{2})/)?.[1];
  const recorded = [...text.matchAll(/^\s*(?:-\s*)?(?:receivedAt|raisedAt|decidedAt):\s*(\d{4}-\d{2}-\d{2})/gm)].map((match) => match[1] as string).sort();
  return named ?? recorded[0] ?? START;
}
