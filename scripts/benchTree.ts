// The 30,000-file repository `npm run bench` scans with `truthline check` and with ripgrep: source files of
// varied languages and sizes in nested folders, a few .gitignore files (at the root and deeper), node_modules,
// binary files, files over 1 MiB, and comment tags in about 1% of the files, naming the ids of a small
// .alignment/ folder (a few name ids that do not exist: those are the problems the check reports).
// Generated once into the system's temp folder, in a folder named by a hash of this generator and its
// parameters: later runs reuse it, and a change to either makes a new one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TreeSpec {
  /** Files the check reads: not ignored, not in node_modules. */
  sourceFiles: number;
  seed: number;
}

export const BENCH_TREE: TreeSpec = { sourceFiles: 30_000, seed: 12 };

export interface BenchTree {
  root: string;
  /** Files written, bytes written, and the tags a correct scan finds (outside ignored paths). */
  files: number;
  bytes: number;
  tags: number;
  reused: boolean;
}

/** The tags are searched for with this pattern (the keywords of src/core/tags.ts, then a space or tab). */
export const TAG_PATTERN = '@(serves|risk|assumes|milestone|flag)[ \\t]';

const ALIGNMENT: Record<string, string> = {
  '.alignment/features/platform.yaml': [
    'kind: feature', 'id: platform', 'title: Platform', 'paths: [packages/]',
    'reported: { status: on-track, progress: 50, source: weekly report, asOf: 2026-11-02 }', '',
  ].join('\n'),
  '.alignment/requests/requests.yaml': Array.from({ length: 40 }, (_, i) => `- kind: request\n  id: CR-${i + 1}\n  customer: Customer ${i % 7}\n  quote: "Please make part ${i + 1} work."\n  features: [platform]`).join('\n') + '\n',
  '.alignment/risks/risks.yaml': Array.from({ length: 20 }, (_, i) => `- kind: risk\n  id: R-${i + 1}\n  risk: Part ${i + 1} fails under load\n  feature: platform\n  likelihood: medium\n  impact: high`).join('\n') + '\n',
  '.alignment/assumptions/assumptions.yaml': Array.from({ length: 10 }, (_, i) => `- kind: assumption\n  id: A-${i + 1}\n  statement: Part ${i + 1} is used daily\n  feature: platform`).join('\n') + '\n',
  '.alignment/milestones/milestones.yaml': Array.from({ length: 5 }, (_, i) => `- kind: milestone\n  id: M${i + 1}\n  title: Step ${i + 1}\n  feature: platform\n  due: 2026-12-0${i + 1}`).join('\n') + '\n',
};

/** A small deterministic random source (mulberry32), so that a seed always makes the same tree. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Language {
  ext: string;
  comment: (text: string) => string;
  lines: string[];
}

// Lines with the `@` a real tree is full of: decorators, JSDoc, e-mail addresses, npm scopes, near-tags.
const LANGUAGES: Language[] = [
  {
    ext: 'ts', comment: (text) => `// ${text}`, lines: [
      "import { Injectable } from '@angular/core';", '@Injectable()', 'export class OrderService {', '  /**',
      '   * @param id the order id', '   * @returns the order, or undefined', '   */',
      '  async find(id: string): Promise<Order | undefined> {', '    const row = await this.db.query(SQL, [id]);',
      '    if (!row) return undefined; // not found', '    return { id, total: row.total, owner: row.owner };', '  }',
      "  private readonly mail = 'support@example.com';", '  // @risky: not a tag, the keyword goes on', '}', '',
      'export const TIMEOUT_MS = 30_000;', 'for (let i = 0; i < items.length; i++) total += items[i].price * items[i].count;',
    ],
  },
  {
    ext: 'py', comment: (text) => `# ${text}`, lines: [
      'import logging', 'from dataclasses import dataclass', '', '@dataclass', 'class Invoice:', '    number: str',
      '    total: float = 0.0', '', '    @property', '    def is_paid(self) -> bool:', '        """True once settled."""',
      '        return self.paid_at is not None  # settled', "    CONTACT = 'billing@example.org'",
      '    def lines(self):', '        for line in self._lines:', '            yield line',
    ],
  },
  {
    ext: 'go', comment: (text) => `// ${text}`, lines: [
      'package payments', '', 'import (', '\t"context"', '\t"fmt"', ')', '', '// Charge takes the money.',
      'func Charge(ctx context.Context, amount int64) error {', '\tif amount <= 0 {', '\t\treturn fmt.Errorf("amount %d", amount)',
      '\t}', '\treturn provider.Charge(ctx, amount) // @flagged in review, not a tag', '}',
    ],
  },
  {
    ext: 'c', comment: (text) => `/* ${text} */`, lines: [
      '#include <stdio.h>', '#include "buffer.h"', '', 'static int grow(struct buffer *b, size_t need)', '{',
      '\tif (b->cap >= need)', '\t\treturn 0;', '\tb->data = realloc(b->data, need * 2); /* doubled */', '\treturn b->data ? 0 : -1;', '}',
    ],
  },
  {
    ext: 'md', comment: (text) => `<!-- ${text} -->`, lines: [
      '# Payments', '', 'Ask @team-payments on chat, or write to payments@example.com.', '', '- Charge the card',
      '- Keep the receipt', '', '```sh', 'npm install @scope/payments', '```', '',
    ],
  },
];

const TAGS: { keyword: string; ids: string[] }[] = [
  { keyword: 'serves', ids: Array.from({ length: 40 }, (_, i) => `CR-${i + 1}`) },
  { keyword: 'risk', ids: Array.from({ length: 20 }, (_, i) => `R-${i + 1}`) },
  { keyword: 'assumes', ids: Array.from({ length: 10 }, (_, i) => `A-${i + 1}`) },
  { keyword: 'milestone', ids: Array.from({ length: 5 }, (_, i) => `M${i + 1}`) },
];

/** Size in lines: most files are small, some are large (a log-normal spread, median ~300 lines). */
function lineCount(next: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.max(3, Math.min(25_000, Math.round(Math.exp(5.7 + 1.1 * normal))));
}

// One `@` in about 900 bytes, as in the third-party code of this repository's node_modules (counted once).
const AT_LINE_CHANCE = 0.04;

function sourceText(next: () => number, language: Language, lines: number, tagLines: string[]): string {
  const out: string[] = [];
  const tagAt = new Set(tagLines.map(() => Math.floor(next() * lines)));
  const plain = language.lines.filter((line) => !line.includes('@'));
  const withAt = language.lines.filter((line) => line.includes('@'));
  let tag = 0;
  for (let i = 0; i < lines; i++) {
    if (tagAt.has(i) && tag < tagLines.length) out.push(language.comment(tagLines[tag++] as string));
    const pool = withAt.length > 0 && next() < AT_LINE_CHANCE ? withAt : plain;
    out.push(pool[Math.floor(next() * pool.length)] as string);
  }
  while (tag < tagLines.length) out.push(language.comment(tagLines[tag++] as string));
  return out.join(next() < 0.1 ? '\r\n' : '\n') + '\n';
}

/** Every file of the tree: path and content. Ignored files hold tags too: a correct scan never reports them. */
function* treeFiles(spec: TreeSpec): Generator<[string, string | Buffer]> {
  const next = random(spec.seed);
  yield* Object.entries(ALIGNMENT);
  yield ['.gitignore', 'node_modules/\ndist/\n*.log\ncoverage/\n'];
  const packages = Math.ceil(spec.sourceFiles / 1_000);
  for (let p = 0; p < packages; p++) {
    if (p % 5 === 0) yield [`packages/pkg-${p}/.gitignore`, 'generated/\n*.tmp\n!keep.tmp\n'];
    if (p % 3 === 0) {
      for (let n = 0; n < 50; n++) yield [`packages/pkg-${p}/node_modules/dep-${n}/index.js`, `// @serves CR-999\nmodule.exports = ${n};\n`];
    }
    yield [`packages/pkg-${p}/dist/bundle.js`, '// @serves CR-998\n'.repeat(200)];
    yield [`packages/pkg-${p}/debug.log`, '@risk R-999 in a log\n'];
    if (p % 5 === 0) yield [`packages/pkg-${p}/src/generated/types.ts`, '// @serves CR-997\n'];
  }
  for (let i = 0; i < spec.sourceFiles; i++) {
    const p = i % packages;
    const folder = `packages/pkg-${p}/src/area-${Math.floor(i / packages) % 12}/part-${Math.floor(i / (packages * 12)) % 4}${i % 7 === 0 ? '/deep/er' : ''}`;
    if (i % 150 === 75) { // a binary file, with a tag-like run of bytes that must not be reported
      const bytes = Buffer.alloc(2048 + Math.floor(next() * 30_000));
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(next() * 256);
      bytes.write('// @serves CR-996\n', 100);
      yield [`${folder}/image-${i}.png`, bytes];
      continue;
    }
    const language = LANGUAGES[i % LANGUAGES.length] as Language;
    const tagLines: string[] = [];
    if (next() < 0.01) {
      for (let t = 1 + Math.floor(next() * 3); t > 0; t--) {
        const { keyword, ids } = TAGS[Math.floor(next() * TAGS.length)] as (typeof TAGS)[number];
        // One tag in ten names an id that does not exist: the check reports it.
        tagLines.push(`@${keyword} ${next() < 0.1 ? `${ids[0]?.replace(/\d+$/, '')}9${i}` : ids[Math.floor(next() * ids.length)]}`);
      }
    }
    const lines = i % 5_000 === 4_999 ? 40_000 : lineCount(next); // a few files over 1 MiB: skipped by both
    yield [`${folder}/file-${i}.${language.ext}`, sourceText(next, language, lines, tagLines)];
  }
}

/** Counts what a scan should find: tag lines outside ignored places and binary files, in files up to 1 MiB. */
function countTags(file: string, content: string | Buffer): number {
  if (typeof content !== 'string' || content.length > 1024 * 1024) return 0;
  if (/(^|\/)(node_modules|dist|generated)\/|\.log$/.test(file)) return 0;
  return content.match(/@(serves|risk|assumes|milestone|flag)[ \t]/g)?.length ?? 0;
}

/** The tree for `spec`, generated on first use (a few seconds to a minute) and reused after. */
export function benchTree(spec: TreeSpec = BENCH_TREE): BenchTree {
  const hash = createHash('sha256').update(JSON.stringify(spec)).update(readFileSync(__filename)).digest('hex').slice(0, 12);
  const root = path.join(os.tmpdir(), `truthline-bench-tree-${hash}`);
  const summary = path.join(root, '.bench-tree.json');
  if (existsSync(summary)) return { ...(JSON.parse(readFileSync(summary, 'utf8')) as Omit<BenchTree, 'reused'>), root, reused: true };
  const building = `${root}.part-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  let tags = 0;
  const made = new Set<string>();
  for (const [file, content] of treeFiles(spec)) {
    const folder = path.dirname(path.join(building, file));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(building, file), content);
    files++;
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    tags += countTags(file, content);
  }
  writeFileSync(path.join(building, '.bench-tree.json'), JSON.stringify({ files, bytes, tags }) + '\n');
  rmSync(root, { recursive: true, force: true });
  renameSync(building, root);
  return { root, files, bytes, tags, reused: false };
}

if (require.main === module) {
  const tree = benchTree();
  console.log(`${tree.root}: ${tree.files} files, ${(tree.bytes / 1024 / 1024).toFixed(0)} MiB, ${tree.tags} tags${tree.reused ? ' (reused)' : ''}`);
}
