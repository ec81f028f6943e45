import { normaliseReservationLines } from './reservation.service';

const a = '6f1c7a1e-0003-4000-8000-00000000000a';
const b = '6f1c7a1e-0003-4000-8000-00000000000b';

describe('normaliseReservationLines', () => {
  it('merges repeated products and sorts by product id (the lock order)', () => {
    expect(
      normaliseReservationLines([
        { productId: b, quantity: 1 },
        { productId: a.toUpperCase(), quantity: 2 },
        { productId: a, quantity: 3 },
      ]),
    ).toEqual([
      { productId: a, quantity: 5 },
      { productId: b, quantity: 1 },
    ]);
  });

  it.each([
    [[], 'lines'],
    [[{ productId: 'x', quantity: 1 }], 'lines[0].productId'],
    [[{ productId: a, quantity: 0 }], 'lines[0].quantity'],
    [[{ productId: a, quantity: 2.5 }], 'lines[0].quantity'],
    [Array.from({ length: 101 }, () => ({ productId: a, quantity: 1 })), 'lines'],
  ])('rejects %j naming %s', (lines, field) => {
    expect(() => normaliseReservationLines(lines)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field }) }));
  });
});
