import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('s3cret-Pass');
    expect(stored.startsWith('scrypt$')).toBe(true);
    await expect(verifyPassword('s3cret-Pass', stored)).resolves.toBe(true);
    await expect(verifyPassword('s3cret-pass', stored)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('rejects a malformed stored hash', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
  });
});
