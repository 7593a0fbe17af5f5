import { DayTotal, fitDailyLevel, monthDayOf, Smoothing } from 'src/modules/forecast/engine/daily-level';
import { ForecastMethod, nanRow, TargetDay } from 'src/modules/forecast/engine/forecast-method';
import { MethodName } from 'src/modules/forecast/engine/forecast-types';
import {
  chooseProfile,
  DEFAULT_PROFILE,
  impliedDayTotal,
  ProfileOptions,
  weekdayProfiles,
} from 'src/modules/forecast/engine/intraday-profile';
import { DayMatrix, historyBefore } from 'src/modules/forecast/engine/slot-grid';
import {
  followsClosure,
  targetFollowsClosure,
  usualWorkingWeekdays,
  weekStartWeekdays,
} from 'src/modules/forecast/engine/usual-week';

/** A month-day effect is only learnt from at least four months of history; before that it is noise. */
const MIN_MONTH_DAY_HISTORY_DAYS = 120;

export interface DecompositionOptions {
  profile: ProfileOptions;
  monthDayEffect: boolean;
  /** When given, the profile's memory is picked among these on the series' own recent days. */
  profileCandidates?: ProfileOptions[];
}

/** The options with the profile picked on `history` when candidates are given. */
function resolved(history: DayMatrix, options: DecompositionOptions): DecompositionOptions {
  return options.profileCandidates
    ? { ...options, profile: chooseProfile(history, options.profileCandidates), profileCandidates: undefined }
    : options;
}

function prepare(history: DayMatrix, options: DecompositionOptions) {
  const profiles = weekdayProfiles(history, options.profile);
  const working = usualWorkingWeekdays(history);
  const totals: DayTotal[] = [];
  for (const d of history.days) {
    const total = impliedDayTotal(d.values, profiles[d.weekday]);
    if (!Number.isFinite(total)) continue;
    totals.push({
      weekday: d.weekday,
      monthDay: monthDayOf(d.date),
      total,
      afterClosure: followsClosure(history, d.date, working),
    });
  }
  const daily = {
    monthDayEffect: options.monthDayEffect && history.days.length >= MIN_MONTH_DAY_HISTORY_DAYS,
    weekStarts: weekStartWeekdays(working),
  };
  return { profiles, working, totals, daily };
}

function forecastWith(
  history: DayMatrix,
  targets: TargetDay[],
  options: DecompositionOptions,
  smoothing?: Smoothing,
): Float64Array[] {
  const { profiles, working, totals, daily } = prepare(history, options);
  const model = fitDailyLevel(totals, daily, smoothing);
  return targets.map((t) => {
    const profile = profiles[t.weekday];
    const out = nanRow(history.slotsPerDay);
    const effect = model?.weekdayEffect[t.weekday] ?? NaN;
    if (!profile || !model || !Number.isFinite(effect)) return out;
    const reopen = targetFollowsClosure(history, t, working) ? model.reopenFactor(t.weekday) : 1;
    const total = model.level * effect * reopen * model.monthDayFactor(monthDayOf(t.date));
    for (let s = 0; s < out.length; s++) if (profile[s] > 0) out[s] = total * profile[s];
    return out;
  });
}

/**
 * Multiplicative decomposition: forecast = daily total × intraday profile of the weekday. Daily
 * totals come from exponential smoothing with weekday (and learnt calendar) effects; the profile
 * from weighted recent weeks shrunk towards the all-weekday profile.
 */
export function decomposition(
  options: DecompositionOptions = { profile: DEFAULT_PROFILE, monthDayEffect: false },
  name: MethodName = 'decomposition',
): ForecastMethod {
  return {
    name,
    forecast: (history, targets) => forecastWith(history, targets, resolved(history, options)),
    dayAhead(history: DayMatrix, origins: TargetDay[]): Float64Array[] {
      if (origins.length === 0) return [];
      // Profile memory and smoothing are chosen once, on the days before the first origin, then kept for every origin.
      const before = historyBefore(history, origins[0].date);
      const fixed = resolved(before, options);
      const prepared = prepare(before, fixed);
      const fitted = fitDailyLevel(prepared.totals, { ...prepared.daily, monthDayEffect: false });
      const smoothing = fitted ? { alpha: fitted.alpha, gamma: fitted.gamma } : undefined;
      return origins.map((o) => forecastWith(historyBefore(history, o.date), [o], fixed, smoothing)[0]);
    },
  };
}
