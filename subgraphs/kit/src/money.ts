// Money is integer US cents everywhere (Ecuador's currency is the dollar); this is the one place it becomes dollars.
import { BadUserInputError } from './errors';

/** A price or an amount a field may hold: whole cents, 0 or more, at most `max`. */
export function requireCents(value: number, field: string, { max = 100_000_000, min = 0 } = {}): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`${field} must be a whole number of cents between ${min} and ${max}`, field);
  }
  return value;
}

/** "$1,234.50" for people (receipts, the assistant's answers); never parsed back. */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100).toLocaleString('en-US');
  return `${sign}$${whole}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
}

/** Dollars as a decimal string ("12.5", "12.50") to cents, exactly: no floating point on the way. */
export function centsFromDollars(text: string): number {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new BadUserInputError(`"${text}" is not an amount in dollars`, 'amount');
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
