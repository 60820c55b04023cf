// Rule-based fraud screening before we ask Northpay to authorize. The level also decides whether we
// ask for an SCA exemption (low risk) or send the customer through the 3-D Secure challenge.
// @serves CR-106
// @assumes A-7
// @risk R-6
import type { Address } from '../cart/cart';
import type { Money } from '../shared/money';

export type RiskLevel = 'low' | 'medium' | 'high';

export interface FraudSignals {
  customerId: string;
  accountAgeDays: number;
  /** Business accounts whose company registration and VAT ID we checked by hand. */
  verifiedBusiness: boolean;
  cardCountry?: string;
  ipCountry?: string;
  shipTo: Address;
  total: Money;
  /** Distinct cards used for this shipping address in the last 24 hours, this order's card included. */
  cardsForAddressLast24h: number;
  previousChargebacks: number;
}

export interface FraudAssessment {
  level: RiskLevel;
  score: number;
  /** Rule codes, e.g. "velocity.cards_per_address"; stored with the order for support. */
  reasons: string[];
}

interface Rule {
  code: string;
  points: number;
  applies(signals: FraudSignals): boolean;
}

const RULES: readonly Rule[] = [
  { code: 'card.country_mismatch', points: 25, applies: (s) => !!s.cardCountry && s.cardCountry !== s.shipTo.country },
  { code: 'ip.country_mismatch', points: 15, applies: (s) => !!s.ipCountry && s.ipCountry !== s.shipTo.country },
  { code: 'account.new', points: 20, applies: (s) => s.accountAgeDays < 7 },
  { code: 'order.large_first', points: 20, applies: (s) => s.accountAgeDays < 30 && s.total.amount > 2_000_00 },
  // Several company cards shipping to one central store is normal for clinic and hotel groups.
  { code: 'velocity.cards_per_address', points: 45, applies: (s) => s.cardsForAddressLast24h > 3 },
  { code: 'history.chargeback', points: 60, applies: (s) => s.previousChargebacks > 0 },
];

export const MEDIUM_THRESHOLD = 30;
export const HIGH_THRESHOLD = 60;

export function assessFraud(signals: FraudSignals): FraudAssessment {
  const hits = RULES.filter((rule) => rule.applies(signals));
  let score = hits.reduce((total, rule) => total + rule.points, 0);
  // TODO(daniel): the allow-list for verified business accounts halves the score, but the velocity
  // rule alone still lands a verified group at medium and in manual review (Lumen Dental, CR-106).
  if (signals.verifiedBusiness) score = Math.floor(score / 2);
  const level: RiskLevel = score >= HIGH_THRESHOLD ? 'high' : score >= MEDIUM_THRESHOLD ? 'medium' : 'low';
  return { level, score, reasons: hits.map((rule) => rule.code) };
}

/** What support may tell a customer about a blocked order, in words rather than rule codes. */
export function explainForSupport(assessment: FraudAssessment): string {
  if (assessment.reasons.length === 0) return 'No fraud rule matched this order.';
  const words: Record<string, string> = {
    'card.country_mismatch': 'the card was issued in another country than the delivery address',
    'ip.country_mismatch': 'the order was placed from another country than the delivery address',
    'account.new': 'the account is less than a week old',
    'order.large_first': 'a large first order on a new account',
    'velocity.cards_per_address': 'more than three cards were used for this delivery address within a day',
    'history.chargeback': 'an earlier payment on this account was charged back',
  };
  return `Held because ${assessment.reasons.map((code) => words[code] ?? code).join('; ')}.`;
}
