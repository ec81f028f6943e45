import { lowStockAlertDue } from './low-stock-rule';

describe('lowStockAlertDue', () => {
  it('fires when available falls from above the threshold to it or below', () => {
    expect(lowStockAlertDue(6, 5, 5)).toBe(true);
    expect(lowStockAlertDue(10, 2, 5)).toBe(true);
  });

  it('stays quiet while available is above the threshold', () => {
    expect(lowStockAlertDue(10, 6, 5)).toBe(false);
  });

  it('does not repeat for every sale while already low, but fires again when sold out', () => {
    expect(lowStockAlertDue(4, 3, 5)).toBe(false);
    expect(lowStockAlertDue(2, 0, 5)).toBe(true);
  });

  it('never fires when stock grows or stays', () => {
    expect(lowStockAlertDue(2, 8, 5)).toBe(false);
    expect(lowStockAlertDue(3, 3, 5)).toBe(false);
    expect(lowStockAlertDue(0, 0, 0)).toBe(false);
  });

  it('with a zero threshold, fires only on selling out', () => {
    expect(lowStockAlertDue(3, 1, 0)).toBe(false);
    expect(lowStockAlertDue(3, 0, 0)).toBe(true);
  });
});
