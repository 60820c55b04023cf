// Bundles the integration suite for the browser's extension host (test/web/index.ts → out/web-suite/index.js, beside tsc's out/test):
// one file, as a web worker loads it, with the extension's browser rules (scripts/webBundle.mjs: the web
// stand-ins swapped in, Node built-ins refused). Two Node modules the tests import have browser stand-ins.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { webBuildOptions } from './webBundle.mjs';

const STAND_INS = { assert: 'test/web/assert.ts', mocha: 'test/web/mochaGlobal.ts' };
const standIns = {
  name: 'test-stand-ins',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${Object.keys(STAND_INS).join('|')})$`) }, (args) => ({ path: path.resolve(STAND_INS[args.path]) }));
  },
};

const options = webBuildOptions({ sourcemap: 'inline', logLevel: 'warning' });
await esbuild.build({
  ...options,
  entryPoints: ['test/web/index.ts'],
  outfile: 'out/web-suite/index.js',
  metafile: false,
  plugins: [standIns, ...options.plugins],
});
