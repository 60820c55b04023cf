// Money in integer minor units (cents). Never floats: Northpay rejects a capture whose amount differs
// from the authorization by a single cent, and the tax office expects VAT rounded once per invoice.
// @risk R-5

export type Currency = 'EUR' | 'GBP' | 'SEK' | 'DKK';

export interface Money {
  /** Minor units: 1234 is EUR 12.34. */
  readonly amount: number;
  readonly currency: Currency;
}

export function money(amount: number, currency: Currency = 'EUR'): Money {
  if (!Number.isInteger(amount)) {
    throw new Error(`money: ${amount} is not a whole number of minor units`);
  }
  return { amount, currency };
}

export const zero = (currency: Currency = 'EUR'): Money => money(0, currency);

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function multiply(a: Money, quantity: number): Money {
  if (!Number.isInteger(quantity)) throw new Error(`money: quantity ${quantity} is not whole`);
  return money(a.amount * quantity, a.currency);
}

/** A share of an amount in basis points (2100 = 21%), rounded half away from zero, once. */
export function percentOf(a: Money, basisPoints: number): Money {
  const exact = (a.amount * basisPoints) / 10_000;
  return money(Math.sign(exact) * Math.round(Math.abs(exact)), a.currency);
}

export function sum(items: readonly Money[], currency: Currency = 'EUR'): Money {
  return items.reduce(add, zero(currency));
}

export function isZero(a: Money): boolean {
  return a.amount === 0;
}

export function format(a: Money, locale = 'nl-NL'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: a.currency }).format(a.amount / 100);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new Error(`money: cannot combine ${a.currency} and ${b.currency}`);
  }
}
