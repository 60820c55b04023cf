// Carts live in Redis under "cart:<id>" with a sliding TTL: every save starts the clock again.
// @risk R-3
// @assumes A-4
import type { Cart } from './cart';

/** 30 minutes of inactivity and the cart is gone. */
export const CART_TTL_SECONDS = 30 * 60;
/** While the customer is in their bank app confirming a payment, keep the cart much longer. */
export const PENDING_PAYMENT_TTL_SECONDS = 2 * 60 * 60;

export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class CartStore {
  constructor(private readonly kv: KeyValueStore) {}

  async load(cartId: string): Promise<Cart | undefined> {
    const raw = await this.kv.get(key(cartId));
    return raw === undefined ? undefined : (JSON.parse(raw) as Cart);
  }

  async save(cart: Cart): Promise<void> {
    const ttl = cart.pendingPaymentId ? PENDING_PAYMENT_TTL_SECONDS : CART_TTL_SECONDS;
    await this.kv.set(key(cart.id), JSON.stringify(cart), ttl);
  }

  /**
   * Freeze the cart and extend its life while a 3-D Secure challenge is open.
   * TODO(lukas): this runs after Northpay answers requires_action. A cart that was idle for 29 minutes
   * before "Pay" can expire between our call to Northpay and this save; the return handler then finds
   * nothing and the customer starts again (Café Mireille, CR-102). Extend the TTL before authorizing.
   */
  async markPaymentPending(cartId: string, paymentId: string): Promise<void> {
    const cart = await this.load(cartId);
    if (!cart) return;
    await this.save({ ...cart, pendingPaymentId: paymentId, updatedAt: new Date().toISOString() });
  }

  async releasePayment(cartId: string): Promise<void> {
    const cart = await this.load(cartId);
    if (!cart) return;
    const { pendingPaymentId: _released, ...rest } = cart;
    await this.save({ ...rest, updatedAt: new Date().toISOString() });
  }

  async clear(cartId: string): Promise<void> {
    await this.kv.delete(key(cartId));
  }
}

function key(cartId: string): string {
  return `cart:${cartId}`;
}
