import { Db } from 'src/platform/db/db';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { startTestAppWithSecondShop } from './second-shop';
import { bearer, TestApp } from './test-app';
import { approvedLeave } from './approved-leave';

export type TeamMate = { id: string; name: string; employeeNo: string; isSupervisor: boolean; shifts: number };
export type PublishedTeamWeek = { rosterId: string; teamId: string; mates: TeamMate[]; dates: string[] };

export const weekDates = (monday: string) =>
  Array.from({ length: 7 }, (_, d) =>
    new Date(Date.parse(`${monday}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10),
  );

/**
 * A published week for the demo agent's team with every agent-day locked (so nothing is left to
 * the solver): each agent works the early shift from Monday on for as many days as their contract
 * allows (full-time five, so the supervisor is on every weekday; part-time three), weekends off.
 */
export async function publishTeamWeek(
  t: TestApp,
  monday: string,
  extra: Record<string, unknown> = {},
  code = 'E',
): Promise<PublishedTeamWeek> {
  const manager = await t.tokenFor('manager');
  const me = (
    await t
      .http()
      .get('/agents/me')
      .set(bearer(await t.tokenFor('agent')))
      .expect(200)
  ).body;
  const sql = t.app.get(Db).client;
  const rows = await sql<
    {
      id: string;
      name: string;
      employee_no: string;
      is_supervisor: boolean;
      max_week_minutes: number;
      max_days_per_week: number;
    }[]
  >`
    select id, name, employee_no, is_supervisor, max_week_minutes, max_days_per_week from agents where team_id = ${me.teamId} and active order by employee_no`;
  const mates = rows.map((r) => ({
    id: r.id,
    name: r.name,
    employeeNo: r.employee_no,
    isSupervisor: r.is_supervisor,
    shifts: Math.min(r.max_days_per_week, Math.floor(r.max_week_minutes / 480)),
  }));
  const dates = weekDates(monday);
  const locked = mates.flatMap((m) =>
    dates.map((date, d) => ({ agentId: m.id, date, shiftTemplate: d < m.shifts ? code : null })),
  );
  const res = await t
    .http()
    .post('/rosters')
    .set(bearer(manager))
    .send({
      weekStart: monday,
      teamIds: [me.teamId],
      timeLimitSeconds: 2,
      demand: 'day-cover',
      dayCover: [
        { shiftTemplate: code, required: 3, weekdays: [1, 2, 3] },
        { shiftTemplate: code, required: 30, weekdays: [4, 5] },
      ],
      locked,
      ...extra,
    })
    .expect(202);
  await t.app.get(JobQueue).settled(res.body.jobId, 120_000);
  await t.http().post(`/rosters/${res.body.rosterId}/publish`).set(bearer(manager)).send({}).expect(200);
  return { rosterId: res.body.rosterId, teamId: me.teamId, mates, dates };
}

type RosterDay = {
  date: string;
  shift: { code: string } | null;
  /** `leave` or `day-off` on a day without a shift; the local times on leave that day (whole days 00:00–24:00). */
  absence?: string | null;
  leave?: { start: string; end: string }[];
};
/** A roster as the self-service tests read it: its revision, newest version and each agent's days. */
export type PublishedRoster = {
  revision: number;
  version: { version: number; status: string };
  agents: { agentId: string; days: RosterDay[] }[];
};

export async function readRoster(t: TestApp, token: string, rosterId: string): Promise<PublishedRoster> {
  return (await t.http().get(`/rosters/${rosterId}`).set(bearer(token)).expect(200)).body;
}

/** The shift code an agent works on a date of the roster (null: off). */
export const shiftOn = (r: PublishedRoster, agentId: string, date: string) =>
  r.agents.find((a) => a.agentId === agentId)!.days.find((d) => d.date === date)!.shift?.code ?? null;

/** The app with a second shop, the demo manager's and agent's tokens, and the agent's own id. */
export async function startAgentAndManager(): Promise<{ t: TestApp; manager: string; agent: string; me: string }> {
  const { t } = await startTestAppWithSecondShop();
  const [manager, agent] = await Promise.all([t.tokenFor('manager'), t.tokenFor('agent')]);
  const me = (await t.http().get('/agents/me').set(bearer(agent)).expect(200)).body.id as string;
  return { t, manager, agent, me };
}

/**
 * A draft that moves `agentId`'s shift on `date` to the middle shift, then leave over that day
 * approved by the manager: the leave replaces the draft's own shift, which leaves one draft warning.
 */
export async function draftShiftReplacedByLeave(
  t: TestApp,
  week: PublishedTeamWeek,
  agentId: string,
  date: string,
): Promise<void> {
  const manager = await t.tokenFor('manager');
  const { revision } = (await t.http().get(`/rosters/${week.rosterId}`).set(bearer(manager)).expect(200)).body;
  await t
    .http()
    .patch(`/rosters/${week.rosterId}`)
    .set(bearer(manager))
    .send({ expectedRevision: revision, changes: [{ agentId, date, shiftTemplate: 'M', start: '09:00' }] })
    .expect(200);
  await approvedLeave(t, manager, { agentId, kind: 'personal', startDate: date, endDate: date });
}

/** A time-off request as `token`'s user sends it (kind defaults to personal leave). */
export const askTimeOff = (t: TestApp, token: string, body: Record<string, unknown>, lang = 'en') =>
  t
    .http()
    .post('/time-off-requests')
    .set(bearer(token))
    .set('Accept-Language', lang)
    .send({ kind: 'personal', ...body });

/** Lets the team take up to 3 requests a day without a supervisor's decision (5 at most). */
export async function allowTeamTimeOff(t: TestApp, teamId: string): Promise<void> {
  await t
    .http()
    .patch(`/shops/${t.demoShopId}`)
    .set(bearer(await t.tokenFor('manager')))
    .send({ settings: { timeOffAllowances: [{ teamId, perDay: 3, maxPerDay: 5 }] } })
    .expect(200);
}
