import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildModel, checkGlobPattern, compileGlob, compilePathsOf, matchesGlobList, MAX_GLOB_LENGTH, normalizePath, PathIndex, type FileParse, type LoadedItem } from '../../src/core';
import { parse, yaml } from './helpers';

const matches = (patterns: readonly string[], path: string): boolean => matchesGlobList(patterns.map(compileGlob), path);

/** The paths among `paths` that `patterns` cover, through matchesGlobList and through a PathIndex. */
function covered(patterns: readonly string[], paths: readonly string[]): string[] {
  const naive = paths.filter((path) => matches(patterns, path));
  const index = new PathIndex([{ owner: 'owner', paths: patterns }]);
  const indexed = paths.filter((path) => index.lookup(path).length > 0);
  assert.deepEqual(indexed, naive, `PathIndex and matchesGlobList disagree on ${JSON.stringify(patterns)}`);
  return naive;
}

const REPO = [
  'README.md',
  'docs/guide.md',
  'src/app.ts',
  'src/app.tsx',
  'src/docs/api.md',
  'src/api/users.ts',
  'src/api/v1/orders.ts',
  'src/payments/charge.ts',
  'src/payments/deep/refund.ts',
  'src/payments-old/charge.ts',
  'src/payments/gen/client.ts',
  'src/payments/gen/keep.ts',
  'lib/src/app.ts',
  '.github/workflows/ci.yml',
  'test/a.spec.ts',
  'src/x/y/b.spec.ts',
];

describe('globs (CODEOWNERS-like)', () => {
  it('matches a name without a slash at any depth', () => {
    assert.deepEqual(covered(['*.ts'], REPO), ['src/app.ts', 'src/api/users.ts', 'src/api/v1/orders.ts', 'src/payments/charge.ts', 'src/payments/deep/refund.ts', 'src/payments-old/charge.ts', 'src/payments/gen/client.ts', 'src/payments/gen/keep.ts', 'lib/src/app.ts', 'test/a.spec.ts', 'src/x/y/b.spec.ts']);
    assert.deepEqual(covered(['docs'], REPO), ['docs/guide.md', 'src/docs/api.md']);
    assert.deepEqual(covered(['app.ts'], REPO), ['src/app.ts', 'lib/src/app.ts']);
  });

  it('matches dot files and dot folders', () => {
    assert.deepEqual(covered(['*.yml'], REPO), ['.github/workflows/ci.yml']);
    assert.deepEqual(covered(['/.github/'], REPO), ['.github/workflows/ci.yml']);
  });

  it('anchors a pattern that starts with or contains a slash at the root', () => {
    assert.deepEqual(covered(['/src/app.ts'], REPO), ['src/app.ts']);
    assert.deepEqual(covered(['src/app.ts'], REPO), ['src/app.ts']);
    assert.deepEqual(covered(['./src/app.ts'], REPO), ['src/app.ts']);
    assert.deepEqual(covered(['src/api/*.ts'], REPO), ['src/api/users.ts']);
    assert.deepEqual(covered(['/README.md'], REPO), ['README.md']);
  });

  it('lets a pattern naming a folder cover everything below it, with or without a trailing slash', () => {
    const below = ['src/payments/charge.ts', 'src/payments/deep/refund.ts', 'src/payments/gen/client.ts', 'src/payments/gen/keep.ts'];
    assert.deepEqual(covered(['src/payments/'], REPO), below);
    assert.deepEqual(covered(['src/payments'], REPO), below);
    assert.deepEqual(covered(['/src/payments'], REPO), below);
    assert.deepEqual(covered(['src/api'], REPO), ['src/api/users.ts', 'src/api/v1/orders.ts']);
  });

  it('takes ** as any number of folders, * and ? within a name, {a,b} as alternatives', () => {
    assert.deepEqual(covered(['src/**/*.spec.ts'], REPO), ['src/x/y/b.spec.ts']);
    assert.deepEqual(covered(['**/*.spec.ts'], REPO), ['test/a.spec.ts', 'src/x/y/b.spec.ts']);
    assert.deepEqual(covered(['src/**/charge.ts'], REPO), ['src/payments/charge.ts', 'src/payments-old/charge.ts']);
    assert.deepEqual(covered(['src/app.ts?'], REPO), ['src/app.tsx']);
    assert.deepEqual(covered(['{docs,test}/'], REPO), ['docs/guide.md', 'src/docs/api.md', 'test/a.spec.ts'], 'no inner slash: any depth');
    assert.deepEqual(covered(['/{docs,test}/'], REPO), ['docs/guide.md', 'test/a.spec.ts']);
    assert.deepEqual(covered(['src/*/charge.ts'], REPO), ['src/payments/charge.ts', 'src/payments-old/charge.ts']);
  });

  it('excludes with !, the last matching pattern winning', () => {
    const all = ['src/payments/charge.ts', 'src/payments/deep/refund.ts', 'src/payments/gen/client.ts', 'src/payments/gen/keep.ts'];
    assert.deepEqual(covered(['src/payments/', '!src/payments/gen/'], all), ['src/payments/charge.ts', 'src/payments/deep/refund.ts']);
    assert.deepEqual(covered(['src/payments/', '!src/payments/gen/', 'src/payments/gen/keep.ts'], all), ['src/payments/charge.ts', 'src/payments/deep/refund.ts', 'src/payments/gen/keep.ts']);
    assert.deepEqual(covered(['!src/payments/gen/', 'src/payments/'], all), all, 'an exclusion before the inclusion decides nothing');
    assert.deepEqual(covered(['!src/payments/'], all), [], 'exclusions alone cover nothing');
    assert.deepEqual(covered(['*.ts', '!refund.ts'], all), ['src/payments/charge.ts', 'src/payments/gen/client.ts', 'src/payments/gen/keep.ts']);
  });

  it('accepts Windows separators and ./ in paths and patterns', () => {
    assert.equal(normalizePath('.\\src\\app.ts'), 'src/app.ts');
    assert.equal(normalizePath('/src/app.ts'), 'src/app.ts');
    assert.equal(normalizePath('./src/app.ts'), 'src/app.ts');
    assert.ok(matches(['src\\payments\\'], 'src/payments/charge.ts'));
    const index = new PathIndex([{ owner: 'payments', paths: ['src/payments/'] }]);
    assert.deepEqual(index.lookup('src\\payments\\charge.ts'), ['payments']);
    assert.deepEqual(index.lookup('./src/payments/charge.ts'), ['payments']);
  });

  it('marks exclusions as negated', () => {
    assert.equal(compileGlob('!src/gen/x.ts').negated, true);
    assert.equal(compileGlob('src/gen/x.ts').negated, false);
    assert.equal(compileGlob('!src/gen/x.ts').test('src/gen/x.ts'), true, 'test() matches; the list decides what a match means');
  });

  it('does not throw on degenerate patterns', () => {
    for (const pattern of ['/', '!', '//', ' ', '[', '{', '***', '\\', '!!x', 'a/**/']) {
      assert.doesNotThrow(() => new PathIndex([{ owner: 1, paths: [pattern] }]).lookup('src/app.ts'), pattern);
    }
  });

  describe('checkGlobPattern: patterns that cannot be used', () => {
    it('accepts ordinary patterns, groups and ranges included', () => {
      for (const pattern of ['src/payments/', '*.ts', '!src/gen/', '/README.md', 'src/**/*.spec.ts', '{docs,test}/', 'src/app.ts?', '[abc].ts', '@(a|b).ts', '!(x).md', 'a}', 'a]', 'a(b', 'a[b', '\\src\\x', ' ', '!', '/']) {
        assert.equal(checkGlobPattern(pattern), undefined, pattern);
        assert.equal(compileGlob(pattern).error, undefined, pattern);
      }
      assert.equal(checkGlobPattern('x'.repeat(MAX_GLOB_LENGTH)), undefined);
    });

    it('refuses a pattern longer than the limit, saying how long it is (picomatch throws from 65,536)', () => {
      const error = checkGlobPattern(`src/${'a'.repeat(70_002)}`);
      assert.equal(error, 'the pattern is 70,006 characters long, and a pattern may have at most 1,024: split it into shorter patterns');
      assert.match(checkGlobPattern('['.repeat(60_000)) ?? '', /60,000 characters long/, 'V8: "Regular expression too large"');
      assert.match(checkGlobPattern('x'.repeat(MAX_GLOB_LENGTH + 1)) ?? '', /1,025 characters long/);
    });

    it('refuses patterns whose matching would take exponential or high polynomial time', () => {
      const groups = 'the pattern has 38 "{…}" and "(…)" groups, and a pattern may have at most 8 (matching takes time exponential in their number): split it into several patterns';
      assert.equal(checkGlobPattern(`src/${'{,}'.repeat(38)}`), groups, '2^38 ways to try a path');
      assert.match(checkGlobPattern('('.repeat(1_000)) ?? '', /1,000 "\{…\}" and "\(…\)" groups/, 'picomatch escapes unclosed "(" in quadratic time');
      assert.match(checkGlobPattern('?(a)'.repeat(9)) ?? '', /9 "\{…\}" and "\(…\)" groups/);
      assert.equal(checkGlobPattern('{a,b}/{c,d}/{e,f}/{g,h}/*.{ts,tsx,js,jsx}'), undefined);
      assert.equal(checkGlobPattern('src/*(a|b).ts'), 'the pattern repeats a group with "*(…)", which can make matching take exponential time: write the alternatives out with "{a,b}", or use "*"');
      assert.match(checkGlobPattern('+(a|aa)b') ?? '', /repeats a group with "\+\(…\)"/);
      assert.equal(checkGlobPattern('a/**/b/**/c/**/d/*'), 'the pattern has 4 "*" and "**" wildcards, and a pattern may have at most 3 (matching takes time that grows with the power of their number): name more of the folders, or split it into several patterns');
      assert.match(checkGlobPattern('src/*a*a*a*b') ?? '', /has 4 "\*" and "\*\*" wildcards/, 'four stars in a name take seconds on a long name');
      assert.equal(checkGlobPattern('**/{a,}{b,}{c,}/**/*.ts'), 'the pattern has 3 "{…}" and "(…)" groups and 3 "*" and "**" wildcards: together they could make matching take seconds; use fewer groups or wildcards, or split it into several patterns');
      for (const pattern of ['**/__tests__/**', 'src/**/*.test.*', 'src/**/*.{spec,test}.ts', '**/{a,b}/{c,d}/**', '*-*-*.md', 'a/**/**/b', '***', 'src/[*][*][*][*][*]', '!**/gen/**/*.ts', '{a,b}/{c,d}/{e,f}/{g,h}/*.{ts,tsx,js,jsx}']) {
        assert.equal(checkGlobPattern(pattern), undefined, pattern);
      }
    });

    it('refuses what the glob compiler would silently turn into a pattern matching nothing, and says where to look', () => {
      assert.equal(checkGlobPattern('src/{a,b'), 'the pattern cannot be compiled (unterminated group): the "{" at character 5 is never closed: close it with "}", or write "[{]" for a literal "{"');
      assert.match(checkGlobPattern('a{b') ?? '', /the "\{" at character 2 is never closed/);
      assert.match(checkGlobPattern('{{a,b}') ?? '', /the "\{" at character 1 is never closed/);
      assert.equal(checkGlobPattern('src/[z-a].ts'), 'the pattern cannot be compiled (range out of order in character class): check its "[...]" ranges, "{...}" alternatives and "(...)" groups');
      assert.equal(checkGlobPattern('src/!(a'), 'the pattern cannot be compiled (unterminated group): the "(" at character 6 is never closed: close it with ")", or write "[(]" for a literal "("');
      assert.equal(checkGlobPattern('[[:alpha:]'), 'the pattern cannot be compiled (unterminated character class): the "[" at character 1 is never closed: close it with "]", or write "[[]" for a literal "["');
      assert.ok(matches(['a[{]b', 'a[(]b', 'a[[]b'], 'a{b') && matches(['a[(]b'], 'a(b') && matches(['a[[]b'], 'a[b'), 'the literal forms the messages suggest');
    });

    it('makes compileGlob give an unusable pattern that matches nothing instead of throwing', () => {
      for (const pattern of [`src/${'a'.repeat(70_002)}`, '['.repeat(60_000), '('.repeat(60_000), '!'.repeat(60_000) + 'x', 'src/{a,b', '[z-a]', 'src/!(a', '{,}'.repeat(38), '*a*a*a*a*b', '**/{,}{,}{,}a/**/a*']) {
        const glob = compileGlob(pattern);
        assert.equal(glob.error, checkGlobPattern(pattern), pattern.slice(0, 20));
        assert.ok(glob.error, pattern.slice(0, 20));
        assert.equal(glob.test('src/a.ts'), false);
        assert.equal(glob.test(pattern), false);
      }
    });

    it('keeps unusable patterns out of a PathIndex; the others of the same owner still apply', () => {
      const index = new PathIndex([
        { owner: 'payments', paths: ['src/payments/', `src/${'('.repeat(70_000)}`, '!src/payments/{gen', 'src/[z-a]/'] },
        { owner: 'docs', paths: ['['.repeat(60_000), 'docs/'] },
      ]);
      assert.deepEqual(index.lookup('src/payments/charge.ts'), ['payments']);
      assert.deepEqual(index.lookup('src/payments/{gen/x.ts'), ['payments'], 'an unusable exclusion excludes nothing');
      assert.deepEqual(index.lookup('docs/guide.md'), ['docs']);
      assert.deepEqual(index.unusable.map((entry) => [entry.owner, entry.order]), [['payments', 1], ['payments', 2], ['payments', 3], ['docs', 0]]);
    });

    it('lets buildModel cope with unusable patterns that no schema refused, and say why they match nothing', () => {
      const template = parse(yaml('kind: feature', 'id: template', 'title: Template')).items[0] as LoadedItem<'feature'>;
      const paths = ['src/', `src/${'a'.repeat(70_002)}`, 'src/{a,b', '['.repeat(60_000)];
      const entry: LoadedItem = { ...template, id: 'odd', item: { ...template.item, id: 'odd', paths } };
      const file: FileParse = { ...parse(''), file: entry.file, items: [entry], problems: [] };
      const model = buildModel([file], { repoFiles: ['src/a.ts'] });
      assert.deepEqual(model.pathIndex.lookup('src/a.ts'), [entry]);
      const messages = model.problems.filter((problem) => problem.code === 'glob-matches-nothing').map((problem) => problem.message);
      assert.deepEqual(messages, [
        `"src/${'a'.repeat(76)}…" matches no file: the pattern is 70,006 characters long, and a pattern may have at most 1,024: split it into shorter patterns`,
        '"src/{a,b" matches no file: the pattern cannot be compiled (unterminated group): the "{" at character 5 is never closed: close it with "}", or write "[{]" for a literal "{"',
        `"${'['.repeat(80)}…" matches no file: the pattern is 60,000 characters long, and a pattern may have at most 1,024: split it into shorter patterns`,
      ]);
    });

    it('never throws, and agrees with compileGlob (generated patterns)', function () {
      this.timeout(60_000);
      const piece = fc.oneof(
        fc.constantFrom('*', '**', '?', '/', '!', '.', 'a', 'src', '-', ',', '|', '+', '@', '$', '^', '\\', ' ', ':'),
        fc.constantFrom('[', ']', '{', '}', '(', ')', '[!', '[^', '[a-z]', '[z-a]', '[[:alpha:]]', '{a,b}', '{,}', '{1..3}', '@(', '!(', '+(', '*(', '?('),
        fc.string({ maxLength: 3 }),
      );
      const pattern = fc.oneof(
        { weight: 8, arbitrary: fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')) },
        { weight: 1, arbitrary: fc.tuple(piece, fc.integer({ min: 1, max: 3_000 })).map(([unit, times]) => unit.repeat(times)) },
      );
      fc.assert(fc.property(pattern, (raw) => {
        const error = checkGlobPattern(raw);
        const glob = compileGlob(raw);
        assert.equal(glob.error, error);
        for (const path of ['src/a.ts', 'a', '.x/y', raw]) {
          const matched = glob.test(path);
          if (error !== undefined) assert.equal(matched, false);
        }
        new PathIndex([{ owner: 0, paths: [raw, 'src/'] }]).lookup('src/a.ts');
      }), { seed: 1616, numRuns: 400 });
    });
  });

  describe('PathIndex', () => {
    it('returns every covering owner once, in the order owners were given', () => {
      const index = new PathIndex([
        { owner: 'checkout', paths: ['src/checkout/', 'src/shared/money.ts'] },
        { owner: 'tests', paths: ['*.spec.ts'] },
        { owner: 'payments', paths: ['src/payments/', '!src/payments/gen/'] },
        { owner: 'money', paths: ['src/shared/'] },
      ]);
      assert.deepEqual(index.lookup('src/shared/money.ts'), ['checkout', 'money']);
      assert.deepEqual(index.lookup('src/checkout/pay.spec.ts'), ['checkout', 'tests']);
      assert.deepEqual(index.lookup('src/payments/charge.ts'), ['payments']);
      assert.deepEqual(index.lookup('src/payments/gen/client.ts'), []);
      assert.deepEqual(index.lookup('src/payments/gen/client.spec.ts'), ['tests']);
      assert.deepEqual(index.lookup('README.md'), []);
    });

    it('gives the same answer as matchesGlobList over all owners (generated patterns and paths)', function () {
      // 200 indexes are compiled: ~1 s on a quiet machine, several under load; not a timing test.
      this.timeout(60_000);
      const stats = { pairs: 0, covered: 0, excludedByLaterNegation: 0 };
      for (const seed of [1, 7, 42, 1234, 99991]) {
        const random = seededRandom(seed);
        const files = Array.from({ length: 60 }, () => randomPath(random));
        for (let round = 0; round < 40; round++) {
          const owners = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, owner) => ({
            owner,
            paths: Array.from({ length: 1 + Math.floor(random() * 4) }, () => randomPattern(random)),
          }));
          const index = new PathIndex(owners);
          for (const file of files) {
            const naive = owners.filter(({ paths }) => matches(paths, file)).map(({ owner }) => owner);
            assert.deepEqual(index.lookup(file), naive, `${file} with ${JSON.stringify(owners.map(({ paths }) => paths))}`);
            stats.pairs += owners.length;
            stats.covered += naive.length;
            stats.excludedByLaterNegation += owners.filter(({ paths }) => !matches(paths, file) && paths.some((pattern) => !pattern.startsWith('!') && compileGlob(pattern).test(file))).length;
          }
        }
      }
      // The generator must exercise both outcomes and exclusions, or the comparison proves little.
      assert.ok(stats.covered > stats.pairs / 20, JSON.stringify(stats));
      assert.ok(stats.covered < stats.pairs / 2, JSON.stringify(stats));
      assert.ok(stats.excludedByLaterNegation > 100, JSON.stringify(stats));
    });
  });
});

/** A small deterministic generator (LCG), so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

// Folders never contain a dot-extension and files always do, so no path is both a file and a folder,
// as in a real repository.
const FOLDERS = ['src', 'lib', 'payments', 'api', 'test', '.github', 'a-b'];
const FILES = ['index.ts', 'app.tsx', 'README.md', '.env', 'x.spec.ts', 'ci.yml'];
const WILD_FOLDERS = ['*', '**', 'pay*', '{src,lib}', 'ap?'];
const WILD_LAST = ['*', '**', '*.ts', '*.md', '*.spec.ts', '{index,app}.ts*'];

function randomPath(random: () => number): string {
  const folders = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, FOLDERS));
  return [...folders, pick(random, FILES)].join('/');
}

function randomPattern(random: () => number): string {
  const folders = Array.from({ length: Math.floor(random() * 3) }, () => pick(random, random() < 0.6 ? FOLDERS : WILD_FOLDERS));
  const last = pick(random, [FOLDERS, FILES, WILD_LAST][Math.floor(random() * 3)] as readonly string[]);
  let pattern = [...folders, last].join('/');
  const prefix = random();
  if (prefix < 0.2) pattern = `/${pattern}`;
  else if (prefix < 0.3) pattern = `./${pattern}`;
  if (random() < 0.2) pattern = `${pattern}/`;
  if (random() < 0.25) pattern = `!${pattern}`;
  return pattern;
}

describe('compilePathsOf: a file\'s patterns compiled ahead of the index', () => {
  it('never throws, whatever the paths hold, and the index answers the same after it', () => {
    const text = yaml(
      '- kind: feature', '  id: ahead', '  title: Ahead', '  paths: [src/ahead-of-index/**, "!src/ahead-of-index/gen/", "a{b", "[z-a]"]',
      '- kind: feature', '  id: odd', '  title: Odd', '  paths: 5',
      '- kind: feature', '  id: long', '  title: Long', `  paths: ["${'x/'.repeat(40_000)}"]`,
      '- kind: risk', '  id: R-1', '  risk: Slow', '  likelihood: low', '  impact: low', '  paths: [lib/ahead.ts]',
    );
    const cold = buildModel([parse(text)]).pathIndex;
    const file = parse(text);
    compilePathsOf(file);
    const warm = buildModel([file]).pathIndex;
    for (const path of ['src/ahead-of-index/a.ts', 'src/ahead-of-index/gen/b.ts', 'lib/ahead.ts', 'ab', 'x/x/x']) {
      assert.deepEqual(warm.lookup(path).map((entry) => entry.id), cold.lookup(path).map((entry) => entry.id), path);
    }
    assert.deepEqual(warm.lookup('src/ahead-of-index/a.ts').map((entry) => entry.id), ['ahead']);
    assert.deepEqual(warm.lookup('lib/ahead.ts').map((entry) => entry.id), ['R-1']);
  });
});
