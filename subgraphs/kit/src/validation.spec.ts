import { z } from 'zod';
import { parseInput } from './validation';

describe('parseInput', () => {
  const body = z.object({ checkoutId: z.uuid(), orders: z.array(z.object({ orderId: z.uuid() })).min(1) });

  it('returns the parsed value', () => {
    const value = { checkoutId: '6f1c7a1e-0000-4000-8000-000000000001', orders: [{ orderId: '6f1c7a1e-0000-4000-8000-000000000002' }] };
    expect(parseInput(body, value)).toEqual(value);
  });

  it('refuses with BAD_USER_INPUT naming the first offending field', () => {
    expect(() => parseInput(body, { checkoutId: '6f1c7a1e-0000-4000-8000-000000000001', orders: [{ orderId: 'x' }] })).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'orders.0.orderId' } }),
    );
    expect(() => parseInput(body, null, 'body')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'body' } }));
  });
});
