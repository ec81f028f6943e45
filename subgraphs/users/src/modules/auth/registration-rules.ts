// Input rules for registration: what a valid email, password, name, phone and stall look like.
import { BadUserInputError } from '../../../../kit/src/errors';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const phonePattern = /^\+?[0-9 ()-]{7,20}$/;

export function normaliseEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (value.length > 254 || !emailPattern.test(value)) throw new BadUserInputError('Email is not valid', 'email');
  return value;
}

/** At least 10 characters with a letter and a digit, at most 128, and not the email itself. */
export function assertStrongPassword(password: string, email: string): void {
  if (password.length < 10) throw new BadUserInputError('Password must have at least 10 characters', 'password');
  if (password.length > 128) throw new BadUserInputError('Password must have at most 128 characters', 'password');
  if (!/[A-Za-zÀ-ÿ]/.test(password) || !/[0-9]/.test(password)) {
    throw new BadUserInputError('Password must contain letters and digits', 'password');
  }
  if (password.toLowerCase() === email || password.toLowerCase() === email.split('@')[0]) {
    throw new BadUserInputError('Password must not be your email', 'password');
  }
}

export function requireText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (!text) throw new BadUserInputError(`${field} is required`, field);
  if (text.length > max) throw new BadUserInputError(`${field} must have at most ${max} characters`, field);
  return text;
}

export function optionalPhone(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined || phone.trim() === '') return null;
  const value = phone.trim();
  if (!phonePattern.test(value)) throw new BadUserInputError('Phone number is not valid', 'phone');
  return value;
}
