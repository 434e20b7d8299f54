import { randomBytes } from 'node:crypto';

const KEY_BYTES = 18;

/** A random URL-safe key (144 bits, 24 characters). */
export function randomKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}
