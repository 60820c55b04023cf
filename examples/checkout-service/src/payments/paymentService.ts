// Card payments with 3-D Secure 2 (Strong Customer Authentication) through Northpay.
// Authorize at checkout, capture when the warehouse ships.
// @serves CR-101, CR-102
// @milestone M2
// @assumes
import type { CartStore } from '../cart/cartStore';
import type { FraudAssessment } from '../fraud/fraudCheck';
import type { Money } from '../shared/money';
import { NorthpayError, type NorthpayClient, type ScaExemption } from './northpayClient';

export type PaymentResult =
  | { kind: 'authorized'; paymentId: string }
  | { kind: 'challenge'; paymentId: string; redirectUrl: string }
  | { kind: 'declined'; paymentId?: string; reason: string };

export interface OrderToPay {
  orderId: string;
  cartId: string;
  total: Money;
  cardToken: string;
}

/** Northpay grants a TRA exemption up to EUR 500 at our fraud rate; above that the issuer decides. */
export const TRA_EXEMPTION_LIMIT_CENTS = 500_00;
export const LOW_VALUE_LIMIT_CENTS = 30_00;

/** Where the customer's bank sends them back after the challenge. */
export function challengeReturnUrl(orderId: string): string {
  // @flag F-20261112-q7hm
  // TODO(marta): read the public checkout host from config per environment.
  const base = process.env.SANDBOX_RETURN_URL ?? 'https://checkout.staging.kettleandcrate.example';
  return `${base}/checkout/return?order=${encodeURIComponent(orderId)}`;
}

export function chooseExemption(total: Money, risk: FraudAssessment): ScaExemption | undefined {
  if (total.amount <= LOW_VALUE_LIMIT_CENTS) return 'low_value';
  if (risk.level === 'low' && total.amount <= TRA_EXEMPTION_LIMIT_CENTS) return 'transaction_risk_analysis';
  return undefined;
}

export class PaymentService {
  constructor(private readonly client: NorthpayClient, private readonly carts: CartStore) {}

  async authorize(order: OrderToPay, risk: FraudAssessment): Promise<PaymentResult> {
    if (risk.level === 'high') return { kind: 'declined', reason: 'fraud_screening' };
    try {
      // @risk R-1
      const payment = await this.client.createPayment({
        amount: order.total,
        reference: order.orderId,
        cardToken: order.cardToken,
        threeDSecure: { returnUrl: challengeReturnUrl(order.orderId), exemption: chooseExemption(order.total, risk) },
        captureMethod: 'manual',
      }, `authorize-${order.orderId}`);
      switch (payment.status) {
        case 'authorized':
          return { kind: 'authorized', paymentId: payment.id };
        case 'requires_action':
          // The customer goes to their bank app; keep the cart frozen and alive until they are back.
          await this.carts.markPaymentPending(order.cartId, payment.id);
          return { kind: 'challenge', paymentId: payment.id, redirectUrl: payment.actionUrl ?? '' };
        default:
          return { kind: 'declined', paymentId: payment.id, reason: payment.failureCode ?? payment.status };
      }
    } catch (error) {
      if (error instanceof NorthpayError && !error.retryable) return { kind: 'declined', reason: error.code };
      throw error;
    }
  }

  /** The customer is back from the bank: what did the challenge decide? */
  async completeChallenge(paymentId: string): Promise<PaymentResult> {
    const payment = await this.client.getPayment(paymentId);
    if (payment.status === 'authorized') return { kind: 'authorized', paymentId };
    // TODO: Northpay reports requires_action for a few seconds after the bank redirects back. We decline
    // instead of polling, which is the "payment failed" after confirming in the bank app (CR-101).
    return { kind: 'declined', paymentId, reason: payment.failureCode ?? 'challenge_not_completed' };
  }

  async capture(paymentId: string, amount: Money): Promise<void> {
    await this.client.capture(paymentId, amount, `capture-${paymentId}`);
  }

  async refund(paymentId: string, amount: Money, reason: string): Promise<void> {
    await this.client.refund(paymentId, amount, `refund-${paymentId}-${amount.amount}-${reason}`);
  }
}
