// The integration suite as the browser's extension host runs it (vscode.dev, github.dev; here code-server's
// web worker host, with the extension forced there by `remote.extensionKind`): one bundle
// (scripts/buildWebSuite.mjs), loaded by the workbench's test payload like test/integration/index.ts.
//
// The integration tests that apply run as they are. Left out, and why:
// - activation, report: they read Node's path/os/process (this run's copy by path, a report in the temp
//   folder); browserHost.test.ts checks activation and the report in the browser instead.
// - impact, suspects: they expect git's answers; in the browser there is no git, and browserHost.test.ts
//   checks that both say they need a local clone.
// - flags.links, hostile, store.guard, tagIndex, views.trees: they make symbolic links, run git or
//   write outside the workspace with Node's fs and child_process.
// - restricted/: the Restricted Mode run's own tests (workspace trust on).
import './mochaSetup';
import './browserHost.test';
import '../integration/codelens.test';
import '../integration/create.test';
import '../integration/flags.anchors.test';
import '../integration/flags.test';
import '../integration/flags.writer.test';
import '../integration/tags.test';
import '../integration/views.api.test';
import '../integration/yamlEditing.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed in the browser's extension host`)) : resolve()));
  });
}
