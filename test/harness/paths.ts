// Where things are: the repository (found from this file, so compiled and bundled copies agree),
// the example workspace the tests open, and where screenshots go.
import * as fs from 'fs';
import * as path from 'path';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'truthline') {
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`No truthline package.json above ${start}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);
export const exampleWorkspace = path.join(repoRoot, 'examples', 'checkout-service');
export const integrationSuite = path.join(repoRoot, 'out', 'test', 'integration');
/**
 * The integration tests that apply in the browser's extension host, bundled for a web worker
 * (scripts/buildWebSuite.mjs). The file itself: the web host fetches the path as given (a folder is a 404).
 */
export const webSuite = path.join(repoRoot, 'out', 'web-suite', 'index.js');
export const uiTests = path.join(repoRoot, 'out', 'test', 'ui');
export const vsixFile = path.join(repoRoot, 'dist', 'truthline.vsix');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Every file below `dir` whose name ends with `.test.js`, sorted so runs are repeatable. */
export function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Set in the extension host of the Restricted Mode run (workspace trust on, the workspace untrusted). */
export const RESTRICTED_SUITE_ENV = 'TRUTHLINE_RESTRICTED_SUITE';
/** The folder of test/integration whose tests run only in Restricted Mode, and only they run there. */
export const restrictedTestsFolder = 'restricted';

/** The integration suite's test files below `dir`: those of restricted/ for the Restricted Mode run, else the rest. */
export function integrationTestFiles(dir: string, restricted: boolean): string[] {
  return testFiles(dir).filter((file) => (path.relative(dir, file).split(path.sep)[0] === restrictedTestsFolder) === restricted);
}
