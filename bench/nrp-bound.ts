/**
 * A lower bound for an NRP instance without a best reported value (the generated look-alikes, the
 * scale set): `npx tsx bench/nrp-bound.ts --seconds 600 <files…>`. Whole-horizon column generation
 * over agent lines, with no share of a solve to keep to, run until it converges or the seconds end.
 * `bound` is proven: the best Lagrangian value of the rounds (the restricted LP's value once
 * pricing is exact and finds nothing), so a roster within 10 % of it is within 10 % of the best any
 * solver can reach, which makes the held-back targets of issue 18 checkable on instances nobody has
 * solved. It is null or negative where pricing was not exact in any round (an agent's third capped
 * type priced by penalty rounds, a label budget cut); `lpValue` then proves nothing (the restricted LP stops where inexact
 * pricing finds no line, above the LP optimum). One JSON line per instance; `bench/roster-nrp.ts
 * --bounds FILE` reads them. `--alternatives N` sets the next-cheapest lines per pricing (default 4;
 * 0 prices as a solve does). Every binding cap of a shift type is priced exactly, as a counter of
 * the programme (a solve leaves caps above 8 to penalty rounds, which prove no bound): `--tracked-cap
 * N` caps it at N (8 prices as a solve does).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileRoster } from 'src/modules/roster/solver';
import { generateColumns } from 'src/modules/roster/solver/column-generation';
import { highsRuntime } from 'src/modules/roster/solver/linear-program';
import { addFirstColumns } from 'src/modules/roster/solver/price-and-branch';
import { RestrictedMaster } from 'src/modules/roster/solver/restricted-master';
import { nrpToRosterProblem, parseNrp } from './nrp-format';

/**
 * Four next-cheapest lines per pricing besides the cheapest: on seven look-alikes, fewer rounds
 * and bounds as high or higher (LookAlikeC-1 57.0 against 51.9, converged in 50 s against 88 s).
 */
const ALTERNATIVES = 4;

interface Arguments {
  files: string[];
  seconds: number;
  alternatives: number;
  /** Caps up to this are priced exactly; the horizon's days (every cap) when absent. */
  trackedCap?: number;
}

function parseArguments(argv: string[]): Arguments {
  const files: string[] = [];
  let seconds = 600;
  let alternatives = ALTERNATIVES;
  let trackedCap: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else if (argv[i] === '--alternatives') alternatives = Number(argv[++i]);
    else if (argv[i] === '--tracked-cap') trackedCap = Number(argv[++i]);
    else if (argv[i].startsWith('--'))
      throw new Error(`unknown option ${argv[i]} (known: --seconds N, --alternatives N, --tracked-cap N, then files)`);
    else files.push(argv[i]);
  }
  if (files.length === 0 || !(seconds > 0))
    throw new Error('usage: nrp-bound.ts [--seconds 600] [--alternatives 4] [--tracked-cap N] <instance files…>');
  return { files, seconds, alternatives, trackedCap };
}

async function main(): Promise<void> {
  const { files, seconds, alternatives, trackedCap } = parseArguments(process.argv.slice(2));
  const highs = await highsRuntime();
  for (const file of files) {
    const started = Date.now();
    const left = () => seconds - (Date.now() - started) / 1000;
    const model = compileRoster(nrpToRosterProblem(parseNrp(readFileSync(file, 'utf8'))));
    const master = new RestrictedMaster(highs, model);
    try {
      // First columns as the solver's price step lays them, without a current roster.
      addFirstColumns(model, master, null);
      const outcome = generateColumns(model, master, {
        maxRounds: Number.POSITIVE_INFINITY,
        shouldStop: () => left() <= 0,
        secondsLeft: () => Math.max(1, left()),
        alternatives,
        pricing: { trackedCap: trackedCap ?? model.days },
      });
      console.log(
        JSON.stringify({
          instance: basename(file).replace(/\.txt$/, ''),
          days: model.days,
          agents: model.agents.length,
          bound: outcome.bound === null ? null : Number(outcome.bound.toFixed(1)),
          lpValue: outcome.lpValue === null ? null : Number(outcome.lpValue.toFixed(1)),
          converged: outcome.converged,
          rounds: outcome.rounds,
          seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
        }),
      );
    } finally {
      master.dispose();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
