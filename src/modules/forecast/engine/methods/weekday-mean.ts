import { ForecastMethod, nanRow, rowIndex, TargetDay } from 'src/modules/forecast/engine/forecast-method';
import { DayMatrix } from 'src/modules/forecast/engine/slot-grid';

/** Mean of the last `weeks` observed values of the same weekday and slot (missing ones are skipped, not zeros). */
export function weekdayMean(weeks = 4): ForecastMethod {
  return {
    name: 'weekday-mean',
    forecast(history: DayMatrix, targets: TargetDay[]): Float64Array[] {
      return targets.map((t) => {
        const out = nanRow(history.slotsPerDay);
        const last = history.days.length - 1;
        let start = rowIndex(history, t.date) - 7;
        while (start > last) start -= 7;
        for (let s = 0; s < history.slotsPerDay; s++) {
          let sum = 0;
          let n = 0;
          for (let j = start; j >= 0 && n < weeks; j -= 7) {
            const v = history.days[j].values[s];
            if (Number.isNaN(v)) continue;
            sum += v;
            n++;
          }
          if (n > 0) out[s] = sum / n;
        }
        return out;
      });
    },
  };
}
