/**
 * Minimum shift design benchmark: `npx tsx bench/roster-shift-design.ts [--seconds 10]
 * [--weights published|file] <files.dzn…>` (default: every .dzn in ../shared/bench-data/shift-design).
 * One JSON line per instance. `published` is Di Gaspero et al.'s objective (excess + shortage
 * minutes + interval per distinct shift); `file` uses the file's own weights.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { designShifts } from './shift-design/design-shifts';
import { readShiftDesignInstance, shiftDesignInputOf } from './shift-design/dzn-instance-reader';

/** Proven optima under the published objective (bench-data README, Data Set 1). */
const KNOWN_OPTIMA: Record<string, number> = {
  RandomExample1: 480,
  RandomExample2: 300,
  RandomExample3: 600,
  RandomExample4: 450,
  RandomExample5: 480,
};

function parseArguments(argv: string[]): { files: string[]; seconds: number; weighting: 'published' | 'file' } {
  const files: string[] = [];
  let seconds = 10;
  let weighting: 'published' | 'file' = 'published';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seconds') seconds = Number(argv[++i]);
    else if (argv[i] === '--weights') weighting = argv[++i] === 'file' ? 'file' : 'published';
    else files.push(argv[i]);
  }
  if (files.length === 0) {
    const folder = '../shared/bench-data/shift-design';
    files.push(
      ...readdirSync(folder)
        .filter((f) => f.endsWith('.dzn'))
        .sort()
        .map((f) => join(folder, f)),
    );
  }
  return { files, seconds, weighting };
}

async function main(): Promise<void> {
  const { files, seconds, weighting } = parseArguments(process.argv.slice(2));
  for (const file of files) {
    const instance = basename(file).replace(/\.dzn$/, '');
    const input = shiftDesignInputOf(readShiftDesignInstance(readFileSync(file, 'utf8')), weighting);
    const result = await designShifts(input, { timeLimitSeconds: seconds, seed: 1 });
    const round = (x: number) => Math.round(x * 1000) / 1000;
    console.log(
      JSON.stringify({
        instance,
        weights: weighting,
        objective: round(result.objective.total),
        optimum: weighting === 'published' ? (KNOWN_OPTIMA[instance] ?? null) : null,
        shortageMinutes: result.shortageMinutes,
        excessMinutes: result.excessMinutes,
        distinctShifts: result.distinctShiftCount,
        lowerBound: round(result.lowerBound),
        gap: round(result.gap),
        stoppedBy: result.stoppedBy,
        seconds: round(result.seconds),
        secondsToBest: round(result.secondsToBest),
      }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
