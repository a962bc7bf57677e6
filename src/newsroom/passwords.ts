import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane (about 20 ms here).
const options = {
  // Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot read).
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const minPasswordLength = 10;
export const maxPasswordLength = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified against when the address is unknown, so a wrong address costs as long as a wrong password.
let decoy: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hashPassword('not the password of anybody');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function checkPassword(password: unknown, field = 'password'): FieldError | null {
  if (typeof password !== 'string' || password.length < minPasswordLength) {
    return { field, message: `Use at least ${minPasswordLength} characters.` };
  }
  if (password.length > maxPasswordLength) {
    return { field, message: `Use at most ${maxPasswordLength} characters.` };
  }
  return null;
}
