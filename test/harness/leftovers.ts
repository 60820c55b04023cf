// Proof that a run left nothing behind: every process started for a run has the run's HOME in its
// environment (code-server, its extension host and pty host, Chromium and its helpers), so any such
// process still alive after cleanup is a leak. Linux only (/proc); elsewhere the check is skipped.
import * as fs from 'fs';

function environmentOf(pid: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
  } catch {
    return undefined; // the process ended while we looked, or is not ours to read
  }
}

/** The ids of processes (other than this one) running with `home` as HOME. */
function processesOf(home: string): number[] {
  if (!fs.existsSync('/proc')) return [];
  const marker = `\0HOME=${home}\0`;
  return fs.readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => `\0${environmentOf(pid) ?? ''}`.includes(marker))
    .map(Number);
}

/** The ids of a run's extension host processes: the same ids later mean the host was not restarted. */
export function extensionHosts(home: string): number[] {
  return processesOf(home).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('extensionHost');
    } catch {
      return false; // it ended while we looked
    }
  });
}

/** Kills and returns the ids of processes still running with `home` as HOME. */
export function killLeftovers(home: string): number[] {
  const leaked = processesOf(home);
  for (const pid of leaked) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
  return leaked;
}
