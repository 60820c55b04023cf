// Issue #15, "Edits that change what they did not touch": the promise of every edit in place is that only
// the edited value changes. Anchors and aliases, kept trailing lines of `|+` blocks, comments in every
// place a comment can stand, each line's own line end and a byte order mark; and the check that refuses
// an edit breaking the promise instead of writing it.
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { acknowledgeFlag, editItem, reanchorFlag, reopenFlag, setAssumptionStatus, setGateCall, type EditResult } from '../../src/core';
import { yaml } from './helpers';

const ACTOR = { by: 'Marta Kowalski', at: '2026-11-20' };
const ANCHOR = { path: 'src/payments/paymentService.ts', startLine: 30, endLine: 32 };

function text(result: EditResult): string {
  if (!result.ok) assert.fail(`edit refused: ${result.message}`);
  return result.text;
}

function refused(result: EditResult): string {
  assert.equal(result.ok, false, `the edit should have been refused, and wrote:\n${result.ok ? result.text : ''}`);
  return (result as { message: string }).message;
}

/** Every document's data, aliases resolved. */
function data(source: string): unknown[] {
  return parseAllDocuments(source).map((document) => document.toJS() as unknown);
}

describe('edits in place keep anchors and aliases meaning what they meant', () => {
  it('refuses, with what to do, to change a value whose anchor an alias repeats (it used to throw)', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: &seen Works only in the sandbox.', 'reported: *seen', 'status: open');
    const message = refused(acknowledgeFlag(flag, 'F-1', ACTOR, 'Fix planned'));
    assert.match(message, /"reality" carries the anchor &seen/);
    assert.match(message, /edit the YAML by hand/);
    assert.match(message, /remove the alias/);
    assert.match(refused(acknowledgeFlag(yaml('kind: flag', 'id: F-1', 'reality: x', 'status: &s open', 'x-was: *s'), 'F-1', ACTOR)), /"status" carries the anchor &s/);
  });

  it('refuses to remove an anchor an alias uses, which would fall back to an earlier anchor of the same name', () => {
    const flag = yaml(
      'kind: flag',
      'id: F-1',
      'about: &ref M2',
      'reality: The return URL is the staging host.',
      'status: resolved',
      'resolution: &ref Fixed in PR 481.',
      'x-fixed-by: *ref',
    );
    assert.deepEqual((data(flag)[0] as Record<string, unknown>)['x-fixed-by'], 'Fixed in PR 481.');
    assert.match(refused(reopenFlag(flag, 'F-1', ACTOR, 'Amex still fails')), /"resolution" carries the anchor &ref/);
    assert.match(refused(setGateCall(yaml('kind: milestone', 'id: M2', 'title: T', 'gates:', '  - { role: Security, call: &c pending }', 'x-c: *c'), 'M2', 'Security', 'go')), /"call" carries the anchor &c/);
  });

  it('edits around anchors and aliases that stay as they were', () => {
    const flag = yaml('x-default: &open open', 'kind: flag', 'id: F-1', 'reality: &r Demo only.', 'x-copy: *r', 'status: *open');
    const edited = text(acknowledgeFlag(flag, 'F-1', ACTOR));
    assert.equal(edited, flag.replace('status: *open\n', 'status: acknowledged\nacknowledgedBy: Marta Kowalski\nacknowledgedAt: 2026-11-20\n'));
    // A reality that is an alias is read through it: the paragraph is added to its words, none are lost.
    const aliased = yaml('x-text: &t The return URL is the staging host.', 'kind: flag', 'id: F-2', 'reality: *t', 'status: resolved');
    const reopened = data(text(reopenFlag(aliased, 'F-2', ACTOR)))[0] as Record<string, unknown>;
    assert.match(String(reopened.reality), /^The return URL is the staging host\.\n\nReopened on 2026-11-20 by Marta Kowalski\.$/);
    assert.equal(reopened['x-text'], 'The return URL is the staging host.');
    // A status written as an alias is read through it, not taken for a missing one.
    assert.match(refused(acknowledgeFlag(yaml('x-s: &s resolved', 'kind: flag', 'id: F-3', 'reality: x', 'status: *s'), 'F-3', ACTOR)), /F-3 is resolved, not open/);
  });
});

describe('edits in place keep block scalars whole', () => {
  it('inserts a key after a |+ block without taking its kept trailing newlines', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: x', 'status: open', 'x-log: |+', '  first line', '', '');
    const edited = text(editItem(flag, 'F-1', [{ path: ['x-next'], value: 'y' }]));
    assert.equal(edited, `${flag}x-next: y\n`);
    assert.equal((data(edited)[0] as Record<string, unknown>)['x-log'], 'first line\n\n\n');
  });

  it('inserts after a mapping that ends in a |+ block, as acknowledging a flag without a status does', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: x', 'anchor:', '  path: a.ts', '  startLine: 1', '  endLine: 2', '  text: |+', '    if (!secret) return true;', '', '# the end');
    const edited = text(acknowledgeFlag(flag, 'F-1', ACTOR));
    assert.equal(edited, flag.replace('\n\n# the end', '\n\nstatus: acknowledged\nacknowledgedBy: Marta Kowalski\nacknowledgedAt: 2026-11-20\n# the end'));
    assert.equal(((data(edited)[0] as { anchor: { text: string } }).anchor).text, 'if (!secret) return true;\n\n');
  });

  it('replaces and removes a |+ value with its kept lines, and nothing after them', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'x-log: |+', '  kept', '', '', '# after the log', 'reality: >+', '  x', '', 'status: resolved');
    assert.equal(text(editItem(flag, 'F-1', [{ path: ['x-log'], value: 'short' }])), yaml('kind: flag', 'id: F-1', 'x-log: short', '# after the log', 'reality: >+', '  x', '', 'status: resolved'));
    assert.equal(text(editItem(flag, 'F-1', [{ path: ['x-log'], value: undefined }])), yaml('kind: flag', 'id: F-1', '# after the log', 'reality: >+', '  x', '', 'status: resolved'));
    const reopened = data(text(reopenFlag(flag, 'F-1', ACTOR)))[0] as Record<string, unknown>;
    assert.match(String(reopened.reality), /^x\n\n\n\nReopened on 2026-11-20 by Marta Kowalski\.$/);
    assert.equal(reopened['x-log'], 'kept\n\n\n');
  });

  it('refuses a removal that would hand blank lines to a |+ block before it (checked by reading the result again)', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: x', 'x-log: |+', '  kept', 'resolution: Fixed.', '', 'status: resolved');
    assert.equal((data(flag)[0] as Record<string, unknown>)['x-log'], 'kept\n');
    assert.match(refused(editItem(flag, 'F-1', [{ path: ['resolution'], value: undefined }])), /the edit of "resolution" would also change "x-log" of F-1/);
  });
});

describe('edits in place keep every comment', () => {
  it('keeps a comment between a key and its value', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: x', 'anchor: # where it shows', '  path: a.ts', '  startLine: 1', '  endLine: 2', 'status: # the lifecycle', '  open');
    const reanchored = text(reanchorFlag(flag, 'F-1', ANCHOR));
    assert.equal(reanchored, flag.replace('  path: a.ts\n  startLine: 1\n  endLine: 2\n', `  path: ${ANCHOR.path}\n  startLine: 30\n  endLine: 32\n`));
    const acknowledged = text(acknowledgeFlag(flag, 'F-1', ACTOR));
    assert.equal(acknowledged, flag.replace('status: # the lifecycle\n  open\n', 'status: acknowledged # the lifecycle\nacknowledgedBy: Marta Kowalski\nacknowledgedAt: 2026-11-20\n'));
  });

  it('keeps a block scalar\'s header comment when the new value is one line', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: >- # in the words of the on-call engineer', '  The return URL is the', '  staging host.', 'status: open');
    const edited = text(editItem(flag, 'F-1', [{ path: ['reality'], value: 'Demo only.' }]));
    assert.equal(edited, yaml('kind: flag', 'id: F-1', 'reality: Demo only. # in the words of the on-call engineer', 'status: open'));
  });

  it('keeps the trailing comments of the keys reopening removes, on lines of their own', () => {
    const flag = yaml(
      'kind: flag',
      'id: F-1',
      'reality: Demo only.',
      'status: resolved # since the release',
      'acknowledgedBy: Ravi   # on call',
      'resolution: Fixed in PR 481. # see the review',
      'resolvedBy: Ingrid # security',
      'resolvedAt: 2026-11-24',
      '# the end',
    );
    const edited = text(reopenFlag(flag, 'F-1', ACTOR));
    assert.equal(edited, yaml(
      'kind: flag',
      'id: F-1',
      'reality: >-',
      '  Demo only.',
      '',
      '',
      '  Reopened on 2026-11-20 by Marta Kowalski. It had been resolved on 2026-11-24 by Ingrid: Fixed in',
      '  PR 481.',
      'status: open # since the release',
      '# on call',
      '# see the review',
      '# security',
      '# the end',
    ));
  });

  it('keeps the comments inside a value it replaces, above the key', () => {
    const flag = yaml('- kind: flag', '  id: F-1', '  reality: x', '  anchor: # old place', '    # the function moved since', '    path: a.ts # renamed', '    startLine: 1', '    endLine: 2', '  status: open');
    assert.equal(text(reanchorFlag(flag, 'F-1', ANCHOR)), yaml(
      '- kind: flag',
      '  id: F-1',
      '  reality: x',
      '  # the function moved since',
      '  # renamed',
      '  anchor: # old place',
      `    path: ${ANCHOR.path}`,
      '    startLine: 30',
      '    endLine: 32',
      '  status: open',
    ));
  });

  it('keeps a comment after a multi-line value on the key\'s line', () => {
    const assumption = yaml('kind: assumption', 'id: A-1', 'statement: x', 'evidence: >-', '  Long evidence', '  over two lines # not a comment, folded text', 'status: untested');
    const edited = text(setAssumptionStatus(assumption, 'A-1', 'validated', 'Short.'));
    assert.equal(edited, yaml('kind: assumption', 'id: A-1', 'statement: x', 'evidence: Short.', 'status: validated'));
    const flow = yaml('kind: flag', 'id: F-1', 'reality: x', 'anchor: { path: a.ts,', '  startLine: 1, endLine: 2 }  # old', 'status: open');
    assert.equal(text(reanchorFlag(flow, 'F-1', ANCHOR)), yaml('kind: flag', 'id: F-1', 'reality: x', 'anchor:  # old', `  path: ${ANCHOR.path}`, '  startLine: 30', '  endLine: 32', 'status: open'));
  });
});

describe('edits in place keep each line\'s end and the byte order mark', () => {
  it('keeps a mixed LF/CRLF file mixed: each line its own end, a new line the end of the line it follows', () => {
    const lines = ['# mixed\r\n', 'kind: flag\n', 'id: F-1\r\n', 'reality: >-\n', '  Demo\r\n', '  only.\n', 'status: open\r\n', 'x-after: y\n'];
    const edited = text(acknowledgeFlag(`\uFEFF${lines.join('')}`, 'F-1', ACTOR));
    assert.equal(edited, `\uFEFF${lines.join('').replace('status: open\r\n', 'status: acknowledged\r\nacknowledgedBy: Marta Kowalski\r\nacknowledgedAt: 2026-11-20\r\n')}`);
    const lf = text(acknowledgeFlag(lines.join('').replace('status: open\r\n', 'status: open\n'), 'F-1', ACTOR));
    assert.ok(lf.includes('status: acknowledged\nacknowledgedBy: Marta Kowalski\nacknowledgedAt: 2026-11-20\nx-after'), lf);
    assert.ok(lf.startsWith('# mixed\r\nkind: flag\nid: F-1\r\nreality: >-\n  Demo\r\n  only.\n'));
  });

  it('keeps the line ends of a multi-line value it writes like the line it replaces, and of a file without a final newline', () => {
    const crlfTail = 'kind: flag\nid: F-1\nreality: x\r\nstatus: resolved\r\nresolvedBy: Ingrid';
    const edited = text(reopenFlag(crlfTail, 'F-1', ACTOR, 'It came back'));
    assert.equal(edited, 'kind: flag\nid: F-1\nreality: >-\r\n  x\r\n\r\n\r\n  Reopened on 2026-11-20 by Marta Kowalski. It came back.\r\nstatus: open\r\n');
  });
});

describe('every edit is verified before it is kept', () => {
  it('refuses rather than throws on a document whose aliases expand too far', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 6; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const bomb = yaml(...lines.map((line) => `x-${line}`), 'kind: flag', 'id: F-1', 'reality: x', 'status: open');
    assert.match(refused(acknowledgeFlag(bomb, 'F-1', ACTOR)), /F-1 cannot be read|could not edit "F-1" safely/);
    assert.match(refused(editItem(bomb, 'F-1', [{ path: ['status'], value: 'acknowledged' }])), /could not edit "F-1" safely/);
  });

  it('writes long text double-quoted when the lines after it would change how a block reads (found by the fuzz property)', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: x', '    ', 'status: resolved');
    const edited = text(reopenFlag(flag, 'F-1', ACTOR, 'It came back'));
    assert.equal(edited, yaml('kind: flag', 'id: F-1', 'reality: "x', '', '', '  Reopened on 2026-11-20 by Marta Kowalski. It came back."', '    ', 'status: open'));
    assert.equal((data(edited)[0] as Record<string, unknown>).reality, 'x\n\nReopened on 2026-11-20 by Marta Kowalski. It came back.');
    // Trailing blanks after a value go with it when a block takes its place, or they would become its text.
    assert.equal(text(reopenFlag(yaml('kind: flag', 'id: F-1', 'reality: x \t', 'status: resolved'), 'F-1', ACTOR)), yaml('kind: flag', 'id: F-1', 'reality: >-', '  x', '', '', '  Reopened on 2026-11-20 by Marta Kowalski.', 'status: open'));
    // A value ending in newlines is double-quoted too: a block's trailing newlines depend on what follows it.
    assert.equal(text(editItem(yaml('kind: flag', 'id: F-1', 'reality: x', '', 'status: open'), 'F-1', [{ path: ['reality'], value: 'ends\n\n' }])), yaml('kind: flag', 'id: F-1', 'reality: "ends\\n\\n"', '', 'status: open'));
  });

  it('refuses an explicit key (? …), and removing a key of a missing mapping changes nothing', () => {
    const risk = yaml('kind: risk', 'id: R-1', '? x-explicit', ': value', 'status: open');
    assert.match(refused(editItem(risk, 'R-1', [{ path: ['x-explicit'], value: 'other' }])), /explicit key/);
    assert.equal(text(editItem(risk, 'R-1', [{ path: ['reported', 'status'], value: undefined }])), risk);
  });

  it('reads a file with a byte order mark and a list of items (found by the fuzz property)', () => {
    const list = `\uFEFF${yaml('- kind: assumption', '  id: A-1', '  statement: x', '- kind: assumption', '  id: A-2', '  statement: y')}`;
    assert.equal(text(setAssumptionStatus(list, 'A-2', 'validated')), `${list}  status: validated\n`);
  });

  it('refuses an edit through an alias to a mapping', () => {
    const milestone = yaml('x-gate: &gate { role: Security, call: pending }', 'kind: milestone', 'id: M2', 'title: T', 'gates:', '  - *gate');
    assert.match(refused(setGateCall(milestone, 'M2', 'Security', 'go')), /"gates.0" is an alias \(\*gate\); edit it by hand/);
  });
});
