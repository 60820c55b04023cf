// A thin client for Northpay's payments API (v3). Amounts in minor units; every write carries an
// idempotency key so a retried request never charges twice.
// @milestone M1
import type { Money } from '../shared/money';

export interface NorthpayConfig {
  baseUrl: string;
  apiKey: string;
  /** Milliseconds before a request is abandoned; Northpay's p99 is around 1.2 s. */
  timeoutMs?: number;
}

export type NorthpayStatus = 'requires_action' | 'authorized' | 'captured' | 'failed' | 'canceled' | 'refunded';

/** Exemptions from Strong Customer Authentication we may ask for; the issuer can still refuse. */
export type ScaExemption = 'low_value' | 'transaction_risk_analysis';

export interface NorthpayPayment {
  id: string;
  status: NorthpayStatus;
  amount: number;
  currency: string;
  reference: string;
  /** Present when status is requires_action: where the customer completes the bank's challenge. */
  actionUrl?: string;
  failureCode?: string;
  payoutId?: string;
}

export interface CreatePaymentRequest {
  amount: Money;
  reference: string;
  cardToken: string;
  threeDSecure: { returnUrl: string; exemption?: ScaExemption };
  captureMethod: 'manual' | 'automatic';
}

export class NorthpayError extends Error {
  constructor(readonly httpStatus: number, readonly code: string, message: string) {
    super(message);
  }

  get retryable(): boolean {
    return this.httpStatus === 429 || this.httpStatus >= 500;
  }
}

export class NorthpayClient {
  constructor(private readonly config: NorthpayConfig, private readonly fetchImpl: typeof fetch = fetch) {}

  createPayment(request: CreatePaymentRequest, idempotencyKey: string): Promise<NorthpayPayment> {
    return this.request('POST', '/v3/payments', {
      amount: request.amount.amount,
      currency: request.amount.currency,
      reference: request.reference,
      payment_method: { type: 'card', token: request.cardToken },
      three_d_secure: { mode: 'required_if_needed', return_url: request.threeDSecure.returnUrl, exemption: request.threeDSecure.exemption },
      capture_method: request.captureMethod,
    }, idempotencyKey);
  }

  getPayment(paymentId: string): Promise<NorthpayPayment> {
    return this.request('GET', `/v3/payments/${encodeURIComponent(paymentId)}`);
  }

  capture(paymentId: string, amount: Money, idempotencyKey: string): Promise<NorthpayPayment> {
    return this.request('POST', `/v3/payments/${encodeURIComponent(paymentId)}/capture`, { amount: amount.amount }, idempotencyKey);
  }

  refund(paymentId: string, amount: Money, idempotencyKey: string): Promise<NorthpayPayment> {
    return this.request('POST', `/v3/payments/${encodeURIComponent(paymentId)}/refunds`, { amount: amount.amount }, idempotencyKey);
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.config.apiKey}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await this.fetchImpl(`${this.config.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.config.timeoutMs ?? 8_000),
    });
    const payload = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    if (!response.ok) {
      throw new NorthpayError(response.status, payload.error?.code ?? 'unknown', payload.error?.message ?? `Northpay ${method} ${path} answered ${response.status}`);
    }
    return payload as T;
  }
}
