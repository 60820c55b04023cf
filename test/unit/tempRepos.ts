// Throwaway repositories for the CLI tests, and the CLI bundled from the current sources before them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Test the CLI as shipped: bundle it from the current sources first. */
export function buildCli(): void {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

export class TempRepos {
  private readonly made: string[] = [];

  constructor(private readonly prefix: string) {}

  /** A throwaway repository with `files` (text or bytes) at repository-relative paths. */
  make(files: Record<string, string | Buffer>): string {
    const root = mkdtempSync(path.join(os.tmpdir(), `${this.prefix}-`));
    this.made.push(root);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    return root;
  }

  /** Removes every repository made; `before` runs on each first (to undo what a test did to its modes). */
  removeAll(before?: (root: string) => void): void {
    for (const root of this.made.splice(0)) {
      before?.(root);
      rmSync(root, { recursive: true, force: true });
    }
  }
}
