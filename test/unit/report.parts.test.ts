// The report's dates, its parts beside the metrics, and the Markdown a lead reads.
import * as assert from 'node:assert/strict';
import {
  buildReport, dateOfDay, dayOf, isoWeekOf, parseCalendarDate, parseIsoWeek, reportMarkdown, reviewMarkdown, weekEndsBetween, weeklyReview,
} from '../../src/core/report';
import { load, yaml } from './helpers';

const AS_OF = dayOf('2026-11-30') as number;

describe('report dates', () => {
  it('counts a date-time by the date written in it', () => {
    assert.equal(dayOf('2026-11-02T23:30:00+01:00'), dayOf('2026-11-02'));
    assert.equal(dayOf('2026-02-30'), undefined);
    assert.equal(parseCalendarDate('2026-11-30T10:00'), undefined);
    assert.equal(dateOfDay(AS_OF), '2026-11-30');
  });

  it('reads ISO weeks, including week 53 and weeks whose Monday is in the year before', () => {
    assert.deepEqual(parseIsoWeek('2026-W48') && { start: dateOfDay(parseIsoWeek('2026-W48')!.start), end: dateOfDay(parseIsoWeek('2026-W48')!.end) }, { start: '2026-11-23', end: '2026-11-29' });
    assert.equal(dateOfDay(parseIsoWeek('2026-W01')!.start), '2025-12-29');
    assert.equal(dateOfDay(parseIsoWeek('2026-W53')!.start), '2026-12-28');
    assert.equal(parseIsoWeek('2025-W53'), undefined);
    assert.equal(parseIsoWeek('2026-W00'), undefined);
    assert.equal(parseIsoWeek('2026-48'), undefined);
    assert.equal(isoWeekOf(dayOf('2027-01-01')!).label, '2026-W53');
  });

  it('week ends run from the first week to as-of, with as-of last when it is not a Sunday', () => {
    assert.deepEqual(weekEndsBetween(dayOf('2026-11-04')!, dayOf('2026-11-24')!).map(dateOfDay), ['2026-11-08', '2026-11-15', '2026-11-22', '2026-11-24']);
    assert.deepEqual(weekEndsBetween(dayOf('2026-11-09')!, dayOf('2026-11-15')!).map(dateOfDay), ['2026-11-15']);
  });
});

const FOLDER = {
  '.alignment/features.yaml': yaml(
    '- { kind: feature, id: pay, title: Pay, reported: { status: on-track, progress: 90 }, direction: { for: [CR-1] } }',
    '- { kind: feature, id: ship, title: Ship, reported: { status: at-risk } }',
  ),
  '.alignment/requests.yaml': yaml(
    '- kind: request',
    '  id: CR-1',
    '  customer: Café Mireille SARL',
    '  contact: Mireille Dubois',
    '  quote: "Half of my customers | give up *when* the bank app opens."',
    '  receivedAt: 2026-11-24',
    '- { kind: request, id: CR-2, customer: Bolt Ltd, quote: "Refunds take too long.", receivedAt: 2026-10-01 }',
    '- { kind: request, id: CR-3, customer: Cato AB, quote: "Answered.", receivedAt: 2026-10-01 }',
  ),
  '.alignment/other.yaml': yaml(
    '- { kind: decision, id: D-1, title: Keep cards, decidedAt: 2026-11-25, sources: [{ request: CR-3 }] }',
    '- { kind: decision, id: D-2, title: Gut feeling, decidedAt: 2026-11-26 }',
    '- { kind: flag, id: F-1, feature: pay, reality: only in the demo, severity: high, raisedAt: 2026-11-20, raisedBy: Ana }',
    '- { kind: flag, id: F-2, feature: ship, reality: old, severity: low, raisedAt: 2026-07-01 }',
    '- { kind: milestone, id: M1, title: Launch, feature: pay, due: 2026-12-01, gates: [{ role: security, who: Ingrid, call: no-go, reason: webhooks }] }',
    '- { kind: milestone, id: M2, title: Beta, due: 2026-11-01, gates: [{ role: support, call: go }] }',
    '- { kind: assumption, id: A-1, statement: Most payments are frictionless, milestone: M1 }',
  ),
};

describe('report parts', () => {
  const model = load(FOLDER);
  const report = buildReport(model, model.problems, AS_OF, { unavailable: 'git is not installed' });

  it('puts the features whose reality disagrees first, with the reality beside the report', () => {
    assert.deepEqual(report.features.map((row) => [row.id, row.reported?.status, row.reality.disagrees]), [['pay', 'on-track', true], ['ship', 'at-risk', false]]);
    assert.equal(report.features[0]?.file, '.alignment/features.yaml');
    assert.equal(report.features[0]?.line, 1);
  });

  it('lists open flags oldest first with their age, and counts them by age', () => {
    assert.deepEqual(report.openFlags.map((flag) => [flag.id, flag.ageDays]), [['F-2', 152], ['F-1', 10]]);
    assert.deepEqual(report.flagsByAge, { '0-7 days': 0, '8-30 days': 1, '31-90 days': 0, 'over 90 days': 1, undated: 0 });
  });

  it('puts a blocked milestone first', () => {
    assert.deepEqual(report.milestones.map((row) => [row.id, row.blocked]), [['M1', true], ['M2', false]]);
  });

  it('lists the requests no decision names, longest waiting first', () => {
    assert.deepEqual(report.waitingRequests.map((row) => [row.id, row.customer, row.daysWaiting]), [['CR-2', 'Bolt Ltd', 60], ['CR-1', 'Café Mireille SARL', 6]]);
  });

  it('says why there is no trend', () => {
    assert.deepEqual(report.trend, []);
    assert.equal(report.trendUnavailable, 'git is not installed');
  });

  it('writes Markdown with customer names and quotes verbatim, and no trend with the reason', () => {
    const markdown = reportMarkdown(report);
    assert.match(markdown, /^# Truth report — as of 2026-11-30$/m);
    assert.ok(markdown.includes('**Café Mireille SARL (Mireille Dubois)**, CR-1: waiting 6 days'));
    assert.ok(markdown.includes('  > Half of my customers | give up *when* the bank app opens.'));
    assert.ok(markdown.includes('**Decision attribution rate**: 50% (1 of 2 decisions) — unattributed: D-2'));
    assert.ok(markdown.includes('No trend: git is not installed.'));
    assert.ok(markdown.includes('— **NO-GO: blocked**'));
  });

  it('the weekly review answers the four questions for the week', () => {
    const review = weeklyReview(model, parseIsoWeek('2026-W48')!, AS_OF, { unavailable: 'git is not installed' });
    assert.deepEqual(review.said.map((request) => request.id), ['CR-1']);
    assert.deepEqual(review.said[0]?.interpretedBy.map((feature) => feature.id), ['pay']);
    assert.deepEqual(review.decided.map((decision) => [decision.id, decision.attributed]), [['D-1', true], ['D-2', false]]);
    assert.deepEqual(review.comingDue.map((milestone) => [milestone.id, milestone.customers]), [['M1', ['Café Mireille SARL']]]);
    const markdown = reviewMarkdown(review);
    assert.ok(markdown.includes('**Café Mireille SARL** (Mireille Dubois) — CR-1, 2026-11-24'));
    assert.ok(markdown.includes('> Half of my customers | give up *when* the bank app opens.'));
    assert.ok(markdown.includes('- **Gut feeling** (D-2, 2026-11-26) — **unattributed**: no customer behind it'));
    assert.ok(markdown.includes('Not known: git is not installed.'));
  });
});
