// Bundles the extension and the CLI with esbuild, and writes the JSON Schema generated from the zod schemas.
// Types are checked separately (`npm run typecheck`): esbuild only strips them.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkWebBundle, probeWebGuard, webBuildOptions } from './webBundle.mjs';
import { vscodeNamespace } from './vscodeNamespace.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: !production, minify: production, logLevel: 'info' };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [vscodeNamespace] },
  // The same extension for the browser's extension host (package.json `browser`); see webBundle.mjs.
  webBuildOptions({ sourcemap: common.sourcemap, minify: common.minify, logLevel: common.logLevel }),
  // `truthline --version`: the version is written into the bundle (importing package.json would make tsc copy it into out/).
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js', define: { TRUTHLINE_VERSION: JSON.stringify(version) } },
  // `truthline` itself: a small launcher that runs dist/cliMain.js from V8's code cache (src/cli/launch.ts).
  { ...common, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI's file-reading worker threads load this small file, next to dist/cliMain.js.
  { ...common, entryPoints: ['src/cli/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
  { ...common, entryPoints: ['src/core/jsonSchema.ts'], outfile: 'out/build/jsonSchema.js', sourcemap: false, minify: false, logLevel: 'warning' },
];

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  for (const { metafile } of results) if (metafile) checkWebBundle(metafile);
  await probeWebGuard(esbuild);
  const { alignmentJsonSchema } = createRequire(import.meta.url)('../out/build/jsonSchema.js');
  writeFileSync('dist/alignment.schema.json', JSON.stringify(alignmentJsonSchema(), null, 2) + '\n');
}
