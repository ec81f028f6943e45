import { checkWebhookUrl, isPublicAddress } from './webhook-url';

describe('partner webhook URLs (SSRF guard)', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.9',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['8.8.8.8', '200.107.10.1', '2800:bf0::1', '172.32.0.1'])('accepts %s', (address) => expect(isPublicAddress(address)).toBe(true));

  const strict = { allowPrivate: false, allowHttp: false };
  it('refuses loopback, private and link-local targets, plain http, credentials, and non-URLs, naming the field', async () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/latest',
      'http://8.8.8.8/hook',
      'https://user:pw@8.8.8.8/hook',
      'nope',
      'ftp://8.8.8.8/x',
    ]) {
      await expect(checkWebhookUrl(url, strict)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'webhookUrl' } });
    }
    await expect(checkWebhookUrl('https://8.8.8.8/hook', strict)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', { allowPrivate: true, allowHttp: true })).resolves.toBeInstanceOf(URL);
  });
});
