/** Reads a volume series from a CSV file (any column names) for the forecast benchmarks. */
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { VolumeObservation } from 'src/modules/forecast/engine/forecast-types';

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Time stamps with an offset (or Z) are instants; without one they are local clock in `zone`. */
export function readObservations(
  path: string,
  timeColumn: string,
  valueColumn: string,
  zone: string,
): VolumeObservation[] {
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0]).map((h) => h.trim());
  const ti = header.indexOf(timeColumn);
  const vi = header.indexOf(valueColumn);
  if (ti < 0 || vi < 0) throw new Error(`columns ${timeColumn}/${valueColumn} not in header ${header.join(',')}`);
  const out: VolumeObservation[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line);
    const text = cells[ti]?.trim() ?? '';
    let t = DateTime.fromISO(text, { zone });
    if (!t.isValid) t = DateTime.fromSQL(text, { zone });
    const volume = Number(cells[vi]);
    if (!t.isValid || cells[vi]?.trim() === '' || !Number.isFinite(volume)) continue;
    out.push({ start: t.toUTC().toISO() as string, volume });
  }
  return out;
}
