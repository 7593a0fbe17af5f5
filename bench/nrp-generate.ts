/**
 * Writes generated Curtois & Qu instances (bench/nrp-generator.ts):
 * `npx tsx bench/nrp-generate.ts --days 42 --staff 45 --types 6 [--seed 1] > file.txt`, or
 * `npx tsx bench/nrp-generate.ts --look-alikes DIR [--seed 1]` for seven instances shaped like the
 * held-back set (A 28 d × 120 staff × 18 types … G 84 d × 40 × 5), or
 * `npx tsx bench/nrp-generate.ts --random N DIR [--seed 1]` for N shapes drawn from 4–12 weeks,
 * 20–150 staff and 3–20 shift types.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from 'src/platform/random/seeded-random';
import { formatNrp, generateNrp, type NrpShape } from './nrp-generator';

/** Shapes of the held-back instances named in issue 18 (the files themselves are not available). */
export const LOOK_ALIKES: Record<string, Omit<NrpShape, 'seed'>> = {
  A: { days: 28, staff: 120, shiftTypes: 18 },
  B: { days: 42, staff: 32, shiftTypes: 4 },
  C: { days: 42, staff: 45, shiftTypes: 6 },
  D: { days: 56, staff: 20, shiftTypes: 3 },
  E: { days: 56, staff: 32, shiftTypes: 4 },
  F: { days: 84, staff: 22, shiftTypes: 3 },
  G: { days: 84, staff: 40, shiftTypes: 5 },
};

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

function main(): void {
  const argv = process.argv.slice(2);
  const seed = Number(option(argv, '--seed') ?? 1);
  const lookAlikes = option(argv, '--look-alikes');
  const randomCount = option(argv, '--random');
  if (lookAlikes) {
    mkdirSync(lookAlikes, { recursive: true });
    for (const [name, shape] of Object.entries(LOOK_ALIKES)) {
      writeFileSync(
        join(lookAlikes, `LookAlike${name}-${seed}.txt`),
        formatNrp(generateNrp({ ...shape, seed: seed * 1000 + name.charCodeAt(0) })),
      );
    }
    return;
  }
  if (randomCount) {
    const folder = argv[argv.indexOf('--random') + 2];
    mkdirSync(folder, { recursive: true });
    const random = seededRandom(seed);
    for (let k = 0; k < Number(randomCount); k++) {
      const shape = {
        days: 7 * (4 + Math.floor(random() * 9)),
        staff: 20 + Math.floor(random() * 131),
        shiftTypes: 3 + Math.floor(random() * 18),
        seed: seed * 1000 + k,
      };
      writeFileSync(
        join(folder, `Generated-${shape.days}d-${shape.staff}s-${shape.shiftTypes}t-${shape.seed}.txt`),
        formatNrp(generateNrp(shape)),
      );
    }
    return;
  }
  const shape = {
    days: Number(option(argv, '--days') ?? 28),
    staff: Number(option(argv, '--staff') ?? 30),
    shiftTypes: Number(option(argv, '--types') ?? 4),
    seed,
  };
  process.stdout.write(formatNrp(generateNrp(shape)));
}

main();
