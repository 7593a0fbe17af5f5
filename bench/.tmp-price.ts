import { readFileSync } from 'node:fs';
import { compileRoster } from '../src/modules/roster/solver/compile-roster';
import { cheapestLine } from '../src/modules/roster/solver/line-pricing';
import { requestCosts } from '../src/modules/roster/solver/marginal-costs';
import { nrpToRosterProblem, parseNrp } from './nrp-format';
const inst = parseNrp(readFileSync(process.argv[2], 'utf8'));
const model = compileRoster(nrpToRosterProblem(inst));
console.log('shifts', model.shifts.length, 'classes?');
let total = 0;
for (const [i, a] of model.agents.entries()) {
  const c = requestCosts(model, a);
  for (let k = 0; k < c.cell.length; k++) if (Number.isFinite(c.cell[k])) c.cell[k] -= 30 + ((k * 7919) % 50);
  const t = Date.now();
  const r = cheapestLine(model, a, c);
  total += Date.now() - t;
  if (i < 5) console.log(i, a.id, Date.now() - t, 'ms', r?.exact, a.maxShiftsByType.join(','), a.minMinutes, a.maxMinutes);
}
console.log('total', total);
