// `truthline where <id>`: where an item is in the code, the same list the editor's "In the code" group and
// the API's codeFor give: the files whose comment tags name it, a flag's anchored lines, and the files its
// `paths` cover. The repository is read as `truthline check` reads it (runCheck: .gitignore respected,
// `.alignment/` read even where .gitignore hides it, links not followed, source files read on worker
// threads and searched for tags before decoding); files over 1 MiB and binary files hold no tags.
import * as path from 'node:path';
import { ALIGNMENT_FOLDER, codeFor, scanTags, type CodePlace, type TagHit } from '../core';
import { runCheck, UsageError } from './check';
import { nodeFileSystem, type CheckFileSystem } from './fileSystem';
import { parseCommandLine } from './arguments';
import { displayPathFrom } from './format';

export const WHERE_USAGE = `Usage: truthline where <id> [root] [--format text|json]

Lists where the item <id> is in the code of <root> (default: the current folder): each comment tag
naming it as path:line:column, then each file its paths cover. Exit code: 0 found or not, 1 no item
with that id, 2 usage error or no .alignment/ folder.`;

export interface WhereResult {
  id: string;
  kind: string;
  places: CodePlace[];
}

/** Undefined when `.alignment/` has no item `id`. */
export async function runWhere(root: string, id: string, files: CheckFileSystem = nodeFileSystem): Promise<WhereResult | undefined> {
  const { model, repoFiles, sources } = await runCheck(root, files);
  const entry = model.byId.get(id);
  if (!entry) return undefined;
  const hits: TagHit[] = [];
  // Only a file holding the id can tag it: most of the scanned files are never scanned again.
  for (const source of sources) {
    if (source.text.includes(id)) for (const tag of scanTags(source.text)) if (tag.id === id) hits.push({ path: source.path, tag });
  }
  return { id, kind: entry.kind, places: codeFor(model, id, hits, repoFiles) };
}

export function formatWhereText(result: WhereResult, displayPath: (file: string) => string): string {
  const lines: string[] = [];
  let tags = 0;
  for (const place of result.places) {
    for (const line of place.lines) {
      tags++;
      const what = line.keyword === 'anchor' ? `anchor of ${result.id}` : `@${line.keyword} ${result.id}`;
      lines.push(`${displayPath(place.path)}:${line.line}:${line.column}  ${what}`);
    }
  }
  const covered = result.places.filter((place) => place.byPaths);
  for (const place of covered) lines.push(`${displayPath(place.path)}  paths`);
  lines.push(`${result.id} (${result.kind}): ${tags} ${tags === 1 ? 'tag' : 'tags'} in ${result.places.filter((place) => place.lines.length > 0).length} files, ${covered.length} files by paths`);
  return `${lines.join('\n')}\n`;
}

export function formatWhereJson(result: WhereResult): string {
  return `${JSON.stringify(result.places, null, 2)}\n`;
}

interface WhereOptions {
  id: string;
  root: string;
  format: 'text' | 'json';
}

function parseWhereArguments(args: readonly string[]): WhereOptions | 'help' {
  const line = parseCommandLine(args, { format: ['text', 'json'] });
  if (line.help) return 'help';
  const format = (line.values.format ?? 'text') as WhereOptions['format'];
  const positional = line.positionals;
  const [id, root, ...extra] = positional;
  if (id === undefined) throw new UsageError('where needs an item id');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}": give one id and one root folder`);
  return { id, root: path.resolve(root ?? '.'), format };
}

/** `truthline where …` (the arguments after `where`); the exit code. Throws UsageError for bad arguments. */
export async function runWhereCommand(args: readonly string[]): Promise<number> {
  const options = parseWhereArguments(args);
  if (options === 'help') {
    process.stdout.write(`${WHERE_USAGE}\n`);
    return 0;
  }
  const result = await runWhere(options.root, options.id);
  if (!result) {
    process.stderr.write(`truthline: no item "${options.id}" in ${path.join(options.root, ALIGNMENT_FOLDER)}\n`);
    return 1;
  }
  const displayPath = displayPathFrom(options.root);
  process.stdout.write(options.format === 'json' ? formatWhereJson(result) : formatWhereText(result, displayPath));
  return 0;
}
