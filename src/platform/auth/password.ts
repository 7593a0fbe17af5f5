import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { hash, parseOptions, verify, type Algorithm } from '@node-rs/argon2';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

// The package declares its enum `const`, which per-file compilers cannot inline: the value itself.
const ARGON2ID = 2 as Algorithm;

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane). Hashes are PHC strings carrying their
 * parameters, so raising these later upgrades each password at its next sign-in.
 */
export const ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...ARGON2_PARAMETERS });
}

/**
 * Checks a password against a stored hash: argon2id, or the scrypt hashes written before it
 * (`scrypt$N$r$p$salt$key`). A malformed stored value never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, password).catch(() => false);
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 2 ** 20,
  }).catch(() => null);
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash weaker than today's parameters (any scrypt hash, or argon2 with less memory or passes). */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith('$argon2id$')) return true;
  try {
    const o = parseOptions(stored);
    return (
      o.memoryCost < ARGON2_PARAMETERS.memoryCost ||
      o.timeCost < ARGON2_PARAMETERS.timeCost ||
      o.parallelism < ARGON2_PARAMETERS.parallelism
    );
  } catch {
    return true;
  }
}

/**
 * A hash of a random password with today's parameters: what a sign-in with an unknown name is
 * checked against, so it costs exactly the work a known name's check does.
 */
export function decoyHash(): Promise<string> {
  return hashPassword(randomBytes(18).toString('base64url'));
}
