// The cart: lines, quantities and the buyer's business details. Prices come from the catalogue at the
// moment a line is added; the client never sends a price we would trust.
import { type Money, multiply, sum, zero } from '../shared/money';

export interface Address {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2, e.g. "NL", "DE". */
  country: string;
}

export interface BuyerDetails {
  companyName?: string;
  /** EU VAT ID as typed by the buyer, e.g. "DE811907980"; validated against VIES at checkout. */
  vatId?: string;
  /** The buyer's purchase order number, printed on the receipt for their accounts payable. */
  // @serves CR-103
  purchaseOrder?: string;
  /** Who placed the order. */
  email: string;
  /** A second mailbox that gets every receipt (accounts payable). */
  billingEmail?: string;
  shipTo: Address;
}

export interface CartLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

export interface Cart {
  id: string;
  customerId: string;
  lines: CartLine[];
  buyer?: BuyerDetails;
  discountCode?: string;
  createdAt: string;
  updatedAt: string;
  /** Set while a payment waits for the customer's bank (3-D Secure challenge). */
  pendingPaymentId?: string;
}

export const MAX_QUANTITY_PER_LINE = 500;

export class CartError extends Error {
  constructor(readonly code: 'quantity' | 'currency' | 'unknown-line' | 'locked', message: string) {
    super(message);
  }
}

export function newCart(id: string, customerId: string, now = new Date()): Cart {
  const stamp = now.toISOString();
  return { id, customerId, lines: [], createdAt: stamp, updatedAt: stamp };
}

export function addLine(cart: Cart, line: CartLine, now = new Date()): Cart {
  assertEditable(cart);
  const existing = cart.lines.find((l) => l.sku === line.sku);
  const quantity = (existing?.quantity ?? 0) + line.quantity;
  checkQuantity(line.sku, quantity);
  if (cart.lines.length > 0 && cart.lines[0]!.unitPrice.currency !== line.unitPrice.currency) {
    throw new CartError('currency', `cart ${cart.id} is in ${cart.lines[0]!.unitPrice.currency}, not ${line.unitPrice.currency}`);
  }
  const lines = existing
    ? cart.lines.map((l) => (l.sku === line.sku ? { ...l, quantity } : l))
    : [...cart.lines, { ...line }];
  return { ...cart, lines, updatedAt: now.toISOString() };
}

export function setQuantity(cart: Cart, sku: string, quantity: number, now = new Date()): Cart {
  assertEditable(cart);
  if (!cart.lines.some((l) => l.sku === sku)) throw new CartError('unknown-line', `no line ${sku} in cart ${cart.id}`);
  if (quantity === 0) return removeLine(cart, sku, now);
  checkQuantity(sku, quantity);
  return { ...cart, lines: cart.lines.map((l) => (l.sku === sku ? { ...l, quantity } : l)), updatedAt: now.toISOString() };
}

export function removeLine(cart: Cart, sku: string, now = new Date()): Cart {
  assertEditable(cart);
  return { ...cart, lines: cart.lines.filter((l) => l.sku !== sku), updatedAt: now.toISOString() };
}

export function subtotal(cart: Cart): Money {
  const currency = cart.lines[0]?.unitPrice.currency ?? 'EUR';
  if (cart.lines.length === 0) return zero(currency);
  return sum(cart.lines.map((l) => multiply(l.unitPrice, l.quantity)), currency);
}

export function isEmpty(cart: Cart): boolean {
  return cart.lines.length === 0;
}

function checkQuantity(sku: string, quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY_PER_LINE) {
    throw new CartError('quantity', `quantity ${quantity} for ${sku} must be between 1 and ${MAX_QUANTITY_PER_LINE}`);
  }
}

/** A cart with a payment in flight is frozen: the amount the bank is confirming must not change. */
function assertEditable(cart: Cart): void {
  if (cart.pendingPaymentId) {
    throw new CartError('locked', `cart ${cart.id} is waiting for payment ${cart.pendingPaymentId}`);
  }
}
