import { readFileSync } from 'node:fs';
import { compileRoster } from '../src/modules/roster/solver/compile-roster';
import { highsRuntime } from '../src/modules/roster/solver/linear-program';
import { LinePool } from '../src/modules/roster/solver/line-master';
import { generateColumns } from '../src/modules/roster/solver/column-generation';
import { cheapestLine } from '../src/modules/roster/solver/line-pricing';
import { requestCosts } from '../src/modules/roster/solver/marginal-costs';
import { nrpToRosterProblem, parseNrp } from './nrp-format';
(async () => {
  const inst = parseNrp(readFileSync(process.argv[2], 'utf8'));
  const model = compileRoster(nrpToRosterProblem(inst));
  const highs = await highsRuntime();
  const t0 = Date.now();
  const pool = new LinePool(model);
  model.agents.forEach((a, i) => { const l = cheapestLine(model, a, requestCosts(model, a)); if (l) pool.add(i, l.line); });
  for (let k = 0; k < 6; k++) {
    const cg = generateColumns(highs, model, pool, { maxRounds: 10, shouldStop: () => false, secondsLeft: () => 10 });
    console.log('cg', (Date.now() - t0) / 1000, cg, pool.size);
    if (cg.converged) break;
  }
})();
import { buildLineMaster } from '../src/modules/roster/solver/line-master';
import { solveLinearProgram } from '../src/modules/roster/solver/linear-program';
(async () => {
  await new Promise((r) => setTimeout(r, 100));
  const inst = parseNrp(readFileSync(process.argv[2], 'utf8'));
  const model = compileRoster(nrpToRosterProblem(inst));
  const highs = await highsRuntime();
  const pool = new LinePool(model);
  model.agents.forEach((a, i) => { const l = cheapestLine(model, a, requestCosts(model, a)); if (l) pool.add(i, l.line); });
  generateColumns(highs, model, pool, { maxRounds: 30, shouldStop: () => false, secondsLeft: () => 10 });
  let t = Date.now();
  const m = buildLineMaster(model, pool, false);
  console.log('build', Date.now() - t, pool.size, m.lp.columnCount, m.lp.rowLower.length);
  t = Date.now();
  const o = solveLinearProgram(highs, m.lp, { timeLimitSeconds: 30 });
  console.log('lp', Date.now() - t, o.status);
  t = Date.now();
  const base = model.agents.map((agent) => requestCosts(model, agent));
  model.agents.forEach((agent, a) => {
    const costs = { cell: Float64Array.from(base[a].cell), off: base[a].off };
    const cover = o.duals!.subarray(m.coverRowOffset);
    for (let i = 0; i < costs.cell.length; i++) { if (!Number.isFinite(costs.cell[i])) continue; for (const r of model.cellRows[i]) costs.cell[i] -= cover[r]; }
    cheapestLine(model, agent, costs);
  });
  console.log('pricing', Date.now() - t);
})();
