import { ForecastMethod, nanRow, rowIndex, TargetDay } from 'src/modules/forecast/engine/forecast-method';
import { DayMatrix } from 'src/modules/forecast/engine/slot-grid';

/** Same slot, same weekday, last week; if that slot is missing, the week before, and so on. */
export const seasonalNaive: ForecastMethod = {
  name: 'seasonal-naive',
  forecast(history: DayMatrix, targets: TargetDay[]): Float64Array[] {
    return targets.map((t) => {
      const out = nanRow(history.slotsPerDay);
      const last = history.days.length - 1;
      let i = rowIndex(history, t.date) - 7;
      while (i > last) i -= 7;
      for (let s = 0; s < history.slotsPerDay; s++) {
        for (let j = i; j >= 0; j -= 7) {
          const v = history.days[j].values[s];
          if (!Number.isNaN(v)) {
            out[s] = v;
            break;
          }
        }
      }
      return out;
    });
  },
};
