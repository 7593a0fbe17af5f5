/**
 * Several roster generations at once in one process, as the job runner starts them (JOB_CONCURRENCY,
 * default 4): `npx tsx bench/roster-concurrent.ts FILE [--solves 4] [--time-limit 60] [--every-helper]`.
 * Each solve runs on its own thread through `solveOnThread`, the product's path, with seeds 1..N;
 * by default under the process's `SolverThreadBudget` (a helper thread only while a core is free),
 * with `--every-helper` under a budget without limit (every solve starts its helper, as before).
 * One JSON line per solve: the checker's objective and violations, seconds, and the load average.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename } from 'node:path';
import { solveOnThread } from 'src/modules/roster/roster-solve-thread';
import { SolverThreadBudget } from 'src/modules/roster/solver-thread-budget';
import { checkNrpRoster, gridOfShifts } from './nrp-check';
import { nrpToRosterProblem, parseNrp } from './nrp-format';

interface Arguments {
  file: string;
  solves: number;
  limitMs: number;
  everyHelper: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const parsed: Arguments = { file: '', solves: 4, limitMs: 60_000, everyHelper: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--solves') parsed.solves = Number(argv[++i]);
    else if (argv[i] === '--time-limit') parsed.limitMs = Number(argv[++i]) * 1000;
    else if (argv[i] === '--every-helper') parsed.everyHelper = true;
    else if (argv[i].startsWith('--'))
      throw new Error(`unknown option ${argv[i]} (known: --solves N, --time-limit SECONDS, --every-helper)`);
    else parsed.file = argv[i];
  }
  if (!parsed.file) throw new Error('usage: roster-concurrent.ts FILE [--solves 4] [--time-limit 60] [--every-helper]');
  return parsed;
}

async function main(): Promise<void> {
  const { file, solves, limitMs, everyHelper } = parseArguments(process.argv.slice(2));
  const threads = new SolverThreadBudget(everyHelper ? Infinity : availableParallelism());
  const instance = parseNrp(readFileSync(file, 'utf8'));
  const problem = nrpToRosterProblem(instance);
  const load = loadavg()[0];
  const started = Date.now();
  const runs = Array.from({ length: solves }, (_, k) =>
    solveOnThread({ problem, timeLimitMs: limitMs, solveBy: started + limitMs, seed: k + 1 }, () => undefined, threads),
  );
  const solutions = await Promise.all(runs);
  solutions.forEach((solution, k) => {
    const { grid, doubled } = gridOfShifts(instance, solution.assignments);
    const check = checkNrpRoster(instance, grid);
    console.log(
      JSON.stringify({
        instance: basename(file).replace(/\.txt$/, ''),
        solve: k + 1,
        everyHelper,
        objective: check.objective,
        violations: doubled.length + check.violations.length,
        seconds: Number(solution.seconds.toFixed(1)),
        load,
      }),
    );
  });
}

void main();
