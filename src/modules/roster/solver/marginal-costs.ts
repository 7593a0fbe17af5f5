import { OFF, type CompiledAgent, type CompiledRoster, type RosterLines } from './compiled-roster';
import type { LineCosts } from './line-pricing';
import { SUPERVISOR_PENALTY, coverCounts, requestMissed } from './roster-objective';

/** Request costs of each cell and day off of one agent (the part of the objective it owns alone). */
export function requestCosts(model: CompiledRoster, agent: CompiledAgent): LineCosts {
  const nDuties = model.duties.length;
  const cell = new Float64Array(model.days * nDuties);
  const off = new Float64Array(model.days);
  for (let i = 0; i < cell.length; i++) if (!agent.allowed[i]) cell[i] = Number.POSITIVE_INFINITY;
  for (let d = 0; d < model.days; d++) if (agent.lockedType[d] >= 0) off[d] = Number.POSITIVE_INFINITY;
  for (const r of agent.requests) {
    for (let u = 0; u < nDuties; u++) if (requestMissed(model, r, u)) cell[r.day * nDuties + u] += r.weight;
    if (requestMissed(model, r, OFF)) off[r.day] += r.weight;
  }
  return { cell, off };
}

/**
 * Exact change of the search cost per cell when agent `a` alone changes its line: the cover rows
 * (each row counts a line at most once), its requests, and the supervisor rule.
 */
export function marginalCosts(model: CompiledRoster, lines: RosterLines, a: number): LineCosts {
  const others = lines.map((line, b) => (b === a ? new Int32Array(model.days).fill(OFF) : line));
  const counts = coverCounts(model, others);
  const costs = requestCosts(model, model.agents[a]);
  const nDuties = model.duties.length;
  const rowPrice = model.coverRows.map((row, r) => (counts[r] < row.required ? -row.underWeight : row.overWeight));
  for (let d = 0; d < model.days; d++) {
    for (let u = 0; u < nDuties; u++) {
      const i = d * nDuties + u;
      if (!Number.isFinite(costs.cell[i])) continue;
      for (const r of model.cellRows[i]) costs.cell[i] += rowPrice[r];
    }
  }
  if (model.supervisorRule) addSupervisorMargins(model, others, a, costs);
  return costs;
}

function addSupervisorMargins(model: CompiledRoster, others: RosterLines, a: number, costs: LineCosts): void {
  const nDuties = model.duties.length;
  const isSupervisor = model.agents[a].supervisor;
  for (let d = 0; d < model.days; d++) {
    const worked = new Uint8Array(model.typeIds.length);
    const supervised = new Uint8Array(model.typeIds.length);
    others.forEach((line, b) => {
      if (line[d] === OFF) return;
      worked[model.duties[line[d]].type] = 1;
      if (model.agents[b].supervisor) supervised[model.duties[line[d]].type] = 1;
    });
    for (let u = 0; u < nDuties; u++) {
      const t = model.duties[u].type;
      if (supervised[t]) continue;
      if (isSupervisor && worked[t]) costs.cell[d * nDuties + u] -= SUPERVISOR_PENALTY;
      if (!isSupervisor && !worked[t]) costs.cell[d * nDuties + u] += SUPERVISOR_PENALTY;
    }
  }
}
