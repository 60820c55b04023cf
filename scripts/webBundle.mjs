// The extension's browser bundle (vscode.dev, github.dev: the web worker extension host), built from the same
// sources as the Node bundle. Two rules make it:
// - A module `x.ts` with a sibling `x.web.ts` is replaced by that sibling: that is where the Node-only side
//   (git, the operating system's user) has its browser stand-in.
// - Nothing Node-only may be reached: an import of a Node built-in fails the build, naming the importer, and
//   the bundle's inputs are checked for src/git/ and for the Node side of a swapped pair.
import { vscodeNamespace } from './vscodeNamespace.mjs';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const escaped = [...BUILTINS].map((name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&'));
const BUILTIN_FILTER = new RegExp(`^(${escaped.join('|')})(/.*)?$`);

const webSiblings = {
  name: 'web-siblings',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const sibling = `${path.resolve(args.resolveDir, args.path)}.web.ts`;
      return existsSync(sibling) ? { path: sibling } : undefined;
    });
  },
};

const refuseNodeBuiltins = {
  name: 'refuse-node-builtins',
  setup(build) {
    build.onResolve({ filter: BUILTIN_FILTER }, (args) => ({
      errors: [{ text: `"${args.path}" is Node-only and cannot be in the browser bundle (imported by ${path.relative(process.cwd(), args.importer) || 'the entry'}): give that module a .web.ts sibling` }],
    }));
  },
};

/** esbuild options for the browser bundle; `common` holds what every bundle shares (minify, sourcemap). */
export function webBuildOptions(common) {
  return {
    ...common,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    metafile: true,
    plugins: [webSiblings, refuseNodeBuiltins, vscodeNamespace],
  };
}

/** Throws when the built bundle holds a Node-only input (src/git, or the Node side of an x.ts / x.web.ts pair). */
export function checkWebBundle(metafile) {
  const nodeOnly = Object.keys(metafile.inputs).filter((input) =>
    input.startsWith('src/git/') || (input.endsWith('.ts') && !input.endsWith('.web.ts') && existsSync(input.replace(/\.ts$/, '.web.ts'))));
  if (nodeOnly.length > 0) throw new Error(`The browser bundle holds Node-only code: ${nodeOnly.join(', ')}`);
}

/** Proves the guard refuses Node built-ins: a probe importing them must fail to build. */
export async function probeWebGuard(esbuild) {
  for (const builtin of ['fs', 'node:child_process', 'worker_threads', 'path', 'os']) {
    const probe = { ...webBuildOptions({ logLevel: 'silent' }), entryPoints: undefined, outfile: undefined, write: false, stdin: { contents: `import '${builtin}';`, resolveDir: 'src/extension', loader: 'ts' } };
    const refused = await esbuild.build(probe).then(() => false, (error) => error.errors?.some((e) => e.text.includes('is Node-only')) ?? false);
    if (!refused) throw new Error(`The browser bundle's guard let "${builtin}" through`);
  }
}
