// The truth report's metrics on hand-worked fixtures: each count below is worked out by hand from the YAML.
import * as assert from 'node:assert/strict';
import {
  computeMetrics, currentStates, customerToDecisionDays, dayOf, decisionAttributionRate, flagAcknowledgeDays, median, thermoclineLatencyDays,
  truthDistortionIndex, validationRate, type StatusState,
} from '../../src/core/report';
import { load, yaml } from './helpers';

const AS_OF = dayOf('2026-11-30') as number;
const day = (date: string): number => dayOf(date) as number;

const REQUESTS = yaml(
  '- { kind: request, id: CR-1, customer: Acme GmbH, quote: "Put our PO number on the invoice.", receivedAt: 2026-10-01 }',
  '- { kind: request, id: CR-2, customer: Bolt Ltd, quote: "Refunds take too long.", receivedAt: "2026-10-11T23:30:00+02:00" }',
  '- { kind: request, id: CR-3, customer: Cato AB, quote: "We pay by card only." }',
);

describe('report metrics', () => {
  describe('empty sets are n/a (null), never NaN', () => {
    const model = load({ '.alignment/empty.yaml': yaml('kind: feature', 'id: f', 'title: F') });
    it('every rate is null and every median null on a folder with nothing to measure', () => {
      const metrics = computeMetrics(model, AS_OF, currentStates(model));
      assert.deepEqual(metrics.decisionAttributionRate, { value: null, count: 0, of: 0, unattributed: [] });
      assert.deepEqual(metrics.validationRate, { value: null, count: 0, of: 0, untested: [] });
      assert.deepEqual(metrics.truthDistortionIndex, { value: null, count: 0, of: 0, distorted: [] });
      assert.deepEqual(metrics.customerToDecisionDays, { median: null, values: [] });
      assert.deepEqual(metrics.thermoclineLatencyDays, { median: null, values: [], stillHidden: [] });
      assert.deepEqual(metrics.flagAcknowledgeDays, { median: null, values: [] });
      assert.doesNotMatch(JSON.stringify(metrics), /NaN/);
    });
    it('median of nothing is null; of an even count the mean of the middle two', () => {
      assert.equal(median([]), null);
      assert.equal(median([5, 1, 3]), 3);
      assert.equal(median([4, 1, 3, 10]), 3.5);
    });
  });

  it('decisionAttributionRate: a source names a customer (directly or by request) and a quote', () => {
    const model = load({
      '.alignment/requests.yaml': REQUESTS,
      '.alignment/decisions.yaml': yaml(
        '- { kind: decision, id: D-1, title: by request, decidedAt: 2026-10-21, sources: [{ request: CR-1 }] }', // attributed (request has customer + quote)
        '- { kind: decision, id: D-2, title: by name, decidedAt: 2026-10-22, sources: [{ customer: Dora, quote: "Yes please" }] }', // attributed
        '- { kind: decision, id: D-3, title: name only, decidedAt: 2026-10-23, sources: [{ customer: Dora }] }', // no quote
        '- { kind: decision, id: D-4, title: nobody, decidedAt: 2026-10-24 }', // no source
        '- { kind: decision, id: D-5, title: later, decidedAt: 2026-12-24, sources: [{ request: CR-1 }] }', // after as-of: not counted
      ),
    });
    assert.deepEqual(decisionAttributionRate(model, AS_OF), { value: 0.5, count: 2, of: 4, unattributed: ['D-3', 'D-4'] });
  });

  it('customerToDecisionDays: decidedAt − the earliest receivedAt of its requests; a date-time counts by its date', () => {
    const model = load({
      '.alignment/requests.yaml': REQUESTS,
      '.alignment/decisions.yaml': yaml(
        '- { kind: decision, id: D-1, title: one, decidedAt: 2026-10-21, sources: [{ request: CR-1 }] }', // 20 days
        '- { kind: decision, id: D-2, title: two, decidedAt: "2026-10-15T01:00:00Z", sources: [{ request: CR-2 }, { request: CR-1 }] }', // earliest CR-1: 14 days
        '- { kind: decision, id: D-3, title: three, decidedAt: 2026-10-13, sources: [{ request: CR-2 }] }', // CR-2 received 10-11 (its own date): 2 days
        '- { kind: decision, id: D-4, title: undated request, decidedAt: 2026-10-13, sources: [{ request: CR-3 }] }', // no receivedAt: left out
        '- { kind: decision, id: D-5, title: unattributed, decidedAt: 2026-10-13, sources: [{ customer: Dora }] }', // not attributed: left out
      ),
    });
    assert.deepEqual(customerToDecisionDays(model, AS_OF), {
      median: 14,
      values: [{ decision: 'D-1', days: 20 }, { decision: 'D-2', days: 14 }, { decision: 'D-3', days: 2 }],
    });
  });

  it('validationRate: tested (validated or invalidated) among assumptions whose milestone is due by as-of', () => {
    const model = load({
      '.alignment/milestones.yaml': yaml(
        '- { kind: milestone, id: M1, title: due, due: 2026-11-01, validates: [A-3] }',
        '- { kind: milestone, id: M2, title: later, due: 2026-12-15 }',
        '- { kind: milestone, id: M3, title: on the day, due: 2026-11-30 }',
      ),
      '.alignment/assumptions.yaml': yaml(
        '- { kind: assumption, id: A-1, statement: s, milestone: M1, status: validated }',
        '- { kind: assumption, id: A-2, statement: s, milestone: M1, status: invalidated }',
        '- { kind: assumption, id: A-3, statement: s, status: untested }', // due through M1's validates
        '- { kind: assumption, id: A-4, statement: s, milestone: M2, status: untested }', // not due yet
        '- { kind: assumption, id: A-5, statement: s, milestone: M3 }', // due on as-of, untested
        '- { kind: assumption, id: A-6, statement: s, status: validated }', // no milestone: not counted
      ),
    });
    assert.deepEqual(validationRate(model, AS_OF), { value: 0.5, count: 2, of: 4, untested: ['A-3', 'A-5'] });
  });

  it('truthDistortionIndex: green features whose reality disagrees (the All Features rule) ÷ green features', () => {
    const model = load({
      '.alignment/features.yaml': yaml(
        '- { kind: feature, id: a, title: A, reported: { status: on-track } }', // medium flag: disagrees
        '- { kind: feature, id: b, title: B, reported: { status: done } }', // low flag only: agrees
        '- { kind: feature, id: c, title: C, reported: { status: on-track } }', // clean
        '- { kind: feature, id: d, title: D, reported: { status: at-risk } }', // not green: not counted
        '- { kind: feature, id: e, title: E, reported: { status: done } }', // invalidated assumption: disagrees
      ),
      '.alignment/more.yaml': yaml(
        '- { kind: flag, id: F-1, feature: a, reality: r, severity: medium }',
        '- { kind: flag, id: F-2, feature: b, reality: r, severity: low }',
        '- { kind: flag, id: F-3, feature: d, reality: r, severity: critical }',
        '- { kind: assumption, id: A-1, statement: s, feature: e, status: invalidated }',
      ),
    });
    assert.deepEqual(truthDistortionIndex(model), { value: 0.5, count: 2, of: 4, distorted: ['a', 'e'] });
  });

  it('flagAcknowledgeDays: acknowledgedAt − raisedAt for acknowledged or resolved flags', () => {
    const model = load({
      '.alignment/flags.yaml': yaml(
        '- { kind: flag, id: F-1, reality: r, raisedAt: 2026-11-01, acknowledgedAt: 2026-11-04, status: acknowledged }', // 3
        '- { kind: flag, id: F-2, reality: r, raisedAt: 2026-11-01, acknowledgedAt: "2026-11-02T08:00:00Z", status: resolved }', // 1
        '- { kind: flag, id: F-3, reality: r, raisedAt: 2026-11-01, status: open }', // open: left out
        '- { kind: flag, id: F-4, reality: r, raisedAt: 2026-11-01, status: acknowledged }', // no date: left out
        '- { kind: flag, id: F-5, reality: r, raisedAt: 2026-11-01, acknowledgedAt: 2026-11-11, status: acknowledged }', // 10
      ),
    });
    assert.deepEqual(flagAcknowledgeDays(model, AS_OF), { median: 3, values: [{ flag: 'F-1', days: 3 }, { flag: 'F-2', days: 1 }, { flag: 'F-5', days: 10 }] });
  });

  describe('thermoclineLatencyDays', () => {
    const model = load({
      '.alignment/features.yaml': yaml(
        '- { kind: feature, id: pay, title: Pay, reported: { status: on-track } }',
        '- { kind: feature, id: ship, title: Ship, reported: { status: on-track } }',
        '- { kind: feature, id: tax, title: Tax, reported: { status: at-risk } }',
      ),
      '.alignment/flags.yaml': yaml(
        '- { kind: flag, id: F-1, feature: pay, reality: r, severity: high, raisedAt: 2026-11-02 }', // pay goes at-risk 11-09: 7 days
        '- { kind: flag, id: F-2, feature: pay, reality: r, severity: critical, raisedAt: 2026-11-09 }', // same day: 0 days
        '- { kind: flag, id: F-3, feature: ship, reality: r, severity: medium, raisedAt: 2026-11-10 }', // never caught up: still hidden 20 days
        '- { kind: flag, id: F-4, feature: ship, reality: r, severity: low, raisedAt: 2026-11-10 }', // low: not counted
        '- { kind: flag, id: F-5, feature: tax, reality: r, severity: high, raisedAt: 2026-11-10 }', // already at-risk: honest report
        '- { kind: flag, id: F-6, feature: ship, reality: r, severity: high, raisedAt: 2026-11-12, status: resolved, resolvedAt: 2026-11-13 }', // fixed before it mattered
      ),
    });
    const state = (date: string, statuses: Record<string, string>): StatusState => ({ day: day(date), statuses: new Map(Object.entries(statuses)) as StatusState['statuses'] });
    const states = [
      state('2026-10-20', { pay: 'on-track', ship: 'on-track', tax: 'at-risk' }),
      state('2026-11-09', { pay: 'at-risk', ship: 'on-track', tax: 'at-risk' }),
      state('2026-11-20', { pay: 'on-track', ship: 'done', tax: 'at-risk' }),
    ];

    it('days from raisedAt to the first commit whose report is no longer on-track or done; the rest are still hidden', () => {
      assert.deepEqual(thermoclineLatencyDays(model, AS_OF, states), {
        median: 3.5,
        values: [{ flag: 'F-1', feature: 'pay', days: 7 }, { flag: 'F-2', feature: 'pay', days: 0 }],
        stillHidden: [{ flag: 'F-3', feature: 'ship', days: 20 }],
      });
    });

    it('without history, a flag on a feature reported green now is still hidden and nothing is measured', () => {
      const result = thermoclineLatencyDays(model, AS_OF, currentStates(model));
      assert.equal(result.median, null);
      assert.deepEqual(result.stillHidden.map((value) => value.flag), ['F-1', 'F-2', 'F-3']);
      assert.deepEqual(result.stillHidden.map((value) => value.days), [28, 21, 20]);
    });
  });
});
