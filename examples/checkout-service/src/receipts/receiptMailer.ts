// Order receipts by email: the lines, the VAT breakdown, the reverse-charge note and the buyer's PO number.
// @serves CR-103, CR-107
// @risk R-10
import type { BuyerDetails, CartLine } from '../cart/cart';
import type { TaxResult } from '../pricing/tax';
import { type Money, format, multiply } from '../shared/money';

export interface MailMessage {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export interface ReceiptOrder {
  orderNumber: string;
  placedAt: string;
  buyer: BuyerDetails;
  lines: CartLine[];
  net: Money;
  discount: Money;
  tax: TaxResult;
  total: Money;
}

export const SENDER = 'Kettle & Crate <orders@mail.kettleandcrate.example>';
export const SUPPORT = 'support@kettleandcrate.example';
/** Subjects are cut so the order number stays visible in narrow mail clients. */
// @flag F-20261118-h4pz
const PO_SUBJECT_MAX = 20;

/** The buyer, plus their accounts-payable mailbox when they gave one. */
export function receiptRecipients(buyer: BuyerDetails): string[] {
  const recipients = [buyer.email];
  if (buyer.billingEmail && buyer.billingEmail.toLowerCase() !== buyer.email.toLowerCase()) recipients.push(buyer.billingEmail);
  return recipients;
}

export function receiptSubject(order: ReceiptOrder): string {
  const po = order.buyer.purchaseOrder?.trim();
  const suffix = po ? ` - PO ${po.slice(0, PO_SUBJECT_MAX)}` : '';
  return `Your Kettle & Crate order ${order.orderNumber}${suffix}`;
}

export function renderReceiptText(order: ReceiptOrder): string {
  const rows = order.lines.map((line) => `${String(line.quantity).padStart(4)} x ${line.name.padEnd(40)} ${format(multiply(line.unitPrice, line.quantity))}`);
  const buyer = order.buyer;
  return [
    `Order ${order.orderNumber}, placed ${order.placedAt.slice(0, 10)}`,
    buyer.companyName ? `Customer: ${buyer.companyName}${buyer.vatId ? `, VAT ID ${buyer.vatId}` : ''}` : undefined,
    buyer.purchaseOrder ? `Your purchase order: ${buyer.purchaseOrder}` : undefined,
    '',
    ...rows,
    '',
    order.discount.amount > 0 ? `Discount: -${format(order.discount)}` : undefined,
    `Net: ${format(order.net)}`,
    `VAT (${order.tax.rateBasisPoints / 100}%): ${format(order.tax.tax)}`,
    order.tax.note,
    `Total paid: ${format(order.total)}`,
    '',
    `Questions? Reply to this email or write to ${SUPPORT}.`,
  ].filter((line): line is string => line !== undefined).join('\n');
}

export async function sendReceipt(mailer: Mailer, order: ReceiptOrder): Promise<string> {
  // TODO: the PDF invoice comes from the billing service a day later and does not print the PO number yet.
  const { messageId } = await mailer.send({
    from: SENDER,
    to: receiptRecipients(order.buyer),
    replyTo: SUPPORT,
    subject: receiptSubject(order),
    text: renderReceiptText(order),
  });
  return messageId;
}
