// The integration suite's entry point, loaded by VS Code's extension host (code-server's test payload or
// @vscode/test-electron): runs every *.test.js next to this file with mocha, inside the real `vscode` API.
import Mocha from 'mocha';
import { format } from 'util';
import { OUTPUT_TAG_ENV } from '../harness/extensionHostRun';
import { integrationTestFiles, RESTRICTED_SUITE_ENV } from '../harness/paths';
import { collectResults, RESULTS_FILE_ENV, writeResults } from '../harness/results';

export function run(): Promise<void> {
  // No colours: the output travels through the workbench's log channel, not a terminal.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000 });
  // In code-server the reporter's lines share one channel with the workbench's own log: tag them.
  const tag = process.env[OUTPUT_TAG_ENV];
  if (tag) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(tag + format(...args));
  // The Restricted Mode run (an untrusted workspace) runs restricted/ only; every other run the rest.
  const files = integrationTestFiles(__dirname, process.env[RESTRICTED_SUITE_ENV] === '1');
  if (files.length === 0) return Promise.reject(new Error(`No *.test.js files below ${__dirname}`));
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env[RESULTS_FILE_ENV];
      if (file) writeResults(file, result);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    const result = collectResults(runner);
  });
}
