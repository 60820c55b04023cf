// An esbuild plugin: every `import * as vscode from 'vscode'` of the bundle reads one namespace, made once.
// Left to itself, esbuild wraps the external `vscode` module anew in each of the ~100 files that import it,
// copying every property of the API each time: a tenth of the extension's load, in the task that activates it.
export const vscodeNamespace = {
  name: 'vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-namespace' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-namespace' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-namespace' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};
