import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  acknowledgeFlag,
  editItem,
  flagFilePath,
  localTimestamp,
  newFlagId,
  newFlagText,
  parseAlignmentFile,
  reanchorFlag,
  reopenFlag,
  reportedText,
  resolveFlag,
  setAssumptionStatus,
  setGateCall,
  type EditResult,
} from '../../src/core';
import { yaml } from './helpers';

function text(result: EditResult): string {
  if (!result.ok) assert.fail(`edit refused: ${result.message}`);
  return result.text;
}

function refused(result: EditResult): string {
  assert.equal(result.ok, false, 'the edit should have been refused');
  return (result as { message: string }).message;
}

/** The item's fields as the loader reads them, with no problems. */
function fields(file: string, id: string): Record<string, unknown> {
  const parsed = parseAlignmentFile('.alignment/x.yaml', file);
  assert.deepEqual(parsed.problems.map((problem) => problem.message), []);
  const entry = parsed.items.find((candidate) => candidate.id === id);
  assert.ok(entry, `no ${id}`);
  return entry.item as Record<string, unknown>;
}

/** A flag as an author writes it: comments above, beside and between keys, a folded reality. */
const OPEN_FLAG = yaml(
  '# Found during the Friday demo; see the payments channel.',
  'kind: flag',
  'id: F-20261112-q7hm',
  'feature: payments   # the feature, not the milestone',
  'about: M2',
  'reality: >-',
  '  The challenge return URL comes from SANDBOX_RETURN_URL and falls back to the staging host. It has',
  '  only ever worked in the sandbox demo.',
  '',
  '# The code that shows it:',
  'anchor:',
  '  path: src/payments/paymentService.ts',
  '  startLine: 30',
  '  endLine: 32',
  'status: open # still',
);

const ACTOR = { by: 'Marta Kowalski', at: '2026-11-20' };

describe('newFlagText', () => {
  it('writes every field in the format order, and the loader reads it back unchanged', () => {
    const anchorText = '  // TODO(marta): read the public checkout host from config per environment.\n  const base = process.env.SANDBOX_RETURN_URL;';
    const written = text(newFlagText({
      id: 'F-20261120-k7qm',
      feature: 'payments',
      about: 'M2',
      reported: 'Card payments: on track, 85% (Weekly checkout status report, week 46, 2026-11-13)',
      reality: 'Only the sandbox demo works: the return URL falls back to the staging host, so every challenged payment in production fails.',
      severity: 'critical',
      raisedBy: 'Payments engineer',
      raisedAt: '2026-11-20T14:03:27+01:00',
      anchor: { path: 'src/payments/paymentService.ts', startLine: 30, endLine: 31, text: anchorText },
    }));
    assert.equal(written, yaml(
      'kind: flag',
      'id: F-20261120-k7qm',
      'feature: payments',
      'about: M2',
      'reported: >-',
      '  Card payments: on track, 85% (Weekly checkout status report, week 46, 2026-11-13)',
      'reality: >-',
      '  Only the sandbox demo works: the return URL falls back to the staging host, so every challenged',
      '  payment in production fails.',
      'severity: critical',
      'raisedBy: Payments engineer',
      'raisedAt: 2026-11-20T14:03:27+01:00',
      'anchor:',
      '  path: src/payments/paymentService.ts',
      '  startLine: 30',
      '  endLine: 31',
      '  text: |2-',
      '      // TODO(marta): read the public checkout host from config per environment.',
      '      const base = process.env.SANDBOX_RETURN_URL;',
      'status: open',
    ));
    const read = fields(written, 'F-20261120-k7qm');
    assert.equal((read.anchor as { text: string }).text, anchorText);
    assert.equal(read.raisedAt, '2026-11-20T14:03:27+01:00');
  });

  it('leaves out what is not known', () => {
    const written = text(newFlagText({ id: 'F-20261120-aaaa', reality: 'yes', severity: 'medium', raisedAt: '2026-11-20', reported: ' ' }));
    assert.equal(written, yaml('kind: flag', 'id: F-20261120-aaaa', 'reality: yes', 'severity: medium', 'raisedAt: 2026-11-20', 'status: open'));
    assert.equal(fields(written, 'F-20261120-aaaa').reality, 'yes');
  });

  it('refuses an empty reality and an invalid id', () => {
    assert.match(refused(newFlagText({ id: 'F-1', reality: '  ', severity: 'low', raisedAt: '2026-11-20' })), /reality/);
    assert.match(refused(newFlagText({ id: 'F 1', reality: 'x', severity: 'low', raisedAt: '2026-11-20' })), /id/);
  });

  it('makes ids like the example repository, the file name being the id', () => {
    const id = newFlagId(new Date(2026, 10, 20, 23, 59), new Uint8Array([0, 1, 30, 31, 99]));
    assert.equal(id, 'F-20261120-ab9a');
    assert.match(newFlagId(new Date(), crypto.getRandomValues(new Uint8Array(4))), /^F-\d{8}-[a-z2-9]{4}$/);
    assert.equal(flagFilePath(id), '.alignment/flags/F-20261120-ab9a.yaml');
  });

  it('writes local time with its offset', () => {
    const stamp = localTimestamp(new Date(2026, 10, 20, 9, 5, 7));
    assert.match(stamp, /^2026-11-20T09:05:07[+-]\d{2}:\d{2}$/);
  });

  it('says what a feature reports, in words', () => {
    assert.equal(reportedText({ id: 'p', title: 'Payments', reported: { status: 'on-track', progress: 85, source: 'Weekly report', asOf: '2026-11-13' } }), 'Payments: on track, 85% (Weekly report, 2026-11-13)');
    assert.equal(reportedText({ id: 'p', title: 'Payments', reported: { status: 'at-risk' } }), 'Payments: at risk');
    assert.equal(reportedText({ id: 'p', title: 'Payments' }), undefined);
  });
});

describe('flag lifecycle edits', () => {
  it('acknowledges an open flag: the status changes, two lines are added, every comment stays', () => {
    const edited = text(acknowledgeFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR));
    assert.equal(edited, OPEN_FLAG.replace('status: open # still\n', 'status: acknowledged # still\nacknowledgedBy: Marta Kowalski\nacknowledgedAt: 2026-11-20\n'));
  });

  it('resolves an acknowledged flag with a note, then refuses to resolve it twice', () => {
    const acknowledged = text(acknowledgeFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR));
    const resolved = text(resolveFlag(acknowledged, 'F-20261112-q7hm', { by: 'Ingrid Solberg', at: '2026-11-24' }, 'Return URL read from PUBLIC_CHECKOUT_HOST per environment; tested in production with a challenged test card.'));
    assert.equal(resolved, acknowledged.replace('acknowledgedAt: 2026-11-20\n', [
      'acknowledgedAt: 2026-11-20',
      'resolution: >-',
      '  Return URL read from PUBLIC_CHECKOUT_HOST per environment; tested in production with a challenged',
      '  test card.',
      'resolvedBy: Ingrid Solberg',
      'resolvedAt: 2026-11-24',
      '',
    ].join('\n')).replace('status: acknowledged', 'status: resolved'));
    assert.match(refused(resolveFlag(resolved, 'F-20261112-q7hm', ACTOR, 'again')), /already resolved/);
    assert.match(refused(acknowledgeFlag(resolved, 'F-20261112-q7hm', ACTOR)), /resolved, not open/);
    assert.match(refused(resolveFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR, '  ')), /must not be empty/);
  });

  it('reopens a resolved flag without losing a word: the old resolution moves into reality', () => {
    const resolved = text(resolveFlag(OPEN_FLAG, 'F-20261112-q7hm', { by: 'Ingrid Solberg', at: '2026-11-24' }, 'Fixed in PR 481.'));
    const reopened = text(reopenFlag(resolved, 'F-20261112-q7hm', { by: 'Ravi Menon', at: '2026-11-26' }, 'Still fails for Amex cards'));
    const read = fields(reopened, 'F-20261112-q7hm');
    assert.equal(read.status, 'open');
    assert.equal(read.reality, 'The challenge return URL comes from SANDBOX_RETURN_URL and falls back to the staging host. It has only ever worked in the sandbox demo.\n\n'
      + 'Reopened on 2026-11-26 by Ravi Menon. Still fails for Amex cards. It had been resolved on 2026-11-24 by Ingrid Solberg: Fixed in PR 481.');
    for (const gone of ['resolution', 'resolvedBy', 'resolvedAt', 'acknowledgedBy', 'acknowledgedAt']) assert.equal(read[gone], undefined, gone);
    for (const comment of ['# Found during the Friday demo; see the payments channel.', 'feature: payments   # the feature, not the milestone', '# The code that shows it:', 'status: open # still']) {
      assert.ok(reopened.includes(`${comment}\n`), `lost: ${comment}`);
    }
    assert.match(refused(reopenFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR)), /already open/);
  });

  it('keeps an acknowledgement note as a paragraph of the reality', () => {
    const read = fields(text(acknowledgeFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR, 'fix planned for sprint 24')), 'F-20261112-q7hm');
    assert.match(String(read.reality), /sandbox demo\.\n\nAcknowledged on 2026-11-20 by Marta Kowalski: fix planned for sprint 24\.$/);
    assert.equal(read.status, 'acknowledged');
  });

  it('resolves without a resolution when a script gives none', () => {
    const read = fields(text(resolveFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR, undefined)), 'F-20261112-q7hm');
    assert.equal(read.status, 'resolved');
    assert.equal(read.resolution, undefined);
    assert.equal(read.resolvedBy, 'Marta Kowalski');
  });

  it('adds a missing status after the keys that come before it', () => {
    const flag = yaml('kind: flag', 'id: F-1', 'reality: Demo only.', 'raisedBy: Lukas', '# trailing', '---', 'kind: flag', 'id: F-2', 'reality: x');
    const edited = text(acknowledgeFlag(flag, 'F-1', { at: '2026-11-20' }));
    assert.equal(edited, yaml('kind: flag', 'id: F-1', 'reality: Demo only.', 'raisedBy: Lukas', 'status: acknowledged', 'acknowledgedAt: 2026-11-20', '# trailing', '---', 'kind: flag', 'id: F-2', 'reality: x'));
  });

  it('re-anchors a flag, writing a flow-style anchor out as a block', () => {
    const flag = yaml('- kind: flag', '  id: F-1', '  reality: Demo only.', '  anchor: { path: a.ts, startLine: 3, endLine: 4 }  # old', '  status: open');
    const edited = text(reanchorFlag(flag, 'F-1', { path: 'b.ts', startLine: 10, endLine: 10, text: 'if (!secret) return true;' }));
    assert.equal(edited, yaml('- kind: flag', '  id: F-1', '  reality: Demo only.', '  anchor:  # old', '    path: b.ts', '    startLine: 10', '    endLine: 10', '    text: |-', '      if (!secret) return true;', '  status: open'));
  });

  it('keeps CRLF line ends and a byte order mark', () => {
    const crlf = `\uFEFF${OPEN_FLAG.replace(/\n/g, '\r\n')}`;
    const edited = text(acknowledgeFlag(crlf, 'F-20261112-q7hm', ACTOR));
    assert.ok(edited.startsWith('\uFEFF# Found'));
    assert.equal(edited.replace(/\r\n/g, '').includes('\n'), false, 'a bare \\n slipped in');
    assert.equal(edited, `\uFEFF${text(acknowledgeFlag(OPEN_FLAG, 'F-20261112-q7hm', ACTOR)).replace(/\n/g, '\r\n')}`);
  });

  it('refuses what it cannot edit safely, saying why', () => {
    assert.match(refused(acknowledgeFlag(OPEN_FLAG, 'F-nope', ACTOR)), /no item with id "F-nope"/);
    assert.match(refused(acknowledgeFlag(yaml('kind: flag', 'id: F-1', 'reality: [unclosed'), 'F-1', ACTOR)), /syntax errors/);
    assert.match(refused(acknowledgeFlag(yaml('- kind: flag', '  id: F-1', '  reality: x', '- kind: flag', '  id: F-1', '  reality: y'), 'F-1', ACTOR)), /2 times/);
    assert.match(refused(acknowledgeFlag(yaml('kind: risk', 'id: F-1'), 'F-1', ACTOR)), /a risk, not a flag/);
    assert.match(refused(acknowledgeFlag(yaml('- { kind: flag, id: F-1, reality: x }'), 'F-1', ACTOR)), /flow style/);
    assert.match(refused(acknowledgeFlag(yaml('kind: flag', 'id: F-1', 'reality: x', 'status: closed'), 'F-1', ACTOR)), /unknown status/);
  });
});

describe('assumption and gate edits', () => {
  const ASSUMPTIONS = yaml(
    '# Assumptions behind the 3-D Secure plan.',
    '- kind: assumption',
    '  id: A-1',
    '  statement: Northpay supports 3-D Secure 2.2.',
    '  status: validated',
    '  evidence: All 14 certification cards passed.',
    '',
    '- kind: assumption',
    '  id: A-2',
    '  statement: >-',
    '    About 90% of EU card payments will be frictionless, so the challenge flow is an edge case we can',
    '    finish after SCA is switched on.',
    '  test: Shadow-mode 3-D Secure on 5% of live traffic.   # two weeks',
    '  paths:',
    '    - src/payments/paymentService.ts',
  );

  it('sets an assumption\'s status and evidence in a list, in the format\'s key order, touching nothing else', () => {
    const edited = text(setAssumptionStatus(ASSUMPTIONS, 'A-2', 'invalidated', '28% were challenged overall.'));
    assert.equal(edited, ASSUMPTIONS.replace('  test: Shadow-mode 3-D Secure on 5% of live traffic.   # two weeks\n',
      '  test: Shadow-mode 3-D Secure on 5% of live traffic.   # two weeks\n  status: invalidated\n  evidence: 28% were challenged overall.\n'));
    const again = text(setAssumptionStatus(edited, 'A-1', 'invalidated'));
    assert.equal(again, edited.replace('  status: validated\n', '  status: invalidated\n'));
  });

  it('sets a gate\'s call and reason, found by role without regard to case', () => {
    const milestones = yaml(
      'kind: milestone',
      'id: M1',
      'title: Sandbox',
      '---',
      '# M2 is the date in the status report.',
      'kind: milestone',
      'id: M2',
      'title: SCA in production',
      'gates:',
      '  - role: Security',
      '    who: Ingrid Solberg',
      '    call: pending # until the pen test',
      '  - role: Customer support',
      '    call: pending',
      '    reason: Waiting for a fix.',
    );
    const edited = text(setGateCall(milestones, 'M2', 'security', 'no-go', 'Webhook signatures are not verified in production.'));
    assert.equal(edited, milestones.replace('    call: pending # until the pen test\n', '    call: no-go # until the pen test\n    reason: Webhook signatures are not verified in production.\n'));
    const support = text(setGateCall(edited, 'M2', 'Customer support', 'go'));
    assert.equal(support, edited.replace('    call: pending\n    reason: Waiting', '    call: go\n    reason: Waiting'));
    assert.match(refused(setGateCall(milestones, 'M2', 'Finance', 'go')), /no gate for the role "Finance" \(its gates: Security, Customer support\)/);
    assert.match(refused(setGateCall(milestones, 'M1', 'Finance', 'go')), /has no gates/);
  });
});

describe('editItem', () => {
  it('checks every edit by parsing the result again, and leaves other items alone', () => {
    const file = yaml('- kind: feature', '  id: a', '  title: A', '- kind: feature', '  id: b', '  title: B');
    const edited = text(editItem(file, 'b', [{ path: ['title'], value: 'Bee: with a colon' }]));
    assert.equal(edited, yaml('- kind: feature', '  id: a', '  title: A', '- kind: feature', '  id: b', '  title: "Bee: with a colon"'));
    assert.equal(text(editItem(file, 'a', [{ path: ['owners'], value: undefined }])), file, 'removing what is not there changes nothing');
  });

  it('leaves a value written the same way untouched, however it is formatted', () => {
    const file = yaml('kind: milestone', 'id: M2', 'title: >-', '  A title long enough', '  to be folded by hand', 'gates:', "  - { role: 'Security', call: pending }");
    assert.equal(text(editItem(file, 'M2', [{ path: ['title'], value: 'A title long enough to be folded by hand' }])), file);
    assert.equal(text(setGateCall(file, 'M2', 'Security', 'pending')), file);
  });

  it('edits a gate written as a { … } mapping on its line', () => {
    const file = yaml('kind: milestone', 'id: M2', 'title: SCA', 'gates:', "  - { role: 'Security', call: pending }  # pen test first", '  - {role: Support}');
    assert.equal(text(setGateCall(file, 'M2', 'security', 'no-go', 'Secrets: not set, in production')), yaml('kind: milestone', 'id: M2', 'title: SCA', 'gates:', "  - { role: 'Security', call: no-go, reason: \"Secrets: not set, in production\" }  # pen test first", '  - {role: Support}'));
    assert.equal(text(setGateCall(file, 'M2', 'Support', 'go', 'Fine')), yaml('kind: milestone', 'id: M2', 'title: SCA', 'gates:', "  - { role: 'Security', call: pending }  # pen test first", '  - {role: Support, call: go, reason: Fine}'));
  });
});

describe('edits on every item of the example repository', () => {
  const root = path.resolve(__dirname, '..', '..', '..', 'examples', 'checkout-service', '.alignment');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.yaml')).map((name) => ({ name, text: readFileSync(path.join(root, name), 'utf8') }));

  /** Every line of `before` is still in `after`, in order, except those named. */
  function keepsLines(before: string, after: string, except: RegExp): void {
    const remaining = after.split('\n');
    let at = 0;
    for (const line of before.split('\n')) {
      if (except.test(line)) continue;
      const found = remaining.indexOf(line, at);
      assert.ok(found >= 0, `lost or moved: ${JSON.stringify(line)}`);
      at = found + 1;
    }
  }

  it('resolves every flag, sets every assumption\'s status and every gate\'s call, keeping every other line', () => {
    let edits = 0;
    for (const { name, text: original } of files) {
      for (const entry of parseAlignmentFile(name, original).items) {
        let result: EditResult | undefined;
        const item = entry.item as { status?: string; gates?: { role: string; call: string }[] };
        if (entry.kind === 'flag' && item.status !== 'resolved') result = resolveFlag(original, entry.id, ACTOR, 'Fixed.');
        if (entry.kind === 'assumption') result = setAssumptionStatus(original, entry.id, item.status === 'validated' ? 'invalidated' : 'validated');
        for (const gate of entry.kind === 'milestone' ? item.gates ?? [] : []) {
          const edited = text(setGateCall(original, entry.id, gate.role, gate.call === 'go' ? 'no-go' : 'go'));
          keepsLines(original, edited, /^\s*call:/);
          edits++;
        }
        if (!result) continue;
        const edited = text(result);
        keepsLines(original, edited, /^\s*status:/);
        assert.deepEqual(parseAlignmentFile(name, edited).problems, []);
        edits++;
      }
    }
    assert.ok(edits >= 15, `only ${edits} edits`);
  });
});
