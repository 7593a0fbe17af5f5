import { JwtService } from '@nestjs/jwt';
import { bearer, startTestApp, TestApp } from './support/test-app';

describe('sign-in, tokens and deny-by-default (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('signs in a demo user and says who it is', async () => {
    const login = await t
      .http()
      .post('/auth/login')
      .send({ username: 'manager', password: 'demo-manager' })
      .expect(200);
    expect(login.body.tokenType).toBe('Bearer');
    expect(login.body.user).toMatchObject({ username: 'manager', role: 'manager', shopId: t.demoShopId });
    const me = await t.http().get('/auth/me').set(bearer(login.body.accessToken)).expect(200);
    expect(me.body).toMatchObject({ username: 'manager', actingShopId: t.demoShopId });
  });

  it('refuses a wrong password and an unknown user alike, as problem+json', async () => {
    const wrong = await t.http().post('/auth/login').send({ username: 'manager', password: 'nope' }).expect(401);
    const unknown = await t.http().post('/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.body).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('names the field of a malformed login body', async () => {
    const res = await t.http().post('/auth/login').send({ username: 'manager', extra: true }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'password']);
  });

  it('answers 401 for a missing, forged or expired token', async () => {
    await t.http().get('/agents').expect(401);
    const forged = new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign({
      sub: '00000000-0000-0000-0000-000000000000',
    });
    await t.http().get('/agents').set(bearer(forged)).expect(401);
    const login = await t
      .http()
      .post('/auth/login')
      .send({ username: 'manager', password: 'demo-manager' })
      .expect(200);
    const expired = t.app.get(JwtService).sign({ sub: login.body.user.id }, { expiresIn: -10 });
    const res = await t.http().get('/agents').set(bearer(expired)).expect(401);
    expect(res.body).toMatchObject({ code: 'auth.token-expired', detail: '令牌已过期，请重新登录' });
    const inEnglish = await t
      .http()
      .get('/agents')
      .set(bearer(expired))
      .set('Accept-Language', 'en-US,en;q=0.9')
      .expect(401);
    expect(inEnglish.body.detail).toMatch(/expired/);
    await t.http().get('/agents').set({ Authorization: 'Basic abc' }).expect(401);
  });

  it('stops a deactivated user at once, even with a valid token', async () => {
    const manager = await t.tokenFor('manager');
    const created = await t
      .http()
      .post('/users')
      .set(bearer(manager))
      .send({ username: 'temp', displayName: 'Temp', password: 'password-1', role: 'hr' })
      .expect(201);
    const token = await t.tokenFor('temp', 'password-1');
    await t.http().get('/agents').set(bearer(token)).expect(200);
    await t.http().patch(`/users/${created.body.id}`).set(bearer(manager)).send({ active: false }).expect(200);
    await t.http().get('/agents').set(bearer(token)).expect(401);
  });

  it('guards every documented endpoint: without a token each one answers 401', async () => {
    const docs = await t.http().get('/docs-json').expect(200);
    const open = new Set(['post /auth/login', 'get /health']);
    const operations = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((method) => ({
          method,
          path: path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
          key: `${method} ${path}`,
        })),
    );
    expect(operations.length).toBeGreaterThan(20);
    for (const op of operations.filter((o) => !open.has(o.key))) {
      const res = await (t.http() as unknown as Record<string, (p: string) => Promise<{ status: number }>>)[op.method](
        op.path,
      );
      expect({ op: op.key, status: res.status }).toEqual({ op: op.key, status: 401 });
    }
  });

  it('documents every endpoint with an example answer', async () => {
    const docs = await t.http().get('/docs-json').expect(200);
    const missing: string[] = [];
    for (const [path, methods] of Object.entries(
      docs.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        const text = JSON.stringify(op.responses);
        if (
          !text.includes('"example"') &&
          !text.includes('"No Content"') &&
          !text.includes('Deleted') &&
          !text.includes('Removed')
        )
          missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reports health without signing in', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-42').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect((await t.http().get('/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, redis: { status: 'not-configured' } });
  });

  it('lets an admin act on a shop only when naming it', async () => {
    const admin = await t.tokenFor('admin');
    const noShop = await t.http().get('/agents').set(bearer(admin)).expect(400);
    expect(noShop.body.errors[0].field).toBe('X-Shop-Id');
    await t
      .http()
      .get('/agents')
      .set({ ...bearer(admin), 'X-Shop-Id': 'not-a-uuid' })
      .expect(400);
    await t
      .http()
      .get('/agents')
      .set({ ...bearer(admin), 'X-Shop-Id': '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    const ok = await t
      .http()
      .get('/agents')
      .set({ ...bearer(admin), 'X-Shop-Id': t.demoShopId })
      .expect(200);
    expect(ok.body.total).toBe(60);
  });
});
