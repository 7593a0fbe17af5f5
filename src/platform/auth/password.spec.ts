import { randomBytes, scryptSync } from 'node:crypto';
import { parseOptions } from '@node-rs/argon2';
import { ARGON2_PARAMETERS, decoyHash, hashPassword, needsRehash, verifyPassword } from './password';

/** A hash as the server wrote them before argon2id (scrypt N=2^14, r=8, p=1). */
function legacyScrypt(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('hashes with argon2id at OWASP’s parameters (19 MiB, 2 passes, 1 lane) and verifies', async () => {
    const stored = await hashPassword('s3cret-Pass');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(stored)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await expect(verifyPassword('s3cret-Pass', stored)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-pass', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('still verifies the scrypt hashes stored before, and marks them for an upgrade', async () => {
    const old = legacyScrypt('old-Pass-1');
    await expect(verifyPassword('old-Pass-1', old)).resolves.toBe(true);
    await expect(verifyPassword('old-pass-1', old)).resolves.toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('marks argon2 hashes weaker than today’s parameters for an upgrade', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('x', { algorithm: 2 as never, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(needsRehash(weak)).toBe(true);
    await expect(verifyPassword('x', weak)).resolves.toBe(true);
  });

  it('rejects malformed stored hashes without throwing', async () => {
    for (const stored of ['plain', '', '$argon2id$v=19$garbage', 'scrypt$1$1$1$$', 'scrypt$abc$8$1$AAAA$AAAA']) {
      await expect(verifyPassword('x', stored)).resolves.toBe(false);
      expect(needsRehash(stored)).toBe(true);
    }
  });

  it('makes decoys of today’s strength (the work a known name’s check costs)', async () => {
    const decoy = await decoyHash();
    expect(parseOptions(decoy)).toMatchObject({ ...ARGON2_PARAMETERS });
    await expect(verifyPassword('anything', decoy)).resolves.toBe(false);
  });
});
