import { readFileSync } from 'node:fs';
import { compileRoster } from '../src/modules/roster/solver/compile-roster';
import { cheapestLine } from '../src/modules/roster/solver/line-pricing';
import { requestCosts } from '../src/modules/roster/solver/marginal-costs';
import { nrpToRosterProblem, parseNrp } from './nrp-format';
const inst = parseNrp(readFileSync(process.argv[2], 'utf8'));
const model = compileRoster(nrpToRosterProblem(inst));
for (const [i, a] of model.agents.slice(0, 6).entries()) {
  const c = requestCosts(model, a);
  for (let k = 0; k < c.cell.length; k++) if (Number.isFinite(c.cell[k])) c.cell[k] -= 30 + ((k * 7919) % 50);
  const t = Date.now();
  const r = cheapestLine(model, a, c);
  console.log(i, a.id, Date.now() - t, 'ms', r?.exact, a.maxShiftsByType);
}
