import { createHmac, randomBytes, scryptSync } from 'node:crypto';
import { parseOptions } from '@node-rs/argon2';
import { JwtService } from '@nestjs/jwt';
import type { Sql } from 'postgres';
import * as passwords from 'src/platform/auth/password';
import { Db } from 'src/platform/db/db';
import { bearer, startTestApp, TestApp } from './support/test-app';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const policy = { maxFailures: 3, maxFailuresPerAddress: 6, windowSeconds: 900, lockSeconds: 900 };
const from = (address: string) => ({ 'X-Forwarded-For': address });

/** A token signed with the server's own secret but any header and payload (what an attacker can't, unless it leaked). */
function handMadeToken(header: object, payload: unknown, key = SECRET, alg = 'sha256'): string {
  const part = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const body = `${part(header)}.${part(payload)}`;
  return `${body}.${createHmac(alg, key).update(body).digest('base64url')}`;
}

describe('sign-in under attack: throttling, token versions, hashing, malformed tokens (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let sql: Sql;
  const login = (t: TestApp, username: string, password: string, address = '198.51.100.7') =>
    t.http().post('/auth/login').set(from(address)).send({ username, password });

  beforeAll(async () => {
    // Two replicas on one database; behind a proxy on loopback the client address comes from X-Forwarded-For.
    a = await startTestApp({ loginThrottle: policy, trustProxy: 'loopback' });
    b = await startTestApp({ loginThrottle: policy, trustProxy: 'loopback' }, [], a.databaseUrl);
    sql = a.app.get(Db).client;
  }, 300_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  }, 300_000);
  afterEach(() => jest.restoreAllMocks());

  it('locks an account after repeated failures, on every replica, with 429, Retry-After and when to retry', async () => {
    await login(a, 'supervisor', 'wrong-1').expect(401);
    await login(b, 'supervisor', 'wrong-2').expect(401);
    const locked = await login(a, 'supervisor', 'wrong-3').expect(429);
    expect(locked.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(locked.body).toMatchObject({ code: 'auth.too-many-failures', status: 429 });
    expect(locked.body.detail).toMatch(/分钟/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(policy.lockSeconds);
    expect(Date.parse(locked.body.retryAt)).toBeGreaterThan(Date.now());

    // The right password changes nothing while the lock runs, on the other replica too, and no hash is checked.
    const verify = jest.spyOn(passwords, 'verifyPassword');
    const refused = await login(b, 'supervisor', 'demo-supervisor').set('Accept-Language', 'en').expect(429);
    expect(refused.body.detail).toMatch(
      /^Too many failed sign-ins: signing in is locked for \d+ more minute\(s\); try again after \d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)$/,
    );
    expect(verify).not.toHaveBeenCalled();
    // Other accounts are not affected.
    await login(a, 'qc', 'demo-qc').expect(200);

    // Once the lock has run out, the right password signs in and the count starts again.
    await sql`UPDATE login_throttles SET locked_until = now() - interval '1 second' WHERE key = 'account:supervisor'`;
    await login(b, 'supervisor', 'demo-supervisor').expect(200);
    await login(a, 'supervisor', 'wrong-4').expect(401);
  });

  it('treats unknown names exactly as known ones: counted, locked, and checked against a hash of the same strength', async () => {
    const verify = jest.spyOn(passwords, 'verifyPassword');
    await login(a, 'no-such-user', 'guess-1', '198.51.100.20').expect(401);
    await login(a, 'trainer', 'guess-1', '198.51.100.21').expect(401);
    expect(verify).toHaveBeenCalledTimes(2);
    const [unknownHash, knownHash] = verify.mock.calls.map(([, stored]) => stored);
    expect(unknownHash.startsWith('$argon2id$')).toBe(true);
    expect(knownHash.startsWith('$argon2id$')).toBe(true);
    const { memoryCost, timeCost, parallelism } = parseOptions(knownHash);
    expect(parseOptions(unknownHash)).toMatchObject({ memoryCost, timeCost, parallelism });

    await login(a, 'no-such-user', 'guess-2', '198.51.100.20').expect(401);
    const locked = await login(b, 'no-such-user', 'guess-3', '198.51.100.20').expect(429);
    expect(locked.body.code).toBe('auth.too-many-failures');
  });

  it('locks a client address guessing across many names, and no other address', async () => {
    const attacker = '203.0.113.9';
    for (let i = 1; i < policy.maxFailuresPerAddress; i++)
      await login(i % 2 ? a : b, `name-${i}`, 'guess', attacker).expect(401);
    await login(a, 'name-last', 'guess', attacker).expect(429);
    await login(b, 'hr', 'demo-hr', attacker).expect(429);
    await login(a, 'hr', 'demo-hr', '203.0.113.10').expect(200);
  });

  it('upgrades an old scrypt hash to argon2id at the next sign-in', async () => {
    const salt = randomBytes(16);
    const old = [
      'scrypt',
      16384,
      8,
      1,
      salt.toString('base64'),
      scryptSync('demo-trainer', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64'),
    ].join('$');
    await sql`UPDATE users SET password_hash = ${old} WHERE username = 'trainer'`;
    await login(a, 'trainer', 'demo-trainer', '198.51.100.30').expect(200);
    const [{ password_hash: upgraded }] = await sql<
      { password_hash: string }[]
    >`SELECT password_hash FROM users WHERE username = 'trainer'`;
    expect(upgraded.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(upgraded)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    await login(b, 'trainer', 'demo-trainer', '198.51.100.30').expect(200);
  });

  it('ends a user’s sessions at once when a manager resets the password, changes the role or deactivates the user', async () => {
    const manager = (await login(a, 'manager', 'demo-manager', '198.51.100.40').expect(200)).body.accessToken;
    const created = await a
      .http()
      .post('/users')
      .set(bearer(manager))
      .send({ username: 'clerk', displayName: 'Clerk', password: 'password-1', role: 'hr' })
      .expect(201);
    const signIn = async (password: string) =>
      (await login(b, 'clerk', password, '198.51.100.41').expect(200)).body.accessToken as string;

    let token = await signIn('password-1');
    await b.http().get('/auth/me').set(bearer(token)).expect(200);
    await a.http().patch(`/users/${created.body.id}`).set(bearer(manager)).send({ password: 'password-2' }).expect(200);
    const revoked = await b.http().get('/auth/me').set(bearer(token)).expect(401);
    expect(revoked.body.code).toBe('auth.token-revoked');

    token = await signIn('password-2');
    await a
      .http()
      .patch(`/users/${created.body.id}`)
      .set(bearer(manager))
      .send({ displayName: 'Clerk Two' })
      .expect(200);
    await b.http().get('/auth/me').set(bearer(token)).expect(200);
    await a.http().patch(`/users/${created.body.id}`).set(bearer(manager)).send({ role: 'qc' }).expect(200);
    expect((await b.http().get('/auth/me').set(bearer(token)).expect(401)).body.code).toBe('auth.token-revoked');

    token = await signIn('password-2');
    await a.http().patch(`/users/${created.body.id}`).set(bearer(manager)).send({ active: false }).expect(200);
    await b.http().get('/auth/me').set(bearer(token)).expect(401);
  });

  it('lets users change their own password: other sessions end, this one gets a new token', async () => {
    const first = (await login(a, 'agent', 'demo-agent', '198.51.100.50').expect(200)).body.accessToken;
    const second = (await login(b, 'agent', 'demo-agent', '198.51.100.50').expect(200)).body.accessToken;
    const wrong = await a
      .http()
      .post('/auth/password')
      .set(bearer(first))
      .send({ currentPassword: 'nope', newPassword: 'new-password-1' })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'auth.wrong-current-password', errors: [{ field: 'currentPassword' }] });
    const changed = await a
      .http()
      .post('/auth/password')
      .set(bearer(first))
      .send({ currentPassword: 'demo-agent', newPassword: 'new-password-1' })
      .expect(200);
    await b.http().get('/auth/me').set(bearer(second)).expect(401);
    await a.http().get('/auth/me').set(bearer(first)).expect(401);
    await b.http().get('/auth/me').set(bearer(changed.body.accessToken)).expect(200);
    await login(a, 'agent', 'demo-agent', '198.51.100.51').expect(401);
    await login(a, 'agent', 'new-password-1', '198.51.100.51').expect(200);
  });

  it('answers 401 problem+json, never 500, to any malformed, forged or stale token', async () => {
    const [{ id }] = await sql<{ id: string }[]>`SELECT id FROM users WHERE username = 'hr'`;
    const now = Math.floor(Date.now() / 1000);
    const signer = a.app.get(JwtService);
    const tokens = {
      subjectNotUuid: signer.sign({ sub: 'not-a-uuid' }),
      subjectNumber: signer.sign({ sub: 42 }),
      noSubject: signer.sign({ ver: 0 }),
      versionNotNumber: signer.sign({ sub: id, ver: 'x' }),
      stringPayload: handMadeToken({ alg: 'HS256', typ: 'JWT' }, '"just a string"'),
      algNone: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: id, iat: now })).toString('base64url')}.`,
      otherAlgorithm: handMadeToken({ alg: 'HS512', typ: 'JWT' }, { sub: id, iat: now }, SECRET, 'sha512'),
      otherSecret: new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign({ sub: id }),
      expired: signer.sign({ sub: id }, { expiresIn: -10 }),
      garbage: 'abc.def.ghi',
      oneSegment: 'AAAA',
      overlong: 'A'.repeat(9000),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const res = await a.http().get('/auth/me').set(bearer(token));
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toMatch(/^auth\.token-/);
    }
  });
});
