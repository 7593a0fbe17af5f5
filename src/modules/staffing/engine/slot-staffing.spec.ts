import { erlangA } from './erlang-a';
import { erlangC } from './erlang-c';
import { positionsAfterShrinkage } from './shrinkage';
import { projectSlot, RealTimeQueue, staffSlot } from './slot-staffing';

const phone: RealTimeQueue = {
  slotSeconds: 1800,
  ahtSeconds: 180,
  target: { answerWithinSeconds: 20, serviceLevel: 0.8 },
  shrinkage: { absence: 0.1, meetings: 0.05, training: 0.05 },
};

describe('requirements per slot', () => {
  it('gives raw agents, positions after shrinkage and the expected service for each slot', () => {
    const slots = [0, 100, 250.5].map((contacts) => staffSlot(phone, contacts));
    expect(slots.map((s) => s.offeredLoad)).toEqual([0, 10, (250.5 * 180) / 1800]);
    expect(slots[0]).toMatchObject({
      rawAgents: 0,
      positions: 0,
      serviceLevel: 1,
      model: 'erlang-c',
      parallelChats: null,
    });
    for (const slot of slots.slice(1)) {
      const metrics = erlangC(slot.offeredLoad, slot.rawAgents, 180, 20);
      expect(slot.serviceLevel).toBe(metrics.serviceLevel);
      expect(slot.asaSeconds).toBe(metrics.asaSeconds);
      expect(slot.occupancy).toBe(metrics.occupancy);
      expect(slot.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(erlangC(slot.offeredLoad, slot.rawAgents - 1, 180, 20).serviceLevel).toBeLessThan(0.8);
      expect(slot.positions).toBe(positionsAfterShrinkage(slot.rawAgents, 0.2));
    }
  });

  it('reports abandonment when the queue has a patience figure', () => {
    const slot = staffSlot({ ...phone, patienceSeconds: 300 }, 100);
    expect(slot.model).toBe('erlang-a');
    expect(slot.abandonment).toBe(erlangA(10, slot.rawAgents, 180, 300, 20).abandonment);
    expect(slot.abandonment).toBeGreaterThan(0);
  });

  it('reports the effective chat capacity', () => {
    const chat: RealTimeQueue = {
      ...phone,
      ahtSeconds: 400,
      target: { answerWithinSeconds: 30, serviceLevel: 0.85 },
      chat: { concurrency: 4, slowdown: { perExtraChat: 0.1 } },
    };
    const slot = staffSlot(chat, 900);
    expect(slot.parallelChats).toBe(slot.rawAgents * 4);
    expect(slot.chatsPerHour).toBeCloseTo((slot.rawAgents * 4 * 3600) / (400 * 1.3), 9);
    expect(slot.offeredLoad).toBeCloseTo((900 * 400 * 1.3) / 1800, 12);
  });

  it('projects the service of exactly N agents, as the training planner asks when it takes people off the queue', () => {
    const planned = staffSlot(phone, 100);
    expect(projectSlot(phone, 100, planned.rawAgents)).toEqual(planned);
    const fewer = projectSlot(phone, 100, planned.rawAgents - 2);
    expect(fewer.serviceLevel).toBeLessThan(planned.serviceLevel);
    expect(fewer.asaSeconds).toBeGreaterThan(planned.asaSeconds);
    const overloaded = projectSlot(phone, 100, 9);
    expect(overloaded).toMatchObject({ stable: false, serviceLevel: 0, asaSeconds: Infinity });
  });
});
