/**
 * The first roster's construction alone, by its CPU time (not wall time, so a loaded machine
 * still compares runs): `npx tsx bench/nrp-construction.ts [--mode guess|hurried|full] <file>`.
 * `guess` starts the pace in its guessing mode (what a solve far behind its limit falls back to),
 * `full` keeps no pace. One JSON line: compile and construction CPU seconds, placements by mode,
 * guesses taken, agents breaking a rule (the solver's own check) and the search's objective.
 */
import { readFileSync } from 'node:fs';
import { nrpToRosterProblem, parseNrp } from './nrp-format';
import { agentLineViolations } from 'src/modules/roster/solver/agent-rules';
import { compileRoster } from 'src/modules/roster/solver/compile-roster';
import { ConstructionPace, constructRoster } from 'src/modules/roster/solver/greedy-construction';
import { searchCost } from 'src/modules/roster/solver/roster-objective';

function cpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--mode');
  const mode = at >= 0 ? args[at + 1] : 'guess';
  const file = args.find((a, k) => !a.startsWith('--') && args[k - 1] !== '--mode');
  if (!file || !['guess', 'hurried', 'full'].includes(mode))
    throw new Error('usage: [--mode guess|hurried|full] <file>');
  const problem = nrpToRosterProblem(parseNrp(readFileSync(file, 'utf8')));
  const started = cpuSeconds();
  const model = compileRoster(problem);
  const compiled = cpuSeconds();
  const pace = mode === 'full' ? undefined : new ConstructionPace(Date.now, Date.now(), Date.now());
  if (pace) pace.mode = mode as 'guess' | 'hurried';
  // A pace whose mode is set only ever escalates: `hurried` may still turn to guessing when it is slow.
  const built = constructRoster(model, { shouldStop: () => mode !== 'full', pace });
  const constructed = cpuSeconds();
  const breaking = model.agents.filter((agent, a) => agentLineViolations(model, agent, built.lines[a]).length > 0);
  console.log(
    JSON.stringify({
      compileCpuSeconds: Number((compiled - started).toFixed(2)),
      constructionCpuSeconds: Number((constructed - compiled).toFixed(2)),
      placements: pace?.placements ?? null,
      guessesTaken: pace?.guessesTaken ?? null,
      agentsBreakingRules: breaking.length,
      objective: searchCost(model, built.lines),
    }),
  );
}

main();
