import { dayAheadForecasts, ForecastMethod, nanRow, TargetDay } from 'src/modules/forecast/engine/forecast-method';
import { DayMatrix } from 'src/modules/forecast/engine/slot-grid';

function meanOf(rows: Float64Array[]): Float64Array {
  const out = nanRow(rows[0]?.length ?? 0);
  for (let s = 0; s < out.length; s++) {
    let sum = 0;
    let n = 0;
    for (const r of rows) {
      if (Number.isNaN(r[s])) continue;
      sum += r[s];
      n++;
    }
    if (n > 0) out[s] = sum / n;
  }
  return out;
}

/** Equal-weight mean of member methods: combinations are rarely the best and rarely bad. */
export function ensemble(members: ForecastMethod[]): ForecastMethod {
  return {
    name: 'ensemble',
    forecast(history: DayMatrix, targets: TargetDay[]): Float64Array[] {
      const each = members.map((m) => m.forecast(history, targets));
      return targets.map((_, k) => meanOf(each.map((rows) => rows[k])));
    },
    dayAhead(history: DayMatrix, origins: TargetDay[]): Float64Array[] {
      const each = members.map((m) => dayAheadForecasts(m, history, origins));
      return origins.map((_, k) => meanOf(each.map((rows) => rows[k])));
    },
  };
}
