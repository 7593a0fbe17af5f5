import { DateTime } from 'luxon';
import { demoHistory, DemoHistoryInput } from './demo-history';
import { demoOrganisation } from './demo-organisation';
import { demoShifts, onShift } from './demo-shifts';

const org = demoOrganisation();
const input: DemoHistoryInput = {
  timeZone: 'Asia/Shanghai',
  slotMinutes: 30,
  firstDate: '2026-10-05',
  days: 14,
  promotionDate: '2026-10-14',
  queues: org.queues,
  agents: org.agents,
  seed: 7,
  scale: 0.3,
};
const history = demoHistory(input);
const localDate = (d: Date, zone = 'Asia/Shanghai') => DateTime.fromJSDate(d, { zone }).toISODate();

describe('demoHistory', () => {
  it('is the same for the same seed', () => {
    const again = demoHistory(input);
    expect(again.sessions.length).toBe(history.sessions.length);
    expect(again.orders.slice(0, 50)).toEqual(history.orders.slice(0, 50));
    expect(demoHistory({ ...input, seed: 8 }).sessions.length).not.toBe(history.sessions.length);
  });

  it('has one session per handled real-time contact, per queue and day', () => {
    const handled = new Map<string, number>();
    for (const v of history.volume) {
      if (org.queues.find((q) => q.code === v.queue)!.kind === 'deferred') continue;
      const key = `${v.queue} ${localDate(v.slotStart)}`;
      handled.set(key, (handled.get(key) ?? 0) + v.handled);
      expect(v.handled + v.abandoned).toBe(v.offered);
    }
    const sessions = new Map<string, number>();
    for (const s of history.sessions)
      sessions.set(
        `${s.queue} ${localDate(s.startedAt)}`,
        (sessions.get(`${s.queue} ${localDate(s.startedAt)}`) ?? 0) + 1,
      );
    expect(sessions).toEqual(new Map([...handled].filter(([, n]) => n > 0)));
    expect(new Set(history.sessions.map((s) => s.externalId)).size).toBe(history.sessions.length);
  });

  it('gives sessions to agents with the queue’s skill who are on shift', () => {
    const shifts = demoShifts(org.agents);
    const byNo = new Map(org.agents.map((a) => [a.employeeNo, a]));
    let onDuty = 0;
    for (const s of history.sessions) {
      const skill = org.queues.find((q) => q.code === s.queue)!.requiredSkill;
      expect(byNo.get(s.agent)!.skills.some((k) => k.skill === skill)).toBe(true);
      if (onShift(shifts.get(s.agent)!, DateTime.fromJSDate(s.startedAt, { zone: 'Asia/Shanghai' }))) onDuty++;
    }
    expect(onDuty / history.sessions.length).toBeGreaterThan(0.97);
  });

  it('multiplies pre-sales volume about four times on the promotion day and peaks in the evening', () => {
    const daily = (date: string, queue: string) =>
      history.volume
        .filter((v) => v.queue === queue && localDate(v.slotStart) === date)
        .reduce((n, v) => n + v.offered, 0);
    const ratio = daily('2026-10-14', 'presales_chat') / daily('2026-10-07', 'presales_chat');
    expect(ratio).toBeGreaterThan(3.3);
    expect(ratio).toBeLessThan(4.8);
    expect(daily('2026-10-15', 'aftersales_chat')).toBeGreaterThan(1.8 * daily('2026-10-08', 'aftersales_chat'));
    const atHour = (h: number) =>
      history.volume
        .filter(
          (v) => v.queue === 'presales_chat' && DateTime.fromJSDate(v.slotStart, { zone: 'Asia/Shanghai' }).hour === h,
        )
        .reduce((n, v) => n + v.offered, 0);
    expect(atHour(21)).toBeGreaterThan(5 * atHour(4));
  });

  it('makes orders in whole cents, refunds within the amount, mostly from inquiring customers', () => {
    const inquirers = new Set(history.sessions.filter((s) => s.preSale).map((s) => s.customerKey));
    expect(history.orders.filter((o) => inquirers.has(o.customerKey)).length / history.orders.length).toBeGreaterThan(
      0.8,
    );
    for (const o of history.orders) {
      expect(Number.isInteger(o.amountCents)).toBe(true);
      expect(o.refundedCents).toBeLessThanOrEqual(o.amountCents);
      if (o.paidAt) expect(o.paidAt.getTime()).toBeGreaterThanOrEqual(o.createdAt.getTime());
    }
    expect(history.orders.some((o) => o.refundedCents > 0)).toBe(true);
  });

  it('keeps the slot grid right across a daylight-saving change', () => {
    const ny = demoHistory({
      ...input,
      timeZone: 'America/New_York',
      firstDate: '2026-03-07',
      days: 3,
      promotionDate: '2026-03-20',
      scale: 0.05,
    });
    const perDay = new Map<string, number>();
    for (const v of ny.volume.filter((x) => x.queue === 'hotline'))
      perDay.set(
        localDate(v.slotStart, 'America/New_York')!,
        (perDay.get(localDate(v.slotStart, 'America/New_York')!) ?? 0) + 1,
      );
    expect([...perDay.values()]).toEqual([48, 46, 48]);
    const starts = ny.volume.filter((x) => x.queue === 'hotline').map((v) => v.slotStart.getTime());
    expect(new Set(starts).size).toBe(starts.length);
  });
});
