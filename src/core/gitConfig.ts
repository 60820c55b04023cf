// Reading who the user is from git's own config files, without running git (there is no process to run
// in a web or remote-less extension host). Pure text functions; author.ts finds the files.

export interface GitUser {
  name?: string;
  email?: string;
}

/** user.name and user.email of a git config file's text (later values win, as in git). */
export function gitUser(text: string): GitUser {
  const user: GitUser = {};
  let section = '';
  const lines = text.replace(/\\\r?\n/g, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"(?:[^"\\]|\\.)*")?\s*\]/.exec(line);
    if (header) {
      // A subsection ([user "x"]) is another section; only the plain [user] counts.
      section = /"/.test(line.slice(0, line.indexOf(']'))) ? '' : (header[1] as string).toLowerCase();
      continue;
    }
    if (section !== 'user') continue;
    const pair = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] as string).toLowerCase();
    const value = unquote(pair[2] ?? '');
    if (key === 'name' && value) user.name = value;
    if (key === 'email' && value) user.email = value;
  }
  return user;
}

/** The git directory a `.git` file points to (worktrees, submodules): `gitdir: <path>`. */
export function gitDirOf(dotGitFile: string): string | undefined {
  const match = /^gitdir:\s*(.+?)\s*$/m.exec(dotGitFile);
  return match?.[1];
}

/** A config value: quotes removed, escapes read, a comment after it dropped. */
function unquote(value: string): string {
  let result = '';
  let quoted = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (char === '\\' && index + 1 < value.length) {
      const next = value[++index] as string;
      result += next === 'n' ? '\n' : next === 't' ? '\t' : next;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === '#' || char === ';')) {
      break;
    } else {
      result += char;
    }
  }
  return result.trim();
}
