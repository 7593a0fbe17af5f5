import { DateTime } from 'luxon';
import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { bearer, TestApp } from './test-app';

/** The page's default roster week: the Monday after this one, in the shop's zone. */
export const NEXT_WEEK = DateTime.now().setZone('Asia/Shanghai').startOf('week').plus({ weeks: 1 }).toISODate()!;
export const TODAY = DateTime.now().setZone('Asia/Shanghai').startOf('day');

/** Eight weeks of chats up to the end of today: a late-morning and an evening peak, weekends busier, a little noise. */
export async function seedVolume(t: TestApp, queueId: string): Promise<void> {
  await t.app.get(Db).client`
    INSERT INTO volume_slots (shop_id, queue_id, slot_start, slot_minutes, offered, handled, abandoned)
    SELECT ${t.demoShopId}, ${queueId}, g, 30, v, v, 0 FROM (
      SELECT g, greatest(0, round(
        (CASE WHEN h < 8 THEN 2 ELSE 12 + 40 * exp(-power(h - 10.5, 2) / 4) + 55 * exp(-power(h - 21, 2) / 3) END)
        * (CASE WHEN d >= 6 THEN 1.25 ELSE 1 END) * (0.9 + 0.2 * ((extract(epoch FROM g)::bigint / 1800 * 7919) % 101) / 100.0)))::int AS v
      FROM (SELECT g, extract(hour FROM g AT TIME ZONE 'Asia/Shanghai') + extract(minute FROM g AT TIME ZONE 'Asia/Shanghai') / 60.0 AS h,
                   extract(isodow FROM g AT TIME ZONE 'Asia/Shanghai') AS d
            FROM generate_series(${TODAY.minus({ weeks: 8 }).toUTC().toISO()}::timestamptz, ${TODAY.plus({ days: 1 }).toUTC().toISO()}::timestamptz - interval '30 minutes', interval '30 minutes') g) slots
    ) s`;
}

/** The team of the demo agent (`tokenFor('agent')`). */
export async function agentTeamId(t: TestApp): Promise<string> {
  return (
    await t
      .http()
      .get('/agents/me')
      .set(bearer(await t.tokenFor('agent')))
      .expect(200)
  ).body.teamId as string;
}

/** A draft roster of one team's week (early and late shifts, a 2 s solve), made through the API; its id. */
export async function draftTeamWeek(
  t: TestApp,
  managerToken: string,
  teamId: string,
  weekStart = NEXT_WEEK,
): Promise<string> {
  const created = await t
    .http()
    .post('/rosters')
    .set(bearer(managerToken))
    .send({
      weekStart,
      teamIds: [teamId],
      timeLimitSeconds: 2,
      demand: 'day-cover',
      dayCover: [
        { shiftTemplate: 'E', required: 4 },
        { shiftTemplate: 'L', required: 3 },
      ],
    })
    .expect(202);
  await t.app.get(JobQueue).settled(created.body.jobId, 60_000);
  return created.body.rosterId as string;
}

/** A published roster of next week for one team (early and late shifts), made through the API. */
export async function publishNextWeek(t: TestApp, managerToken: string, teamId: string): Promise<string> {
  const rosterId = await draftTeamWeek(t, managerToken, teamId);
  await t.http().post(`/rosters/${rosterId}/publish`).set(bearer(managerToken)).send({}).expect(200);
  return rosterId;
}
