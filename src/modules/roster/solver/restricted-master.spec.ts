import { dayChoice, OFF } from './compiled-roster';
import { compileRoster } from './compile-roster';
import { LinePool, buildLineMaster } from './line-master';
import { highsRuntime, solveLinearProgram } from './linear-program';
import { RestrictedMaster } from './restricted-master';
import { EARLY, LATE, agent, cover, problem } from './small-rosters.fixture';

/** Three agents over three days, early and late cover of 1 each day (under 10, over 1). */
const model = compileRoster(
  problem(3, [EARLY, LATE], [agent('a'), agent('b'), agent('c')], [...cover(3, 'E', 1, 10), ...cover(3, 'L', 1, 10)]),
);
const early = model.duties.findIndex((d) => model.typeIds[d.type] === 'E');
const late = model.duties.findIndex((d) => model.typeIds[d.type] === 'L');
const line = (...days: number[]) => Int32Array.from(days);

async function fromScratch(pool: LinePool): Promise<number> {
  const outcome = solveLinearProgram(await highsRuntime(), buildLineMaster(model, pool, false).lp, {
    timeLimitSeconds: 10,
    relax: true,
  });
  return outcome.objective!;
}

/** Agent 0 with three days off or three earlies, agent 1 three lates, agent 2 off: every place can be covered. */
async function everyPlaceCovered(): Promise<RestrictedMaster> {
  const master = new RestrictedMaster(await highsRuntime(), model);
  master.add(0, line(OFF, OFF, OFF));
  master.add(0, line(early, early, early));
  master.add(1, line(late, late, late));
  master.add(2, line(OFF, OFF, OFF));
  expect(master.solve(10)!.objective).toBeCloseTo(0, 6);
  return master;
}

describe('RestrictedMaster', () => {
  it('re-optimised after new lines arrive, has the optimum of the master built from nothing', async () => {
    const master = new RestrictedMaster(await highsRuntime(), model);
    const pool = new LinePool(model);
    const add = (a: number, l: Int32Array) => {
      master.add(a, l);
      pool.add(a, l);
    };
    try {
      [0, 1, 2].forEach((a) => add(a, line(OFF, OFF, OFF)));
      expect(master.solve(10)!.objective).toBeCloseTo(60, 6);
      add(0, line(early, early, early));
      add(1, line(late, late, OFF));
      const second = master.solve(10)!;
      expect(second.objective).toBeCloseTo(await fromScratch(pool), 6);
      expect(second.objective).toBeCloseTo(10, 6);
      add(2, line(OFF, OFF, late));
      expect(master.solve(10)!.objective).toBeCloseTo(0, 6);
      expect(master.solve(10)!.objective).toBeCloseTo(await fromScratch(pool), 6);
    } finally {
      master.dispose();
    }
  });

  it('keeps one column per distinct line and answers duals per agent, then per cover row', async () => {
    const master = new RestrictedMaster(await highsRuntime(), model);
    try {
      expect(master.add(0, line(early, OFF, OFF))).toBe(true);
      expect(master.add(0, line(early, OFF, OFF))).toBe(false);
      master.add(1, line(OFF, OFF, OFF));
      master.add(2, line(OFF, OFF, OFF));
      expect(master.lines[0]).toHaveLength(1);
      const solved = master.solve(10)!;
      expect(solved.duals).toHaveLength(model.agents.length + model.coverRows.length);
      expect(master.coverRowOffset).toBe(model.agents.length);
      // An uncovered row is worth its under-cover weight.
      const lateDay0 = model.coverRows.findIndex((r) => r.day === 0 && r.label.startsWith('L'));
      expect(solved.duals[master.coverRowOffset + lateDay0]).toBeCloseTo(10, 6);
    } finally {
      master.dispose();
    }
  });

  it('holds a fixed agent to its line and stops taking new lines for it', async () => {
    const master = await everyPlaceCovered();
    try {
      master.fix(0, 0);
      const solved = master.solve(10)!;
      expect(solved.objective).toBeCloseTo(30, 6);
      expect(solved.values[master.columnOf[0][0]]).toBeCloseTo(1, 6);
      expect(master.isFixed(0)).toBe(true);
      expect(Array.from(master.fixedLine(0)!)).toEqual([OFF, OFF, OFF]);
      expect(master.add(0, line(early, OFF, OFF))).toBe(false);
    } finally {
      master.dispose();
    }
  });

  it("rules out an agent's lines that break a day rule, takes no such line after, and frees them all again", async () => {
    const master = await everyPlaceCovered();
    const choices = model.duties.length + 1;
    const only = (choice: number) => Uint8Array.from({ length: choices }, (_, i) => (i === choice ? 1 : 0));
    try {
      // Agent 0 must be off on day 1: its early line is out, three early places go short.
      master.restrictDay(0, 1, only(dayChoice(model, OFF)));
      expect(master.restricted).toBe(true);
      expect(master.keeps(0, line(early, early, early))).toBe(false);
      expect(master.keeps(0, line(early, OFF, early))).toBe(true);
      expect(master.solve(10)!.objective).toBeCloseTo(30, 6);
      expect(master.add(0, line(late, early, late))).toBe(false);
      expect(master.add(0, line(early, OFF, early))).toBe(true);
      expect(master.solve(10)!.objective).toBeCloseTo(10, 6);
      // A second rule on the same day narrows it further: nothing but early, so off is out too.
      master.restrictDay(0, 1, only(early));
      expect(master.keeps(0, line(early, OFF, early))).toBe(false);
      expect(
        master
          .dayRulesOf(0)!
          .get(1)!
          .every((allowed) => allowed === 0),
      ).toBe(true);
      master.unfixAll();
      expect(master.restricted).toBe(false);
      expect(master.dayRulesOf(0)).toBeUndefined();
      expect(master.solve(10)!.objective).toBeCloseTo(0, 6);
    } finally {
      master.dispose();
    }
  });
});
