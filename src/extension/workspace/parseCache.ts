// One parse per file text: a read or an editor that gives the text of the file's last parse gets that parse
// back. The model built from it then sees no change (a touched file, a checkout writing the same bytes, a
// save of what was read), and a file the watcher reports while a load is reading it is parsed once.
import { compilePathsOf, errorDetail, errorMessage, parseAlignmentFile, unreadableFile, type FileParse } from '../../core';
import { log } from '../util/log';
import { hostSlices } from '../util/timeSlices';

export class ParseCache {
  private readonly latest = new Map<string, { readonly text: string; parse: FileParse | Promise<FileParse> }>();

  /** The parse of `text` as `path`, now. */
  now(path: string, text: string): FileParse {
    const known = this.latest.get(path);
    if (known?.text === text && !(known.parse instanceof Promise)) return known.parse;
    const parse = parseGuarded(path, text);
    this.latest.set(path, { text, parse });
    return parse;
  }

  /** The parse of `text` as `path`, in a slice: reads of a whole folder come back together, and the host is served between their parses. */
  inSlices(path: string, text: string): Promise<FileParse> {
    const known = this.latest.get(path);
    if (known?.text === text) return Promise.resolve(known.parse);
    // The file's patterns are compiled in a job of their own after its parse (both cost most the first
    // time, before the code is optimized), and before the parse is handed over: not all in the rebuild.
    // A file's parse is a few milliseconds, its first ones (code not yet optimized) several times that: the
    // extension's slices of 8 ms keep a slice that ends on one of those near the 50 ms a host may be held.
    const parse = hostSlices.run(() => parseGuarded(path, text)).then((parsed) => hostSlices.run(() => {
      compilePathsOf(parsed);
      return parsed;
    }));
    const entry = { text, parse: parse as FileParse | Promise<FileParse> };
    this.latest.set(path, entry);
    void parse.then((parsed) => (entry.parse = parsed), () => this.latest.delete(path));
    return parse;
  }

  /** The file, or every file below a folder, is gone. */
  forget(path: string): void {
    for (const key of [...this.latest.keys()]) if (key === path || key.startsWith(`${path}/`)) this.latest.delete(key);
  }
}

/** Core never throws on bad input; if it ever does, the file says so instead of taking the folder down. */
function parseGuarded(path: string, text: string): FileParse {
  try {
    return parseAlignmentFile(path, text);
  } catch (error) {
    log(`could not parse ${path}: ${errorDetail(error)}`);
    return unreadableFile(path, `Truthline failed on it: ${errorMessage(error)}`);
  }
}
