import postgres from 'postgres';
import { bearer, startTestApp, TestApp } from './support/test-app';

const ADMIN = 'wfm-test-admin';

const until = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
};

/** The app's PostgreSQL connections are killed under it (failover, restart, pg_terminate_backend). */
describe('database connections killed under load (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let admin: postgres.Sql;
  let database: string;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    database = new URL(t.databaseUrl).pathname.slice(1);
    admin = postgres(t.databaseUrl, { max: 2, onnotice: () => undefined, connection: { application_name: ADMIN } });
  }, 300_000);
  afterAll(async () => {
    await admin.end({ timeout: 1 });
    await t.close();
  }, 300_000);

  /** The app's connections: the database's client backends except this test's own. */
  const appBackends = (where = admin``) =>
    admin`SELECT pid, wait_event_type FROM pg_stat_activity WHERE datname = ${database} AND backend_type = 'client backend' AND application_name <> ${ADMIN} ${where}`;
  /** Kills them and waits until they are gone (up to 5 s each). */
  const terminateApp = (where = admin``) =>
    admin`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = ${database} AND backend_type = 'client backend' AND application_name <> ${ADMIN} ${where}`;

  it('answers requests whose connection was killed with 503 problem+json and Retry-After', async () => {
    // Hold the requests inside PostgreSQL (a lock they wait for), kill their connections, then let go.
    const teamId = (await t.http().get('/teams').set(bearer(manager)).expect(200)).body.items[0].id as string;
    const holder = await admin.reserve();
    await holder`BEGIN`;
    await holder`LOCK TABLE teams IN ACCESS EXCLUSIVE MODE`;
    // One query each (GET /teams/:id), so each request has exactly one query waiting.
    const requests = Array.from({ length: 5 }, () =>
      t
        .http()
        .get(`/teams/${teamId}`)
        .set(bearer(manager))
        .set('Accept-Language', 'en')
        .then((r) => r),
    );
    await until(
      async () => (await appBackends(admin`AND wait_event_type = 'Lock'`)).length === 5,
      'the five requests wait for the lock',
    );
    await terminateApp(admin`AND wait_event_type = 'Lock'`);
    await holder`ROLLBACK`;
    holder.release();
    const answers = await Promise.all(requests);
    for (const res of answers) {
      expect({
        status: res.status,
        code: res.body.code,
        type: res.headers['content-type'],
        retryAfter: res.headers['retry-after'],
      }).toEqual({
        status: 503,
        code: 'common.unavailable',
        type: expect.stringMatching(/^application\/problem\+json/),
        retryAfter: '1',
      });
    }
    await t.http().get('/teams').set(bearer(manager)).expect(200);
  });

  it('under steady load answers only 2xx or 503 while connections are killed, and recovers by itself', async () => {
    let stop = false;
    const statuses: number[] = [];
    const client = async (i: number) => {
      while (!stop) {
        const res =
          i % 3 === 0
            ? await t
                .http()
                .post('/teams')
                .set(bearer(manager))
                .send({ name: `Load ${i}-${statuses.length}` })
            : await t
                .http()
                .get(i % 3 === 1 ? '/teams' : '/agents?limit=50')
                .set(bearer(manager));
        statuses.push(res.status);
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));
    // At least 8 rounds of killing, and at least 30 answers meanwhile however slow the machine is.
    for (let round = 0; round < 8 || (statuses.length < 30 && round < 500); round++) {
      await new Promise((r) => setTimeout(r, 60));
      await terminateApp();
    }
    stop = true;
    await Promise.all(clients);
    expect(statuses.length).toBeGreaterThanOrEqual(30);
    expect(statuses.filter((s) => !(s >= 200 && s < 300) && s !== 503)).toEqual([]);
    // Recovers without a restart: connections killed last may still be met once (503), then never again.
    const round = async () =>
      (await Promise.all(Array.from({ length: 10 }, () => t.http().get('/agents?limit=50').set(bearer(manager))))).map(
        (r) => r.status,
      );
    await until(async () => (await round()).every((s) => s === 200), 'a round of requests all succeed');
    for (let i = 0; i < 3; i++) expect(await round()).toEqual(Array(10).fill(200));
  });
});
