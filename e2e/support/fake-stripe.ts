// A local stand-in for Stripe's HTTP API, for the `stripe` SDK pointed at it (host, port, protocol): PaymentIntents
// and refunds (form-encoded bodies, Idempotency-Key honoured as Stripe does), and a record of every request it got
// (GET /__requests) so tests can see what the market asked for.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: Record<string, string>;
}

export interface FakeStripe {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const byKey = new Map<string, unknown>();
  let counter = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_fake_${counter}` });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path === '/__requests') return send(200, requests);
      const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? null;
      requests.push({ method: req.method ?? '', path, idempotencyKey, body });
      if (idempotencyKey && byKey.has(`${path}:${idempotencyKey}`)) return send(200, byKey.get(`${path}:${idempotencyKey}`));
      let answer: unknown;
      if (req.method === 'POST' && path === '/v1/payment_intents') {
        const id = `pi_fake_${++counter}`;
        const metadata = Object.fromEntries(
          Object.entries(body)
            .filter(([k]) => k.startsWith('metadata['))
            .map(([k, v]) => [k.slice(9, -1), v]),
        );
        answer = {
          id,
          object: 'payment_intent',
          amount: Number(body.amount),
          currency: body.currency,
          status: 'requires_payment_method',
          client_secret: `${id}_secret_fake`,
          metadata,
        };
      } else if (req.method === 'POST' && path === '/v1/refunds') {
        answer = {
          id: `re_fake_${++counter}`,
          object: 'refund',
          amount: Number(body.amount),
          payment_intent: body.payment_intent,
          status: 'succeeded',
        };
      } else {
        return send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${path})` } });
      }
      if (idempotencyKey) byKey.set(`${path}:${idempotencyKey}`, answer);
      send(200, answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What the fake has been asked so far (from a test process: the fake lives in jest's parent). */
export async function stripeRequests(): Promise<RecordedRequest[]> {
  return (await fetch(new URL('/__requests', process.env.ESPIGON_FAKE_STRIPE_URL!))).json() as Promise<RecordedRequest[]>;
}
