// `npm run demo [-- <folder>] [--port N]`: builds and packages the extension, then starts a real VS Code
// (code-server) with it installed; see test/harness/demo.ts. The demo code is bundled with esbuild rather
// than compiled with the tests, so a broken test elsewhere cannot stop a demo.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
for (const script of ['build', 'package']) {
  const { status } = spawnSync('npm', ['run', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (status !== 0) process.exit(status ?? 1);
}
const outfile = path.join(root, 'out', 'demo', 'demo.js');
await esbuild.build({
  entryPoints: [path.join(root, 'test', 'harness', 'demo.ts')],
  outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
  // Loaded from node_modules at run time (only with CI set, for the demo's check): it is not made to be bundled.
  external: ['playwright-core'],
});
await esbuild.stop(); // its service process would otherwise live as long as the demo
createRequire(import.meta.url)(outfile); // starts the demo; it reads the arguments from process.argv
