// The integration suite as the browser's extension host runs it (vscode.dev, github.dev; here code-server's
// web worker host, with the extension forced there by `remote.extensionKind`): one bundle
// (scripts/buildWebSuite.mjs), loaded by the workbench's test payload like test/integration/index.ts.
//
// The integration tests that apply run as they are; leftOut.ts names the others and why (Node's fs, os or
// child_process, or git's answers). test/integration/restricted/ is the Restricted Mode run's own.
import './mochaSetup';
import './browserHost.test';
import '../integration/codelens.test';
import '../integration/create.test';
import '../integration/flags.anchors.test';
import '../integration/flags.test';
import '../integration/flags.writer.test';
import '../integration/problems.test';
import '../integration/tags.test';
import '../integration/views.api.test';
import '../integration/yamlEditing.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed in the browser's extension host`)) : resolve()));
  });
}
