/**
 * A stored roster problem solved by the engine alone: `npx tsx bench/roster-problem.ts problem.json
 * [--time-limit 30] [--seed 1] [--iterations n] [--progress]`. The problem is what `bench/roster-api.ts
 * --dump` wrote (the `problem` column of a roster). Prints one JSON line: objective and its terms,
 * bound, gap, stop reason, seconds, violations.
 */
import { readFileSync } from 'node:fs';
import { solveRoster, type RosterProblem } from 'src/modules/roster/solver';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

async function main(): Promise<void> {
  const file = process.argv[2];
  const problem = JSON.parse(readFileSync(file, 'utf8')) as RosterProblem;
  const iterations = arg('iterations', '');
  const progress = process.argv.includes('--progress');
  const solution = await solveRoster(problem, {
    timeLimitMs: Number(arg('time-limit', '30')) * 1000,
    seed: Number(arg('seed', '1')),
    ...(iterations ? { maxIterations: Number(iterations) } : {}),
    onProgress: progress
      ? (p) => console.error(`${p.seconds.toFixed(1)}s ${p.phase} ${p.objective ?? '-'} ≥ ${p.lowerBound ?? '-'}`)
      : undefined,
  });
  console.log(
    JSON.stringify({
      file,
      agents: problem.agents.length,
      days: problem.horizon.days,
      objective: solution.objective.total,
      terms: solution.objective.terms,
      lowerBound: solution.lowerBound === null ? null : Number(solution.lowerBound.toFixed(1)),
      gap: solution.gap === null ? null : Number(solution.gap.toFixed(4)),
      stoppedBy: solution.stoppedBy,
      seconds: solution.seconds,
      firstRosterSeconds: solution.firstRosterSeconds,
      violations: solution.violations.length,
      infeasibilities: solution.infeasibilities.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
