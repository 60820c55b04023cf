// `truthline`: starts the CLI (cliMain.js, beside this file) from V8's code cache. Compiling the 1.4 MB
// bundle, and the functions a run then compiles lazily, cost a short command such as `truthline check`
// about a tenth of its time; the cache keeps the compiled code across runs. Node 22 has this built in
// (module.enableCompileCache); this does the same on Node 20. Any failure falls back to a plain require.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

const MAIN = path.join(__dirname, 'cliMain.js');

/** The user's own cache folder (never a shared temporary one: cached code is code). */
function cacheFolder(): string | undefined {
  const base = process.env.XDG_CACHE_HOME || (os.homedir() ? path.join(os.homedir(), '.cache') : '');
  return base ? path.join(base, 'truthline', 'compiled') : undefined;
}

type Start = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** The CLI compiled, from the cache when it holds it; undefined when there is no cache to use. */
function compileCached(): Start | undefined {
  const folder = cacheFolder();
  if (!folder || process.env.TRUTHLINE_COMPILE_CACHE === 'off') return undefined;
  const source = readFileSync(MAIN, 'utf8');
  // V8 checks its own version and flags, and little of the source: the name says which bundle it is.
  const key = createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 32);
  // One cache per command: each holds the functions its command compiled, not only the first command's.
  const command = /^[a-z]{1,16}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const file = path.join(folder, `cli-${key}-${command}.bin`);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(file);
  } catch {
    cached = undefined; // the first run: written at exit
  }
  const script = new vm.Script(Module.wrap(source), { filename: MAIN, cachedData: cached });
  // At exit the cache holds the functions the run compiled too, not only the top level.
  if (cached === undefined || script.cachedDataRejected === true) process.once('exit', () => writeCache(folder, file, key, script));
  return script.runInThisContext() as Start;
}

/** Written beside, then renamed: two runs at once never leave half a file. Other builds' caches go. */
function writeCache(folder: string, file: string, key: string, script: vm.Script): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    for (const name of readdirSync(folder)) if (name.startsWith('cli-') && !name.startsWith(`cli-${key}-`)) rmSync(path.join(folder, name), { force: true });
    return true;
  } catch {
    return false; // a read-only home or a full disk: the next run compiles again
  }
}

let start: Start | undefined;
try {
  start = compileCached();
} catch {
  start = undefined; // an unreadable cache folder, a failed compile: the plain way below says what is wrong
}
if (start) {
  const module = new Module(MAIN);
  module.filename = MAIN;
  start(module.exports, createRequire(MAIN), module, MAIN, __dirname);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is found at run time, beside this file
  require(MAIN);
}
