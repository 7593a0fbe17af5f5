import { OFF, type CompiledAgent, type CompiledRoster, type RosterLines } from './compiled-roster';
import { LinearProgram } from './linear-program';
import {
  SUPERVISOR_PENALTY,
  coverCounts,
  lateCount,
  lateEligible,
  requestPenalty,
  weekendDaysWorked,
  weekendEligible,
} from './roster-objective';
import { addAgentRules, isFreeDay, type AgentCells, type FreeDays } from './roster-mip-agent';

const INF = 1e30;

/** Which part of the roster a sub-model re-optimises; everything else stays as it is. */
export interface Neighbourhood extends FreeDays {
  /** The free days (`FreeDays`) are free for these agents; their other days stay fixed. */
  agents: number[];
}

export interface RosterMip {
  lp: LinearProgram;
  /** The current roster as a feasible start of the model. */
  start: Float64Array;
  /** New lines for the neighbourhood's agents from a solution of the model. */
  decode(values: ArrayLike<number>): RosterLines;
}

function fairnessTerm(
  lp: LinearProgram,
  start: number[],
  weight: number,
  eligible: boolean[],
  free: Map<number, AgentCells>,
  lines: RosterLines,
  count: (line: Int32Array) => number,
  counts: (cells: AgentCells) => { columns: number[] },
): void {
  const values = lines.map((line, a) => (eligible[a] ? count(line) : null)).filter((v): v is number => v !== null);
  if (weight <= 0 || values.length === 0) return;
  const most = lp.addColumn(weight, 0, INF, false);
  const fewest = lp.addColumn(-weight, 0, INF, false);
  start.push(Math.max(...values), Math.min(...values));
  lines.forEach((line, a) => {
    if (!eligible[a]) return;
    const cells = free.get(a);
    if (!cells) {
      lp.addRow(count(line), INF, [most]);
      lp.addRow(-INF, count(line), [fewest]);
      return;
    }
    const { columns } = counts(cells);
    lp.addRow(0, INF, [most, ...columns], [1, ...columns.map(() => -1)]);
    lp.addRow(0, INF, [...columns, fewest], [...columns.map(() => 1), -1]);
  });
}

/** Builds the MIP of one neighbourhood: its objective equals the search cost of the whole roster. */
export function buildRosterMip(model: CompiledRoster, lines: RosterLines, hood: Neighbourhood): RosterMip {
  const lp = new LinearProgram();
  const start: number[] = [];
  const nDuties = model.duties.length;
  const free = new Map<number, AgentCells>();
  const inHood = new Set(hood.agents);

  // Decision columns: one per allowed (agent, day, duty) on free days, the current duty elsewhere.
  for (const a of hood.agents) {
    const agent = model.agents[a];
    const byDay: { column: number; duty: number }[][] = [];
    for (let d = 0; d < model.days; d++) {
      const cells: { column: number; duty: number }[] = [];
      const current = lines[a][d];
      if (isFreeDay(hood, d)) {
        for (let u = 0; u < nDuties; u++) {
          if (!agent.allowed[d * nDuties + u]) continue;
          cells.push({ column: lp.addColumn(0, 0, 1, true), duty: u });
          start.push(current === u ? 1 : 0);
        }
      } else if (current !== OFF) {
        cells.push({ column: lp.addColumn(0, 1, 1, true), duty: current });
        start.push(1);
      }
      byDay.push(cells);
    }
    free.set(a, { agent, byDay });
  }

  for (const [a, cells] of free) {
    lp.offset += addRequests(model, lp, cells, model.agents[a]);
    addAgentRules(model, lp, start, cells, hood, lines[a]);
  }
  for (let a = 0; a < model.agents.length; a++) {
    if (!inHood.has(a)) lp.offset += requestPenalty(model, model.agents[a], lines[a]);
  }

  addCover(model, lp, start, lines, free, inHood);
  addSupervisors(model, lp, start, lines, free, inHood);

  const lateOf = (cells: AgentCells) => ({
    columns: cells.byDay
      .flat()
      .filter((c) => model.lateTypes[model.duties[c.duty].type])
      .map((c) => c.column),
  });
  const weekendOf = (cells: AgentCells) => ({
    columns: model.weekends.flat().flatMap((d) => cells.byDay[d].map((c) => c.column)),
  });
  fairnessTerm(
    lp,
    start,
    model.lateFairnessWeight,
    model.lateFairnessWeight > 0 ? lateEligible(model) : [],
    free,
    lines,
    (l) => lateCount(model, l),
    lateOf,
  );
  fairnessTerm(
    lp,
    start,
    model.weekendFairnessWeight,
    model.weekendFairnessWeight > 0 ? weekendEligible(model) : [],
    free,
    lines,
    (l) => weekendDaysWorked(model, l),
    weekendOf,
  );

  return {
    lp,
    start: Float64Array.from(start),
    decode(values) {
      return hood.agents.map((a) => {
        const line = new Int32Array(model.days).fill(OFF);
        free.get(a)!.byDay.forEach((cells, d) => {
          for (const c of cells) if (values[c.column] > 0.5) line[d] = c.duty;
        });
        return line;
      });
    },
  };
}

function addRequests(model: CompiledRoster, lp: LinearProgram, cells: AgentCells, agent: CompiledAgent): number {
  let offset = 0;
  for (const r of agent.requests) {
    if (r.kind === 'on') offset += r.weight;
    for (const c of cells.byDay[r.day]) {
      if (r.type >= 0 && model.duties[c.duty].type !== r.type) continue;
      lp.cost[c.column] += r.kind === 'on' ? -r.weight : r.weight;
    }
  }
  return offset;
}

function addCover(
  model: CompiledRoster,
  lp: LinearProgram,
  start: number[],
  lines: RosterLines,
  free: Map<number, AgentCells>,
  inHood: Set<number>,
): void {
  const fixedCounts = coverCounts(
    model,
    lines.map((line, a) => (inHood.has(a) ? new Int32Array(model.days).fill(OFF) : line)),
  );
  const allCounts = coverCounts(model, lines);
  const nDuties = model.duties.length;
  const rowColumns: number[][] = model.coverRows.map(() => []);
  for (const cells of free.values()) {
    cells.byDay.forEach((dayCells, d) => {
      for (const c of dayCells) for (const r of model.cellRows[d * nDuties + c.duty]) rowColumns[r].push(c.column);
    });
  }
  model.coverRows.forEach((row, r) => {
    const rest = row.required - fixedCounts[r];
    if (rowColumns[r].length === 0) {
      lp.offset += Math.max(0, rest) * row.underWeight + Math.max(0, -rest) * row.overWeight;
      return;
    }
    const under = lp.addColumn(row.underWeight, 0, INF, false);
    const over = lp.addColumn(row.overWeight, 0, INF, false);
    start.push(Math.max(0, row.required - allCounts[r]), Math.max(0, allCounts[r] - row.required));
    lp.addRow(rest, rest, [...rowColumns[r], under, over], [...rowColumns[r].map(() => 1), 1, -1]);
  });
}

function addSupervisors(
  model: CompiledRoster,
  lp: LinearProgram,
  start: number[],
  lines: RosterLines,
  free: Map<number, AgentCells>,
  inHood: Set<number>,
): void {
  if (!model.supervisorRule) return;
  const big = model.agents.length;
  for (let d = 0; d < model.days; d++) {
    for (let t = 0; t < model.typeIds.length; t++) {
      let fixedAll = 0;
      let fixedSupervisors = 0;
      lines.forEach((line, a) => {
        if (inHood.has(a) || line[d] === OFF || model.duties[line[d]].type !== t) return;
        fixedAll++;
        if (model.agents[a].supervisor) fixedSupervisors++;
      });
      if (fixedSupervisors > 0) continue;
      const all: number[] = [];
      const supervisors: number[] = [];
      let currentAll = fixedAll;
      let currentSupervisors = 0;
      for (const [a, cells] of free) {
        for (const c of cells.byDay[d]) {
          if (model.duties[c.duty].type !== t) continue;
          all.push(c.column);
          if (model.agents[a].supervisor) supervisors.push(c.column);
          if (lines[a][d] === c.duty) {
            currentAll++;
            if (model.agents[a].supervisor) currentSupervisors++;
          }
        }
      }
      if (all.length === 0) {
        if (fixedAll > 0) lp.offset += SUPERVISOR_PENALTY;
        continue;
      }
      const missing = lp.addColumn(SUPERVISOR_PENALTY, 0, 1, true);
      start.push(currentAll > 0 && currentSupervisors === 0 ? 1 : 0);
      lp.addRow(
        -INF,
        -fixedAll,
        [...all, ...supervisors, missing],
        [...all.map(() => 1), ...supervisors.map(() => -big), -big],
      );
    }
  }
}
