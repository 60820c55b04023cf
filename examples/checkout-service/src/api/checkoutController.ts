// The checkout flow: cart -> discount -> VAT -> fraud screening -> authorize -> receipt.
// POST /checkout starts it; GET /checkout/return is where the bank sends the customer after 3-D Secure.
// @serves CR-101
import { isEmpty, subtotal, type Cart } from '../cart/cart';
import type { CartStore } from '../cart/cartStore';
import { assessFraud, type FraudSignals } from '../fraud/fraudCheck';
import type { PaymentService } from '../payments/paymentService';
import { applyDiscount, type DiscountCode } from '../pricing/discounts';
import { calculateTax, vatTreatment, type VatIdRegistry } from '../pricing/tax';
import { sendReceipt, type Mailer } from '../receipts/receiptMailer';
import { add } from '../shared/money';

export interface HttpResult {
  status: number;
  body: unknown;
}

export interface Orders {
  create(cart: Cart, totals: { net: number; tax: number; total: number; currency: string }): Promise<{ orderId: string; orderNumber: string }>;
  attachPayment(orderId: string, paymentId: string): Promise<void>;
  findByPayment(paymentId: string): Promise<{ orderId: string; orderNumber: string; cartId: string } | undefined>;
}

export interface CheckoutDependencies {
  carts: CartStore;
  payments: PaymentService;
  vies: VatIdRegistry;
  discounts: { find(code: string): Promise<DiscountCode | undefined> };
  orders: Orders;
  mailer: Mailer;
  fraudSignals(cart: Cart): Promise<FraudSignals>;
}

export class CheckoutController {
  constructor(private readonly deps: CheckoutDependencies) {}

  async startCheckout(cartId: string, cardToken: string): Promise<HttpResult> {
    const cart = await this.deps.carts.load(cartId);
    if (!cart) return { status: 404, body: { error: 'cart_not_found' } };
    if (isEmpty(cart)) return { status: 409, body: { error: 'cart_empty' } };
    if (!cart.buyer) return { status: 409, body: { error: 'buyer_details_missing' } };
    if (cart.pendingPaymentId) return { status: 409, body: { error: 'payment_in_progress', paymentId: cart.pendingPaymentId } };

    const code = cart.discountCode ? await this.deps.discounts.find(cart.discountCode) : undefined;
    const priced = applyDiscount(subtotal(cart), code, !!cart.buyer.vatId);
    const treatment = await vatTreatment(cart.buyer, this.deps.vies);
    const tax = calculateTax(priced.net, treatment, cart.buyer.shipTo.country);
    const total = add(priced.net, tax.tax);

    const risk = assessFraud(await this.deps.fraudSignals(cart));
    const { orderId, orderNumber } = await this.deps.orders.create(cart, { net: priced.net.amount, tax: tax.tax.amount, total: total.amount, currency: total.currency });
    const result = await this.deps.payments.authorize({ orderId, cartId, total, cardToken }, risk);
    switch (result.kind) {
      case 'authorized':
        await this.deps.orders.attachPayment(orderId, result.paymentId);
        await this.deps.carts.clear(cartId);
        await sendReceipt(this.deps.mailer, { orderNumber, placedAt: new Date().toISOString(), buyer: cart.buyer, lines: cart.lines, net: priced.net, discount: priced.discount, tax, total });
        return { status: 201, body: { orderNumber, status: 'paid' } };
      case 'challenge':
        await this.deps.orders.attachPayment(orderId, result.paymentId);
        return { status: 202, body: { orderNumber, status: 'requires_action', redirectUrl: result.redirectUrl } };
      case 'declined':
        return { status: 402, body: { orderNumber, status: 'declined', reason: result.reason } };
    }
  }

  async returnFromChallenge(paymentId: string): Promise<HttpResult> {
    const order = await this.deps.orders.findByPayment(paymentId);
    if (!order) return { status: 404, body: { error: 'order_not_found' } };
    const cart = await this.deps.carts.load(order.cartId);
    // TODO: when the cart expired during the challenge we cannot build the receipt and answer 410,
    // even if the bank authorized the payment. The order has the lines; render from the order instead.
    if (!cart?.buyer) return { status: 410, body: { error: 'cart_expired', orderNumber: order.orderNumber } };
    const result = await this.deps.payments.completeChallenge(paymentId);
    if (result.kind !== 'authorized') {
      await this.deps.carts.releasePayment(order.cartId);
      return { status: 402, body: { orderNumber: order.orderNumber, status: 'declined', reason: result.kind === 'declined' ? result.reason : 'unknown' } };
    }
    await this.deps.carts.clear(order.cartId);
    return { status: 200, body: { orderNumber: order.orderNumber, status: 'paid' } };
  }
}
