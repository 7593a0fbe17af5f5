import { readFileSync } from 'node:fs';
import { solveRoster } from '../src/modules/roster/solver';
import { nrpToRosterProblem, parseNrp } from './nrp-format';
(async () => {
  const inst = parseNrp(readFileSync(process.argv[2], 'utf8'));
  let last = 0;
  const s = await solveRoster(nrpToRosterProblem(inst), { timeLimitMs: Number(process.argv[3]) * 1000, seed: 1, onProgress: (p) => { if (p.phase !== 'improve' || p.seconds - last > 2) { last = p.seconds; console.log(JSON.stringify(p)); } } });
  console.log(s.objective.total, s.lowerBound, s.stoppedBy, s.seconds);
})();
