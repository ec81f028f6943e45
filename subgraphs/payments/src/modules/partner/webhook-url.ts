// Where the market may send webhooks: http(s) URLs without credentials whose host resolves only to public addresses.
// Loopback, private, link-local, carrier-grade NAT, unique-local, multicast and unspecified addresses are refused (an
// SSRF guard: a partner URL must not reach the market's own network), checked at registration and again before each
// delivery (DNS can change); tests allow private targets by configuration.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { BadUserInputError } from '@espigon/kit/errors';
import { withTimeout } from '@espigon/kit/timeout';

/** A resolver that does not answer is a host that does not resolve. */
const DNS_TIMEOUT_MS = 3000;

const privateV4: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // 127/8 loopback
  [0xa9fe0000, 16], // 169.254/16 link-local (cloud metadata)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

export function isPublicAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const value = address.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
    return !privateV4.some(([net, bits]) => value >>> (32 - bits) === net >>> (32 - bits));
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPublicAddress(v6.slice(7));
  return !(v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('ff'));
}

export interface UrlPolicy {
  allowPrivate: boolean;
  allowHttp: boolean;
}

/** The URL as it will be called, or BAD_USER_INPUT naming `field`. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, field = 'webhookUrl'): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError('Not a URL', field);
  }
  if (raw.length > 2048) throw new BadUserInputError('At most 2,048 characters', field);
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) throw new BadUserInputError('Must be an https URL', field);
  if (url.username || url.password) throw new BadUserInputError('Must not carry credentials', field);
  if (policy.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host)
    ? [host]
    : (await withTimeout(lookup(host, { all: true, verbatim: true }), DNS_TIMEOUT_MS, 'DNS lookup').catch(() => [])).map((a) => a.address);
  if (!addresses.length) throw new BadUserInputError('The host does not resolve', field);
  if (!addresses.every(isPublicAddress))
    throw new BadUserInputError('Must reach a public address (no loopback, private or link-local targets)', field);
  return url;
}
