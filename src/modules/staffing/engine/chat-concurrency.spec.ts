import fc from 'fast-check';
import { chatTraffic, projectedChatService, requiredChatAgents, slowdownFactor } from './chat-concurrency';
import { projectedService } from './projected-service';
import { meetsTarget, requiredAgents } from './required-agents';

const target = { answerWithinSeconds: 30, serviceLevel: 0.8 };

describe('chat: agents × k servers at the slowed handle time', () => {
  it('reads the slowdown per extra chat or from a measured table', () => {
    expect(slowdownFactor({ perExtraChat: 0.15 }, 1)).toBe(1);
    expect(slowdownFactor({ perExtraChat: 0.15 }, 3)).toBeCloseTo(1.3, 12);
    expect(slowdownFactor({ byConcurrency: [1, 1.1, 1.3, 1.6] }, 4)).toBe(1.6);
    expect(() => slowdownFactor({ byConcurrency: [1, 1.1] }, 3)).toThrow(RangeError);
    expect(() => slowdownFactor({ perExtraChat: -0.5 }, 3)).toThrow(RangeError);
    expect(() => slowdownFactor({ perExtraChat: 0.1 }, 0)).toThrow(RangeError);
  });

  it('works a 30-minute slot of 600 chats at concurrency 3 as a queue of chat slots', () => {
    const chat = { handleSecondsAlone: 300, concurrency: 3, slowdown: { perExtraChat: 0.2 } };
    const staffed = requiredChatAgents(chat, 600, 1800, target);
    // Handle time 300 × 1.4 = 420 s, so 600 × 420 / 1800 = 140 chat-slot Erlangs.
    expect(staffed.handleSeconds).toBeCloseTo(420, 12);
    expect(staffed.offeredLoad).toBeCloseTo(140, 12);
    expect(staffed.parallelChats).toBe(staffed.agents * 3);
    expect(staffed.chatsPerHour).toBeCloseTo((staffed.agents * 3 * 3600) / 420, 9);
    expect(staffed.agents).toBe(Math.ceil(requiredAgents({ offeredLoad: 140, ahtSeconds: 420 }, target).agents / 3));
    expect(meetsTarget(staffed, target)).toBe(true);
  });

  it('is the phone model at concurrency 1', () => {
    const chat = { handleSecondsAlone: 240, concurrency: 1, slowdown: { perExtraChat: 0.3 } };
    const staffed = requiredChatAgents(chat, 200, 1800, target);
    const phone = requiredAgents({ offeredLoad: (200 * 240) / 1800, ahtSeconds: 240 }, target);
    expect(staffed.agents).toBe(phone.agents);
    expect(staffed.serviceLevel).toBe(phone.serviceLevel);
  });

  it('finds the fewest agents whose chat slots meet the target, with or without patience', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 60, max: 900 }),
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.option(fc.integer({ min: 20, max: 1200 }), { nil: undefined }),
        (chats, handle, k, perExtraChat, patienceSeconds) => {
          const chat = { handleSecondsAlone: handle, concurrency: k, slowdown: { perExtraChat }, patienceSeconds };
          const staffed = requiredChatAgents(chat, chats, 1800, target);
          expect(meetsTarget(staffed, target)).toBe(true);
          expect(staffed).toEqual(projectedChatService(chat, chats, 1800, staffed.agents, 30));
          if (staffed.agents > 1) {
            const fewer = projectedService(chatTraffic(chat, chats, 1800), (staffed.agents - 1) * k, 30);
            expect(meetsTarget(fewer, target)).toBe(false);
          }
        },
      ),
      { seed: 1123, numRuns: 200 },
    );
  });

  it('lets a steep slowdown make more concurrency need more people', () => {
    const steep = (k: number) =>
      requiredChatAgents(
        { handleSecondsAlone: 300, concurrency: k, slowdown: { byConcurrency: [1, 2.5, 4.5] } },
        300,
        1800,
        target,
      );
    expect(steep(3).agents).toBeGreaterThan(steep(1).agents);
  });
});
