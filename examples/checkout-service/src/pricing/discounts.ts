// Discount codes, applied to the net subtotal before VAT. One code per order.
import { type Money, percentOf, subtract, zero } from '../shared/money';

export interface DiscountCode {
  code: string;
  kind: 'percent' | 'fixed';
  /** Basis points for "percent" (1000 = 10%), minor units for "fixed". */
  value: number;
  validUntil?: string;
  minimumSubtotal?: Money;
  /** Codes from trade fairs are for business accounts only. */
  businessOnly?: boolean;
}

export interface DiscountResult {
  discount: Money;
  net: Money;
  /** Why a code did not apply, for the message next to the code field. */
  rejected?: 'expired' | 'below-minimum' | 'business-only' | 'currency';
}

export function applyDiscount(subtotal: Money, code: DiscountCode | undefined, isBusiness: boolean, now = new Date()): DiscountResult {
  const none = (rejected?: DiscountResult['rejected']): DiscountResult => ({ discount: zero(subtotal.currency), net: subtotal, rejected });
  if (!code) return none();
  if (code.validUntil && new Date(code.validUntil) < now) return none('expired');
  if (code.businessOnly && !isBusiness) return none('business-only');
  if (code.minimumSubtotal) {
    if (code.minimumSubtotal.currency !== subtotal.currency) return none('currency');
    if (subtotal.amount < code.minimumSubtotal.amount) return none('below-minimum');
  }
  const raw = code.kind === 'percent' ? percentOf(subtotal, code.value) : { amount: code.value, currency: subtotal.currency };
  // Never discount below zero: a fixed EUR 25 code on a EUR 19 order makes it free, not negative.
  const discount = raw.amount > subtotal.amount ? subtotal : raw;
  return { discount, net: subtract(subtotal, discount) };
}

export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/[^A-Z0-9-]/g, '');
}
