import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, TestApp } from './support/test-app';
import { SecondShop, startTestAppWithSecondShop } from './support/second-shop';
import { addDays } from 'src/platform/time/calendar-date';
import { shopMonday } from './support/coming-weeks';
import { publishTeamWeek } from './support/self-service-week';

type Feed = { unread: number; total: number; items: { id: string; kind: string; text: string; read: boolean }[] };

/** The in-app feed and the shop's group robot (posted by a job that retries a robot that failed). */
describe('notifications (e2e)', () => {
  let t: TestApp;
  let other: SecondShop;
  let manager: string;
  let supervisor: string;
  let agent: string;
  let robot: Server;
  let robotUrl: string;
  const posts: unknown[] = [];
  let failures = 1;
  const monday = shopMonday(3);
  const tuesday = addDays(monday, 1);

  const feed = async (token: string, query = ''): Promise<Feed> =>
    (await t.http().get(`/me/notifications${query}`).set(bearer(token)).set('Accept-Language', 'zh').expect(200)).body;

  beforeAll(async () => {
    robot = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        // The first post fails, as a robot that is briefly down would: the job must try again.
        if (failures-- > 0) return res.writeHead(500).end();
        posts.push(JSON.parse(body));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    robotUrl = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/robot/send`;
    ({ t, other } = await startTestAppWithSecondShop());
    [manager, supervisor, agent] = await Promise.all([
      t.tokenFor('manager'),
      t.tokenFor('supervisor'),
      t.tokenFor('agent'),
    ]);
    await publishTeamWeek(t, monday);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => robot.close(resolve));
  }, 300_000);

  it('tells the agents of a published roster, with an unread count they can clear', async () => {
    const mine = await feed(agent);
    expect(mine.items).toContainEqual(
      expect.objectContaining({
        kind: 'roster-published',
        text: `${monday} 这一周的排班已发布（第 1 版）`,
        read: false,
      }),
    );
    expect(mine.unread).toBeGreaterThan(0);
    // Someone else's ids change nothing in my feed, and mine are not theirs to clear.
    await t
      .http()
      .post('/me/notifications/read')
      .set(bearer(other.agentToken))
      .send({ ids: mine.items.map((n) => n.id) })
      .expect(200);
    expect((await feed(agent)).unread).toBe(mine.unread);
    const cleared = await t
      .http()
      .post('/me/notifications/read')
      .set(bearer(agent))
      .send({ ids: [mine.items[0].id] })
      .expect(200);
    expect(cleared.body.unread).toBe(mine.unread - 1);
    await t.http().post('/me/notifications/read').set(bearer(agent)).send({}).expect(200);
    expect((await feed(agent, '?unread=true')).total).toBe(0);
    expect((await feed(other.agentToken)).total).toBe(0);
  });

  it('puts a waiting request in the supervisor’s feed and the decision in the agent’s, and posts it to the robot after a retry', async () => {
    await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({
        settings: {
          timeOffAllowances: [],
          notificationWebhooks: [{ kind: 'request-decided', url: robotUrl, style: 'wecom' }],
        },
      })
      .expect(200);
    const asked = await t
      .http()
      .post('/time-off-requests')
      .set(bearer(agent))
      .send({ kind: 'annual', startDate: tuesday, endDate: tuesday })
      .expect(201);
    expect(asked.body.status).toBe('pending');
    const waiting = (await feed(supervisor)).items.find((n) => n.kind === 'request-waiting')!;
    expect(waiting.text).toContain(`申请休假 ${tuesday}`);
    await t
      .http()
      .post(`/time-off-requests/${asked.body.id}/decision`)
      .set(bearer(supervisor))
      .send({ decision: 'rejected', note: '当天有大促' })
      .expect(200);
    const decided = (await feed(agent)).items.find((n) => n.kind === 'request-decided')!;
    expect(decided.text).toBe(`您 ${tuesday} 的休假申请：已驳回。 当天有大促`);

    const [run] = await t.app.get(Db).client<
      { id: string }[]
    >`select id from job_runs where name = 'notification.webhook' order by queued_at desc limit 1`;
    await t.app.get(JobQueue).settled(run.id, 60_000);
    const job = (await t.http().get(`/jobs/${run.id}`).set(bearer(manager)).expect(200)).body;
    expect(job).toMatchObject({ status: 'completed', attempts: 2 });
    expect(posts).toEqual([{ msgtype: 'text', text: { content: `您 ${tuesday} 的休假申请：已驳回。 当天有大促` } }]);
  }, 90_000);

  it('answers 401 without a token and refuses a bad robot address', async () => {
    await t.http().get('/me/notifications').expect(401);
    const bad = await t
      .http()
      .patch(`/shops/${t.demoShopId}`)
      .set(bearer(manager))
      .send({ settings: { notificationWebhooks: [{ kind: 'request-decided', url: 'ftp://robot' }] } })
      .expect(400);
    expect(bad.body.errors[0].field).toContain('notificationWebhooks');
    await t
      .http()
      .post('/me/notifications/read')
      .set(bearer(agent))
      .send({ ids: ['nope'] })
      .expect(400);
  });
});
