/**
 * Curtois & Qu employee scheduling benchmark: `npx tsx bench/roster-nrp.ts <files…>
 * [--time-limit 60] [--seed 1] [--out DIR] [--bounds FILE] [--progress] [--one-search]` (default: every
 * Instance*.txt in ../shared/bench-data/curtois-nrp). One JSON line per instance; objective and violations come
 * from the independent checker in bench/nrp-check.ts, not from the solver (with its terms: requests
 * missed, cover short and over, places short and how many of them on weekends). Also per instance:
 * seconds to the first roster keeping every rule, the objective at 10 s (the best the search
 * had reported by then), the gap to the solver's own lower bound, and the load average.
 * `--out DIR` writes `<instance>.csv` per roster. `--bounds FILE` reads the JSON lines of
 * `bench/nrp-bound.ts` and adds, where it holds a positive bound for the instance, how far the
 * objective is above it (`aboveBound`: at least as far as it is above the best possible roster).
 * Solves of 10 s or more run a second search on the machine's other core (`secondSearch`);
 * `--one-search` keeps one, for comparing two versions side by side on the two cores. The objective
 * at 10 s is the first search's.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join } from 'node:path';
import { solveRoster } from 'src/modules/roster/solver';
import { checkNrpRoster, gridOfShifts } from './nrp-check';
import { nrpToRosterProblem, parseNrp } from './nrp-format';

/** Best reported values (../shared/bench-data/README.md). */
const BEST: Record<string, number> = {
  Instance1: 607,
  Instance2: 828,
  Instance3: 1001,
  Instance4: 1716,
  Instance5: 1143,
  Instance6: 1950,
  Instance7: 1056,
  Instance8: 1308,
  Instance9: 439,
  Instance10: 4631,
  Instance11: 3443,
  Instance12: 4040,
};

interface Arguments {
  files: string[];
  seconds: number;
  seed: number;
  out: string | null;
  bounds: Map<string, number>;
}

/** Proven lower bounds by instance from `bench/nrp-bound.ts` output (only positive ones say anything). */
function readBounds(file: string): Map<string, number> {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().startsWith('{'));
  const found = lines.map((line) => JSON.parse(line) as { instance: string; bound: number | null });
  return new Map(found.filter((b) => b.bound !== null && b.bound > 0).map((b) => [b.instance, b.bound!]));
}

function parseArguments(argv: string[]): Arguments {
  const files: string[] = [];
  let seconds = 60;
  let seed = 1;
  let out: string | null = null;
  let bounds = new Map<string, number>();
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--time-limit') seconds = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--out') out = argv[++i];
    else if (argv[i] === '--bounds') bounds = readBounds(argv[++i]);
    else if (argv[i] === '--progress' || argv[i] === '--one-search') continue;
    else if (argv[i].startsWith('--'))
      throw new Error(
        `unknown option ${argv[i]} (known: --time-limit SECONDS, --seed N, --out FOLDER, --bounds FILE, --progress, --one-search, then instance files)`,
      );
    else files.push(argv[i]);
  }
  if (files.length === 0) {
    const folder = '../shared/bench-data/curtois-nrp';
    const number = (f: string) => Number(f.replace(/\D/g, ''));
    files.push(
      ...readdirSync(folder)
        .filter((f) => /^Instance\d+\.txt$/.test(f))
        .sort((a, b) => number(a) - number(b))
        .map((f) => join(folder, f)),
    );
  }
  return { files, seconds, seed, out, bounds };
}

async function main(): Promise<void> {
  const { files, seconds, seed, out, bounds } = parseArguments(process.argv.slice(2));
  if (out) mkdirSync(out, { recursive: true });
  for (const file of files) {
    const name = basename(file).replace(/\.txt$/, '');
    const instance = parseNrp(readFileSync(file, 'utf8'));
    const load = loadavg()[0];
    const started = Date.now();
    let atTen: number | null = null;
    const solution = await solveRoster(nrpToRosterProblem(instance), {
      timeLimitMs: seconds * 1000,
      seed,
      ...(process.argv.includes('--one-search') ? { secondSearch: false } : {}),
      onProgress: (p) => {
        if (p.seconds <= 10 && p.objective !== null)
          atTen = atTen === null ? p.objective : Math.min(atTen, p.objective);
        if (process.argv.includes('--progress')) console.error(JSON.stringify(p));
      },
    });
    const elapsed = (Date.now() - started) / 1000;
    const { grid, doubled } = gridOfShifts(instance, solution.assignments);
    const check = checkNrpRoster(instance, grid);
    const violations = [...doubled, ...check.violations];
    const best = BEST[name] ?? null;
    const bound = bounds.get(name) ?? null;
    console.log(
      JSON.stringify({
        instance: name,
        objective: check.objective,
        terms: check.terms,
        best,
        gap: best === null ? null : Number(((check.objective - best) / best).toFixed(4)),
        seconds: Number(elapsed.toFixed(1)),
        violations: violations.length,
        firstValidSeconds:
          solution.firstRosterSeconds === null || solution.firstRosterSeconds === undefined
            ? null
            : Number(solution.firstRosterSeconds.toFixed(2)),
        objectiveAt10s: elapsed <= 10 ? check.objective : atTen,
        solverObjective: solution.objective.total,
        lowerBound: solution.lowerBound === null ? null : Number(solution.lowerBound.toFixed(1)),
        gapToBound:
          solution.lowerBound === null
            ? null
            : Number(((check.objective - solution.lowerBound) / Math.max(1, check.objective)).toFixed(4)),
        ...(bound === null ? {} : { aboveBound: Number((check.objective / bound - 1).toFixed(4)) }),
        stoppedBy: solution.stoppedBy,
        load: Number(load.toFixed(1)),
        ...(violations.length > 0 ? { firstViolations: violations.slice(0, 5) } : {}),
        ...(solution.infeasibilities.length > 0 ? { infeasibilities: solution.infeasibilities.length } : {}),
      }),
    );
    if (out) {
      const csv = instance.staff.map((s, e) => [s.id, ...grid[e].map((x) => x ?? '')].join(',')).join('\n');
      writeFileSync(join(out, `${name}.csv`), `${csv}\n`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
