import { projectSlot, RealTimeQueue } from 'src/modules/staffing/engine';
import { AgentDay, loggedInIn, projectRest, projectWith, restServiceLevel, scheduledIn } from './live-day';

const at = (h: number, m = 0) => (h * 60 + m) * 60_000;
const slot = (h: number, m: number) => ({ from: at(h, m), to: at(h, m + 30) });
const phone: RealTimeQueue = {
  slotSeconds: 1800,
  ahtSeconds: 300,
  target: { answerWithinSeconds: 20, serviceLevel: 0.8 },
  shrinkage: 0,
};

describe('live day of a queue', () => {
  const agents: AgentDay[] = [
    // 09:00–18:00, lunch 12:15–13:15.
    {
      agentId: 'a',
      shifts: [{ from: at(9), to: at(18), breaks: [{ from: at(12, 15), to: at(13, 15) }], training: [] }],
      reports: [
        { state: 'online', from: at(8, 55), to: at(12, 10) },
        { state: 'away', from: at(12, 10), to: null },
      ],
    },
    // 12:00–20:00, training 12:00–12:30.
    {
      agentId: 'b',
      shifts: [{ from: at(12), to: at(20), breaks: [], training: [{ from: at(12), to: at(12, 30) }] }],
      reports: [{ state: 'busy', from: at(12), to: null }],
    },
  ];

  it('counts agents on the queue per slot, time-weighted, without breaks and training', () => {
    expect(scheduledIn(slot(11, 30), agents)).toBe(1);
    // A works 12:00–12:15 (½), B is in training: ½ agent.
    expect(scheduledIn(slot(12, 0), agents)).toBe(0.5);
    // A on lunch, B on the queue.
    expect(scheduledIn(slot(12, 30), agents)).toBe(1);
    // A back at 13:15 (½) and B.
    expect(scheduledIn(slot(13, 0), agents)).toBe(1.5);
    expect(scheduledIn(slot(20, 0), agents)).toBe(0);
  });

  it('counts agents logged in over the part of the slot that is over', () => {
    const now = at(12, 20);
    // 12:00–12:20: A online until 12:10 (½ of the 20 minutes), B busy throughout.
    expect(loggedInIn(slot(12, 0), agents, now)).toBeCloseTo(1.5, 12);
    expect(loggedInIn(slot(11, 30), agents, now)).toBe(1);
    expect(loggedInIn(slot(12, 30), agents, now)).toBeNull();
  });

  it('projects with whole agents as the staffing engine does, and interpolates between them', () => {
    const whole = projectWith(phone, 40, 9);
    const engine = projectSlot(phone, 40, 9);
    expect(whole.serviceLevel).toBe(engine.serviceLevel);
    expect(whole.asaSeconds).toBe(engine.asaSeconds);
    const half = projectWith(phone, 40, 9.5);
    expect(half.serviceLevel).toBeCloseTo(
      (projectSlot(phone, 40, 9).serviceLevel + projectSlot(phone, 40, 10).serviceLevel) / 2,
      12,
    );
    // 40 calls × 300 s over 1800 s = 6.67 Erlangs: six agents never catch up (no finite answer time).
    expect(projectWith(phone, 40, 6).asaSeconds).toBeNull();
    expect(projectWith(phone, 40, 6).serviceLevel).toBe(0);
  });

  it('projects only the slots not yet over and weighs the rest of the day by contacts', () => {
    const slots = [
      { ...slot(11, 30), contacts: 5 },
      { ...slot(12, 0), contacts: 10 },
      { ...slot(12, 30), contacts: 30 },
    ];
    const projections = projectRest(phone, slots, agents, at(12, 20));
    expect(projections[0]).toBeNull();
    expect(projections[1]).toEqual(projectWith(phone, 10, 0.5));
    expect(projections[2]).toEqual(projectWith(phone, 30, 1));
    const rest = restServiceLevel(slots, projections)!;
    expect(rest).toBeCloseTo((10 * projections[1]!.serviceLevel + 30 * projections[2]!.serviceLevel) / 40, 12);
    expect(restServiceLevel(slots, [null, null, null])).toBeNull();
  });
});
