// VAT for orders shipped from our warehouse in Utrecht (NL). Rates in basis points: 2100 = 21%.
// @serves CR-104
// @assumes
// @milestone M3
import type { BuyerDetails } from '../cart/cart';
import { type Money, percentOf, zero } from '../shared/money';

export const SELLER_COUNTRY = 'NL';

/** Standard rates of the EU countries we ship to (reduced rates do not apply to our catalogue). */
const STANDARD_RATE: Record<string, number> = {
  AT: 2000, BE: 2100, DE: 1900, DK: 2500, ES: 2100, FI: 2550, FR: 2000,
  IE: 2300, IT: 2200, LU: 1700, NL: 2100, PL: 2300, PT: 2300, SE: 2500,
};

export type VatTreatment = 'domestic' | 'reverse-charge' | 'oss-destination' | 'export';

export interface TaxResult {
  treatment: VatTreatment;
  rateBasisPoints: number;
  tax: Money;
  /** Printed on the receipt; reverse charge must say so in words. */
  note?: string;
}

/** The EU's VAT Information Exchange System, behind a small interface so tests need no network. */
export interface VatIdRegistry {
  /** Resolves false for an unknown ID; rejects when VIES does not answer. */
  isValid(vatId: string, timeoutMs: number): Promise<boolean>;
}

export const VIES_TIMEOUT_MS = 2_000;

export function isEu(country: string): boolean {
  return country in STANDARD_RATE;
}

/** "DE811907980" -> "DE"; Greece uses "EL" in VAT IDs but "GR" in addresses. */
export function vatIdCountry(vatId: string): string {
  const prefix = vatId.replace(/\s+/g, '').slice(0, 2).toUpperCase();
  return prefix === 'EL' ? 'GR' : prefix;
}

export async function vatTreatment(buyer: BuyerDetails, registry: VatIdRegistry): Promise<VatTreatment> {
  const country = buyer.shipTo.country.toUpperCase();
  if (!isEu(country)) return 'export';
  if (country === SELLER_COUNTRY) return 'domestic';
  // Reverse charge: a business in another EU country whose VAT ID VIES confirms, shipped to that country.
  if (buyer.vatId && vatIdCountry(buyer.vatId) === country) {
    // @risk R-7
    // TODO: when VIES times out we fall through to destination VAT and the buyer needs a credit note.
    const valid = await registry.isValid(buyer.vatId, VIES_TIMEOUT_MS).catch(() => false);
    if (valid) return 'reverse-charge';
  }
  return 'oss-destination';
}

export function calculateTax(net: Money, treatment: VatTreatment, shipToCountry: string): TaxResult {
  switch (treatment) {
    case 'domestic':
      return { treatment, rateBasisPoints: STANDARD_RATE[SELLER_COUNTRY]!, tax: percentOf(net, STANDARD_RATE[SELLER_COUNTRY]!) };
    case 'oss-destination': {
      const rate = STANDARD_RATE[shipToCountry.toUpperCase()] ?? STANDARD_RATE[SELLER_COUNTRY]!;
      return { treatment, rateBasisPoints: rate, tax: percentOf(net, rate) };
    }
    case 'reverse-charge':
      return { treatment, rateBasisPoints: 0, tax: zero(net.currency), note: 'VAT reverse charged (Art. 196 Directive 2006/112/EC)' };
    case 'export':
      return { treatment, rateBasisPoints: 0, tax: zero(net.currency), note: 'Export outside the EU, zero-rated' };
  }
}
