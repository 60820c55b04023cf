// Everything a runner starts registers how to stop it here, so that success, failure, an exception
// and Ctrl+C (SIGINT) or SIGTERM all end the same way: nothing left running.
type Cleanup = () => void | Promise<void>;

const cleanups: Cleanup[] = [];
let signalled = false;

/** Registers a cleanup; they run newest first. Returns a function that runs and removes it early. */
export function onCleanup(cleanup: Cleanup): () => Promise<void> {
  cleanups.push(cleanup);
  return async () => {
    const index = cleanups.indexOf(cleanup);
    if (index >= 0) {
      cleanups.splice(index, 1);
      await cleanup();
    }
  };
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop() as Cleanup;
    try {
      await cleanup();
    } catch (error) {
      // Keep going: one stuck resource must not keep the others alive.
      console.error('cleanup failed:', error);
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (signalled) return; // a second Ctrl+C while cleaning up changes nothing
  signalled = true;
  console.error(`\n${signal}: stopping everything this run started`);
  void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

/**
 * Runs a runner's main function with the cleanup guarantees above and exits with its code.
 * Exiting explicitly matters: a forgotten handle must not keep a finished run waiting.
 */
export function runMain(main: () => Promise<number>): void {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  main()
    .catch((error: unknown) => {
      // After a signal, errors are the echo of our own cleanup (a closed browser, a killed server).
      if (!signalled) console.error(error instanceof Error ? error.stack ?? error.message : error);
      return 1;
    })
    .then(async (code) => {
      await runCleanups();
      process.exit(code);
    });
}
