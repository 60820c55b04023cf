// The file system as the CLI uses it: only these calls, so a test can make any of them fail the way a disk,
// a permission or a link does, even where tests run as root and chmod stops nothing.
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import { errorMessage } from '../core';

export interface CheckFileSystem {
  readdir(folder: string): Promise<Dirent[]>;
  readFile(file: string): Promise<Buffer>;
  stat(file: string): Promise<Stats>;
  lstat(file: string): Promise<Stats>;
}

export const nodeFileSystem: CheckFileSystem = {
  readdir: (folder) => fs.readdir(folder, { withFileTypes: true }),
  readFile: (file) => fs.readFile(file),
  stat: (file) => fs.stat(file),
  lstat: (file) => fs.lstat(file),
};

/** The error's message for a problem: "EACCES: permission denied, open '…'" without the absolute path. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = errorMessage(error);
  if (typeof code === 'string') {
    const text = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
    return `${code}: ${text.replace(/,\s*\w+\s+'[^']*'$/, '')}`;
  }
  return message;
}
