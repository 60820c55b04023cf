// A fresh folder per run holding everything code-server and Chromium write: VS Code's user data and
// extensions, and HOME, TMPDIR and the XDG folders, so nothing lands in the real home or in /tmp and no
// state leaks from one run into the next. It lives under the system temp folder rather than the project
// because VS Code puts Unix sockets in it, and socket paths must stay short (about 100 bytes).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface RunFolder {
  readonly root: string;
  readonly userData: string;
  readonly extensions: string;
  /** VS Code asks whether to trust a folder (Restricted Mode until it is trusted); off unless asked for. */
  readonly workspaceTrust: boolean;
  /** Truthline runs in the browser's web worker extension host (as on vscode.dev), not the Node one. */
  readonly browserHost: boolean;
  /** Environment for every process started for this run (code-server, the extension host, Chromium). */
  readonly env: NodeJS.ProcessEnv;
}

/** Environment variable through which `npm test` hands one parent folder to all layers. */
export const RUN_DIR_ENV = 'TRUTHLINE_RUN_DIR';

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  // The example repository sits inside this repository: do not offer to open the parent's git repository.
  'git.openRepositoryInParentFolders': 'never',
  // Keep the chat side bar closed: it takes a third of every screenshot and needs a network anyway.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // VS Code in a browser saves a typed change after a second by default; desktop VS Code does not. Tests type
  // unsaved text and revert it: saved behind their back, it stayed in the file for every later suite.
  'files.autoSave': 'off',
};

/**
 * With workspace trust on, every folder opens untrusted, in Restricted Mode: no modal asks at startup (the
 * banner and the status bar say it, as for a user who chose "Don't Trust"), and trust is granted in the UI.
 */
function trustSettings(workspaceTrust: boolean): Record<string, unknown> {
  if (!workspaceTrust) return { 'security.workspace.trust.enabled': false };
  return { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' };
}

/**
 * An extension with both `main` and `browser` runs in the Node extension host; this user setting, read when
 * the page opens, moves it into the browser's web worker host, where vscode.dev and github.dev run it.
 */
function hostSettings(browserHost: boolean): Record<string, unknown> {
  return browserHost ? { 'remote.extensionKind': { 'truthline.truthline': ['web'] } } : {};
}

export function createRunFolder(name: string, options: { workspaceTrust?: boolean; browserHost?: boolean } = {}): RunFolder {
  const workspaceTrust = options.workspaceTrust ?? false;
  const browserHost = options.browserHost ?? false;
  const parent = process.env[RUN_DIR_ENV];
  const root = parent
    ? fs.mkdtempSync(path.join(parent, `${name}-`))
    : fs.mkdtempSync(path.join(os.tmpdir(), `truthline-${name}-`));
  const dir = (...parts: string[]): string => {
    const full = path.join(root, ...parts);
    fs.mkdirSync(full, { recursive: true, mode: 0o700 });
    return full;
  };
  const userData = dir('user-data');
  dir('user-data', 'User');
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...userSettings, ...trustSettings(workspaceTrust), ...hostSettings(browserHost) }, null, 2) + '\n');

  // npm's own variables (npm_config_nodedir and friends) describe this project's toolchain, not the
  // one VS Code and its extensions should see; the harness's own variables are for the harness.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|TRUTHLINE_)/.test(key)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    HOME: dir('home'),
    TMPDIR: dir('tmp'),
    XDG_CONFIG_HOME: dir('xdg', 'config'),
    XDG_CACHE_HOME: dir('xdg', 'cache'),
    XDG_DATA_HOME: dir('xdg', 'data'),
    XDG_STATE_HOME: dir('xdg', 'state'),
    XDG_RUNTIME_DIR: dir('xdg', 'runtime'),
  };
  return { root, userData, extensions: dir('extensions'), workspaceTrust, browserHost, env };
}

export function removeRunFolder(run: RunFolder): void {
  fs.rmSync(run.root, { recursive: true, force: true, maxRetries: 3 });
}
