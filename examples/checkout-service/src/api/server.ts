// HTTP entry point. Routes are few enough that a table beats a framework.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { handleWebhook, type OrderEvents } from '../payments/webhooks';
import type { CheckoutController, HttpResult } from './checkoutController';

const MAX_BODY_BYTES = 64 * 1024;

type Handler = (request: IncomingMessage, body: string, url: URL) => Promise<HttpResult>;

export function createCheckoutServer(controller: CheckoutController, orderEvents: OrderEvents) {
  const routes: Record<string, Handler> = {
    'POST /checkout': async (_request, body) => {
      const { cartId, cardToken } = JSON.parse(body) as { cartId?: string; cardToken?: string };
      if (!cartId || !cardToken) return { status: 400, body: { error: 'cartId and cardToken are required' } };
      return controller.startCheckout(cartId, cardToken);
    },
    'GET /checkout/return': async (_request, _body, url) => {
      // Northpay appends payment_id to the return URL we gave it.
      const paymentId = url.searchParams.get('payment_id');
      if (!paymentId) return { status: 400, body: { error: 'payment_id is required' } };
      return controller.returnFromChallenge(paymentId);
    },
    'POST /webhooks/northpay': async (request, body) => {
      const signature = request.headers['northpay-signature'];
      const status = await handleWebhook(body, Array.isArray(signature) ? signature[0] : signature, orderEvents);
      return { status, body: {} };
    },
    'GET /healthz': async () => ({ status: 200, body: { ok: true } }),
  };

  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://checkout.internal');
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) return send(response, { status: 404, body: { error: 'not_found' } });
    readBody(request)
      .then((body) => handler(request, body, url))
      .then((result) => send(response, result))
      .catch((error: unknown) => {
        console.error(JSON.stringify({ level: 'error', route: url.pathname, message: String(error) }));
        send(response, { status: error instanceof SyntaxError ? 400 : 500, body: { error: 'internal' } });
      });
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, result: HttpResult): void {
  response.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(result.body));
}
