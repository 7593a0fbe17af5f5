import { DateTime } from 'luxon';
import { Db } from 'src/platform/db/db';
import type { TestApp } from './test-app';
import { bearer } from './test-app';

const ZONE = 'Asia/Shanghai';
/** Contacts per half hour on the pre-sales chat: ten agents hold 0.74 at 120, nine fall to 0.57 (minimum 0.7). */
const BUSY = 120;
const QUIET = 4;

export type TrainingWeek = {
  /** The Monday of the rostered week (local date), the first Monday at least two days ahead. */
  weekStart: string;
  /** Invitees A (the demo agent), B, C: on shift Monday–Wednesday; D: not rostered at all. */
  a: string;
  b: string;
  c: string;
  d: string;
  /** An agent of another team, reviewed by QC but never invited. */
  e: string;
  teamId: string;
  supervisorAgentId: string;
  trainerUserId: string;
  presalesQueueId: string;
  /** UTC instant of a local wall-clock time on day `day` of the week. */
  at: (day: number, time: string) => string;
};

export function nextWeekStart(now = DateTime.now().setZone(ZONE)): string {
  const from = now.plus({ days: 2 }).startOf('day');
  return from.plus({ days: (8 - from.weekday) % 7 }).toISODate()!;
}

/**
 * A published roster for Monday–Wednesday of the coming week: ten agents of 售前一组 on the
 * pre-sales chat 09:00–18:00 with a meal at 12:00, and a forecast that is busy all day except a
 * quiet hour at 15:00–16:00 (and nobody to answer during the meal). So the one hour where
 * training costs no service is 15:00 each day; D is off all week.
 */
export async function seedTrainingWeek(t: TestApp): Promise<TrainingWeek> {
  const sql = t.app.get(Db).client;
  const shop = t.demoShopId;
  const weekStart = nextWeekStart();
  const at = (day: number, time: string) =>
    DateTime.fromISO(`${weekStart}T${time}`, { zone: ZONE }).plus({ days: day }).toUTC().toISO()!;
  const [{ agent_id: a, team_id: teamId }] = await sql<{ agent_id: string; team_id: string }[]>`
    select u.agent_id, a.team_id from users u join agents a on a.id = u.agent_id where u.username = 'agent'`;
  const team = await sql<{ id: string }[]>`
    select id from agents where shop_id = ${shop} and team_id = ${teamId} and not is_supervisor and id <> ${a} order by employee_no`;
  const [b, c, d] = team.map((r) => r.id);
  const rostered = [a, b, c, ...team.slice(3, 10).map((r) => r.id)];
  const [{ id: e }] = await sql<
    { id: string }[]
  >`select id from agents where shop_id = ${shop} and team_id <> ${teamId} and not is_supervisor order by employee_no limit 1`;
  const [{ supervisor_agent_id: supervisorAgentId }] = await sql<
    { supervisor_agent_id: string }[]
  >`select supervisor_agent_id from teams where id = ${teamId}`;
  const [{ id: trainerUserId }] = await sql<{ id: string }[]>`select id from users where username = 'trainer'`;
  const [{ id: presalesQueueId }] = await sql<
    { id: string }[]
  >`select id from queues where shop_id = ${shop} and code = 'presales_chat'`;

  const [{ id: rosterId }] = await sql<{ id: string }[]>`
    insert into rosters (shop_id, week_start, demand, time_limit_seconds, status) values (${shop}, ${weekStart}, 'forecast', 10, 'completed') returning id`;
  const [{ id: versionId }] = await sql<{ id: string }[]>`
    insert into roster_versions (shop_id, roster_id, version, status, evaluation, published_at) values (${shop}, ${rosterId}, 1, 'published', '{}', now()) returning id`;
  // The week's one truth for the rostered agents (what publishing writes).
  for (const agent of rostered) {
    await sql`insert into roster_publications (shop_id, week_start, agent_id, roster_id, version_id, published_at) values (${shop}, ${weekStart}, ${agent}, ${rosterId}, ${versionId}, now())`;
  }
  const template = '00000000-0000-4000-8000-000000000001';
  for (let day = 0; day < 3; day++) {
    const localDate = DateTime.fromISO(weekStart).plus({ days: day }).toISODate()!;
    for (const agent of rostered) {
      await sql`
        insert into roster_shifts (shop_id, version_id, agent_id, day, local_date, shift_template_id, start_minutes, length_minutes, skill, starts_at, ends_at, breaks)
        values (${shop}, ${versionId}, ${agent}, ${day}, ${localDate}, ${template}, 540, 540, 'pre_sales', ${at(day, '09:00')}, ${at(day, '18:00')},
                ${JSON.stringify([{ name: 'meal', startMinutes: 720, minutes: 60 }])}::jsonb)`;
    }
  }

  const [{ id: forecastId }] = await sql<{ id: string }[]>`
    insert into forecast_versions (shop_id, queue_id, method_requested, method_chosen, from_date, horizon_days, status, completed_at)
    values (${shop}, ${presalesQueueId}, 'auto', 'weekday-mean', ${weekStart}, 7, 'completed', now()) returning id`;
  const slots: { start: string; contacts: number }[] = [];
  for (let day = 0; day < 3; day++) {
    for (let k = 0; k < 18; k++) {
      const local = DateTime.fromISO(`${weekStart}T09:00`, { zone: ZONE }).plus({ days: day, minutes: 30 * k });
      const hour = local.hour;
      slots.push({ start: local.toUTC().toISO()!, contacts: hour === 12 ? 0 : hour === 15 ? QUIET : BUSY });
    }
  }
  for (const s of slots) {
    await sql`
      insert into forecast_slots (shop_id, version_id, slot_start, slot_minutes, forecast, lower, upper)
      values (${shop}, ${forecastId}, ${s.start}, 30, ${s.contacts}, ${s.contacts * 0.8}, ${s.contacts * 1.2})`;
  }
  return { weekStart, a, b, c, d, e, teamId, supervisorAgentId, trainerUserId, presalesQueueId, at };
}

export const transcript = (i: number) => `客户：这个能退款吗？\n客服：亲，七天无理由不包括这个哦（${i}）\n客户：好吧`;

/**
 * One reviewed chat through the QC API: the policy item scored `policyPoints` of 15, and any
 * findings given (quotes from the transcript).
 */
export async function reviewChat(
  t: TestApp,
  agentId: string,
  startedAt: string,
  policyPoints: number,
  findings: { category: string; severity: string; quote?: string }[] = [],
): Promise<void> {
  const sql = t.app.get(Db).client;
  const shop = t.demoShopId;
  const n = Math.floor(Math.random() * 1e9);
  const [{ id: queueId }] = await sql<
    { id: string }[]
  >`select id from queues where shop_id = ${shop} and code = 'presales_chat'`;
  const [{ id: sessionId }] = await sql<{ id: string }[]>`
    insert into chat_sessions (shop_id, external_id, queue_id, agent_id, customer_hash, started_at, ended_at, first_response_seconds, customer_messages, agent_messages, pre_sale, resolved, rating, transcript)
    values (${shop}, ${`tr-${n}`}, ${queueId}, ${agentId}, ${`cust-tr-${n}`}, ${startedAt}, ${new Date(Date.parse(startedAt) + 300_000).toISOString()}, 10, 2, 2, true, true, 5, ${transcript(n)})
    returning id`;
  const qc = await t.tokenFor('qc');
  const rubrics = await t.http().get('/qc/rubrics').set(bearer(qc)).expect(200);
  const policy = rubrics.body[0].items.find((i: { code: string }) => i.code === 'policy');
  await t
    .http()
    .post('/qc/reviews')
    .set(bearer(qc))
    .send({
      sessionId,
      scores: [{ itemId: policy.id, points: policyPoints }],
      findings: findings.map((f) => ({ ...f, quote: f.quote ? '七天无理由不包括这个' : undefined })),
    })
    .expect(201);
}
