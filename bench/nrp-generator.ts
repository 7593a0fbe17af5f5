/**
 * Instances of the Curtois & Qu text format drawn from the rule patterns of the public files, so
 * tuning and tests never see only those twelve: shift families early/day/late/night with the
 * "no earlier start tomorrow" successions, contract groups (full-time 5/2/2, 6/2/3, part-time),
 * about half the weekends, a day off per fortnight, blocks of on/off requests weighted 1–3,
 * cover weighted 100 under / 1 over. Every staff member's rules are drawn around a witness line
 * that keeps them all, so every generated instance has a roster breaking no hard rule.
 */
import { seededRandom } from 'src/platform/random/seeded-random';
import type { NrpCover, NrpInstance, NrpRequest, NrpShift, NrpStaff } from './nrp-format';

export interface NrpShape {
  days: number;
  staff: number;
  shiftTypes: number;
  seed: number;
  /** Total cover over what the witness rosters work; ~1 as in the public files. Default drawn from 0.95–1.08. */
  demandRatio?: number;
}

const FAMILIES = ['a', 'd', 'p', 'n'] as const;

interface Contract {
  maxMinutes: number;
  minMinutes: number;
  maxRun: number;
  minRun: number;
  minOff: number;
  maxWeekends: number;
}

/** Shift types by family, numbered as in the public files (E/D/L/N for up to 5 types, a1…n3 above). */
function drawShifts(count: number, random: () => number): { shifts: NrpShift[]; family: number[] } {
  const family: number[] = [];
  // Early, day and late shares first, nights last (a few nights at most).
  for (let k = 0; k < count; k++)
    family.push(count <= 2 ? k * 2 : count === 3 ? [0, 1, 2][k] : Math.min(3, Math.floor((k * 4) / count)));
  family.sort((x, y) => x - y);
  const named = count <= 5;
  const letters =
    count === 1
      ? ['D']
      : count === 2
        ? ['E', 'L']
        : count === 3
          ? ['E', 'D', 'L']
          : count === 4
            ? ['E', 'D', 'L', 'N']
            : ['E', 'd1', 'd2', 'L', 'N'];
  const seen = new Map<number, number>();
  const ids = family.map((f, k) => {
    if (named) return letters[k];
    seen.set(f, (seen.get(f) ?? 0) + 1);
    return `${FAMILIES[f]}${seen.get(f)}`;
  });
  // Longer shifts appear with more types (600 and 720 minutes), nights often 600.
  const minutes = family.map((f) => {
    const r = random();
    if (count <= 3) return 480;
    if (f === 3) return r < 0.4 ? 600 : r < 0.55 && count > 6 ? 720 : 480;
    return count > 6 && r < 0.25 ? (r < 0.12 ? 720 : 600) : 480;
  });
  const shifts = ids.map((id, k) => ({
    id,
    minutes: minutes[k],
    // No shift may be followed by one of an earlier family; a 720-minute one also bans its own family's long ones.
    cannotFollow: ids.filter(
      (_, j) => family[j] < family[k] || (minutes[k] >= 720 && family[j] === family[k] && minutes[j] >= 600),
    ),
  }));
  return { shifts, family };
}

function drawContracts(days: number, random: () => number): { contract: Contract; share: number }[] {
  const scale = days / 28;
  const weeks = Math.floor(days / 7);
  const window = [960, 1080, 1200][Math.floor(random() * 3)];
  const full = Math.round((8640 * scale) / 60) * 60;
  const part = Math.round((full * (0.5 + random() * 0.15)) / 60) * 60;
  return [
    {
      contract: {
        maxMinutes: full,
        minMinutes: full - window,
        maxRun: 5,
        minRun: 2,
        minOff: 2,
        maxWeekends: Math.max(1, Math.floor(weeks / 2)),
      },
      share: 0.6,
    },
    {
      contract: {
        maxMinutes: full,
        minMinutes: full - window,
        maxRun: 6,
        minRun: 2,
        minOff: 3,
        maxWeekends: Math.max(1, Math.floor(weeks / 2)),
      },
      share: 0.2,
    },
    {
      contract: {
        maxMinutes: part,
        minMinutes: part - window,
        maxRun: 5,
        minRun: 1,
        minOff: 2,
        maxWeekends: Math.max(1, Math.ceil((weeks * 3) / 4)),
      },
      share: 0.2,
    },
  ];
}

interface Witness {
  line: (number | null)[];
  minutes: number;
}

/**
 * A random line keeping the contract: work runs of minRun..maxRun days, off runs of at least
 * minOff, families only rising inside a run, at most maxWeekends weekends, total minutes in range.
 */
function drawWitness(
  days: number,
  shifts: NrpShift[],
  allowed: number[],
  contract: Contract,
  random: () => number,
): Witness | null {
  const target = contract.minMinutes + random() * (contract.maxMinutes - contract.minMinutes);
  const mean = allowed.reduce((s, t) => s + shifts[t].minutes, 0) / allowed.length;
  const line: (number | null)[] = new Array<number | null>(days).fill(null);
  let minutes = 0;
  let d = 0;
  let weekends = 0;
  const weekendOf = (day: number) => (day % 7 >= 5 ? Math.floor(day / 7) : -1);
  const worked = new Set<number>();
  if (random() < 0.5) d = contract.minOff + Math.floor(random() * 2);
  while (d < days) {
    const left = days - d;
    const needed = (target - minutes) / mean;
    if (needed < 0.5) break;
    // Behind the pace the contract needs: longest runs, shortest breaks.
    const hurry = needed / left > 0.55;
    let run = hurry
      ? contract.maxRun
      : contract.minRun + Math.floor(random() * (contract.maxRun - contract.minRun + 1));
    run = Math.min(run, left, Math.max(1, Math.round(needed)));
    // Keep within the weekend budget: end the run before a weekend it may not touch.
    for (let k = d; k < d + run; k++) {
      const w = weekendOf(k);
      if (w >= 0 && !worked.has(w) && weekends >= contract.maxWeekends) {
        run = k - d;
        break;
      }
      if (w >= 0 && !worked.has(w)) weekends++;
    }
    weekends = worked.size;
    if (run < contract.minRun && d + run < days) {
      d++;
      continue;
    }
    let f = allowed[Math.floor(random() * allowed.length)];
    for (let k = d; k < d + run; k++) {
      // Families may only rise within a run; a long shift may not repeat.
      const next = allowed.filter((t) => k === d || !shifts[line[k - 1]!].cannotFollow.includes(shifts[t].id));
      if (next.length === 0) break;
      if (k > d && (random() < 0.3 || !next.includes(f))) f = next[Math.floor(random() * next.length)];
      line[k] = f;
      minutes += shifts[f].minutes;
      if (weekendOf(k) >= 0) worked.add(weekendOf(k));
    }
    weekends = worked.size;
    d += run + contract.minOff + (hurry ? 0 : Math.floor(random() * 3));
  }
  // Runs cut short by a ban are too short only inside the horizon; reject those lines.
  for (let k = 0, start = 0; k <= days; k++) {
    if (k < days && (line[k] !== null) === (line[start] !== null)) continue;
    const length = k - start;
    const inner = start > 0 && k < days;
    if (inner && line[start] !== null && (length < contract.minRun || length > contract.maxRun)) return null;
    if (line[start] !== null && length > contract.maxRun) return null;
    if (inner && line[start] === null && length < contract.minOff) return null;
    start = k;
  }
  if (minutes < contract.minMinutes || minutes > contract.maxMinutes) return null;
  const weekendsWorked = new Set(line.map((x, k) => (x !== null ? weekendOf(k) : -1)).filter((w) => w >= 0));
  if (weekendsWorked.size > contract.maxWeekends) return null;
  return { line, minutes };
}

function staffId(k: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return k < 26 ? letters[k] : `${letters[Math.floor(k / 26) - 1]}${letters[k % 26]}`;
}

/** Blocks of consecutive requests for one shift type, as in the public files. */
function drawRequests(
  days: number,
  employee: string,
  line: (number | null)[],
  shifts: NrpShift[],
  allowed: number[],
  perFourWeeks: number,
  on: boolean,
  random: () => number,
): NrpRequest[] {
  const out: NrpRequest[] = [];
  const total = Math.round(((perFourWeeks * days) / 28) * (0.6 + random() * 0.8));
  while (out.length < total) {
    const length = 1 + Math.floor(random() * 5);
    const start = Math.floor(random() * days);
    const shift = shifts[allowed[Math.floor(random() * allowed.length)]].id;
    const weight = 1 + Math.floor(random() * 3);
    for (let d = start; d < Math.min(days, start + length) && out.length < total; d++) {
      if (out.some((r) => r.day === d)) continue;
      out.push({
        employee,
        day: d,
        shift: on ? shift : line[d] !== null && random() < 0.5 ? shifts[line[d]!].id : shift,
        weight,
      });
    }
  }
  return out;
}

export function generateNrp(shape: NrpShape): NrpInstance {
  return generateWithWitness(shape).instance;
}

/** The instance and the roster its rules were drawn around (shift IDs per staff member and day; it keeps every hard rule). */
export function generateWithWitness(shape: NrpShape): { instance: NrpInstance; witness: (string | null)[][] } {
  const random = seededRandom(shape.seed);
  const { days } = shape;
  const { shifts, family } = drawShifts(shape.shiftTypes, random);
  const contracts = drawContracts(days, random);
  const staff: NrpStaff[] = [];
  const daysOff = new Map<string, number[]>();
  const onRequests: NrpRequest[] = [];
  const offRequests: NrpRequest[] = [];
  const worked: (number | null)[][] = [];
  for (let k = 0; k < shape.staff; k++) {
    const id = staffId(k);
    const pick = random();
    const group = pick < contracts[0].share ? 0 : pick < contracts[0].share + contracts[1].share ? 1 : 2;
    const contract = { ...contracts[group].contract };
    // Each person works a random subset of types (about two thirds), at least one of 480 minutes.
    let allowed = shifts.map((_, t) => t).filter(() => random() < 0.65);
    const plain = shifts.map((_, t) => t).filter((t) => shifts[t].minutes === 480);
    if (!allowed.some((t) => shifts[t].minutes === 480)) allowed.push(plain[Math.floor(random() * plain.length)]);
    allowed = [...new Set(allowed)].sort((x, y) => x - y);
    let witness: Witness | null = null;
    for (let attempt = 0; attempt < 400 && !witness; attempt++)
      witness = drawWitness(days, shifts, allowed, contract, random);
    if (!witness) {
      // Rare: widen the minutes around a line that keeps the run rules (no minimum at all).
      witness = drawWitness(days, shifts, allowed, { ...contract, minMinutes: 0 }, random) ?? {
        line: new Array<number | null>(days).fill(null),
        minutes: 0,
      };
      contract.minMinutes = Math.min(contract.minMinutes, Math.floor(witness.minutes / 60) * 60);
    }
    const counts = shifts.map((_, t) => witness.line.filter((x) => x === t).length);
    // Nights and long shifts are often capped (a few per four weeks), the rest open to the horizon.
    const maxShifts = Object.fromEntries(
      shifts.map((s, t) => {
        if (!allowed.includes(t)) return [s.id, 0];
        const capped = (family[t] === 3 || s.minutes > 480) && random() < 0.7;
        const cap = capped ? Math.max(counts[t], Math.round(((2 + random() * 3) * days) / 28)) : days;
        return [s.id, cap];
      }),
    );
    staff.push({
      id,
      maxShifts,
      maxTotalMinutes: contract.maxMinutes,
      minTotalMinutes: contract.minMinutes,
      maxConsecutiveShifts: contract.maxRun,
      minConsecutiveShifts: contract.minRun,
      minConsecutiveDaysOff: contract.minOff,
      maxWeekends: contract.maxWeekends,
    });
    // A day off per fortnight, on days the witness has off.
    const free = witness.line.map((x, d) => (x === null ? d : -1)).filter((d) => d >= 0);
    const off: number[] = [];
    for (let n = 0; n < Math.floor(days / 14) && free.length > 0; n++)
      off.push(free.splice(Math.floor(random() * free.length), 1)[0]);
    daysOff.set(
      id,
      off.sort((x, y) => x - y),
    );
    onRequests.push(
      ...drawRequests(days, id, witness.line, shifts, allowed, 4.8, true, random).filter((r) => !off.includes(r.day)),
    );
    offRequests.push(...drawRequests(days, id, witness.line, shifts, allowed, 2.5, false, random));
    worked.push(witness.line);
  }
  const cover = drawCover(days, shifts, worked, shape.demandRatio ?? 0.95 + random() * 0.13, random);
  const witness = worked.map((line) => line.map((t) => (t === null ? null : shifts[t].id)));
  return { instance: { days, shifts, staff, daysOff, onRequests, offRequests, cover }, witness };
}

/** Cover per day and type: a weekday profile per type plus noise, scaled to the witnesses' total work. */
function drawCover(
  days: number,
  shifts: NrpShift[],
  worked: (number | null)[][],
  ratio: number,
  random: () => number,
): NrpCover[] {
  const perType = shifts.map(
    (_, t) => worked.reduce((sum, line) => sum + line.filter((x) => x === t).length, 0) / days,
  );
  const weekday = shifts.map(() =>
    Array.from({ length: 7 }, (_, w) => (w >= 5 ? 0.7 + random() * 0.3 : 0.85 + random() * 0.3)),
  );
  const raw: number[][] = Array.from({ length: days }, (_, d) =>
    shifts.map((_, t) => Math.max(0, perType[t] * weekday[t][d % 7] * (0.75 + random() * 0.5))),
  );
  const total = raw.flat().reduce((a, b) => a + b, 0);
  const wanted = worked.reduce((sum, line) => sum + line.filter((x) => x !== null).length, 0) * ratio;
  const scale = total > 0 ? wanted / total : 0;
  const cover: NrpCover[] = [];
  raw.forEach((row, d) =>
    row.forEach((value, t) =>
      cover.push({
        day: d,
        shift: shifts[t].id,
        requirement: Math.round(value * scale),
        underWeight: 100,
        overWeight: 1,
      }),
    ),
  );
  return cover;
}

/** The instance as text in the benchmark's own format (readable by `parseNrp`). */
export function formatNrp(instance: NrpInstance): string {
  const lines = [
    '# Generated by bench/nrp-generator.ts',
    'SECTION_HORIZON',
    '# All instances start on a Monday',
    String(instance.days),
    '',
  ];
  lines.push('SECTION_SHIFTS', '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated');
  for (const s of instance.shifts) lines.push(`${s.id},${s.minutes},${s.cannotFollow.join('|')}`);
  lines.push(
    '',
    'SECTION_STAFF',
    '# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends',
  );
  for (const s of instance.staff) {
    const caps = instance.shifts.map((x) => `${x.id}=${s.maxShifts[x.id] ?? 0}`).join('|');
    lines.push(
      [
        s.id,
        caps,
        s.maxTotalMinutes,
        s.minTotalMinutes,
        s.maxConsecutiveShifts,
        s.minConsecutiveShifts,
        s.minConsecutiveDaysOff,
        s.maxWeekends,
      ].join(','),
    );
  }
  lines.push('', 'SECTION_DAYS_OFF', '# EmployeeID, DayIndexes (start at zero)');
  for (const [id, off] of instance.daysOff) lines.push([id, ...off].join(','));
  lines.push('', 'SECTION_SHIFT_ON_REQUESTS', '# EmployeeID, Day, ShiftID, Weight');
  for (const r of instance.onRequests) lines.push(`${r.employee},${r.day},${r.shift},${r.weight}`);
  lines.push('', 'SECTION_SHIFT_OFF_REQUESTS', '# EmployeeID, Day, ShiftID, Weight');
  for (const r of instance.offRequests) lines.push(`${r.employee},${r.day},${r.shift},${r.weight}`);
  lines.push('', 'SECTION_COVER', '# Day, ShiftID, Requirement, Weight for under, Weight for over');
  for (const c of instance.cover) lines.push(`${c.day},${c.shift},${c.requirement},${c.underWeight},${c.overWeight}`);
  return `${lines.join('\n')}\n`;
}
