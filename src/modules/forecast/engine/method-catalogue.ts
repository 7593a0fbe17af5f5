import { ForecastMethod } from './forecast-method';
import { MethodName } from './forecast-types';
import { DEFAULT_PROFILE, PROFILE_CANDIDATES } from './intraday-profile';
import { decomposition } from './methods/decomposition';
import { doubleSeasonal } from './methods/double-seasonal';
import { ensemble } from './methods/ensemble';
import { seasonalNaive } from './methods/seasonal-naive';
import { weekdayMean } from './methods/weekday-mean';

const plainDecomposition = decomposition({
  profile: DEFAULT_PROFILE,
  monthDayEffect: false,
  profileCandidates: PROFILE_CANDIDATES,
});
const lastFourWeekdays = weekdayMean(4);

/** One instance per method, shared with the ensemble, so backtests computed once are reused. */
const METHODS: Record<MethodName, ForecastMethod> = {
  'seasonal-naive': seasonalNaive,
  'weekday-mean': lastFourWeekdays,
  decomposition: plainDecomposition,
  'decomposition-month-day': decomposition(
    { profile: DEFAULT_PROFILE, monthDayEffect: true, profileCandidates: PROFILE_CANDIDATES },
    'decomposition-month-day',
  ),
  'double-seasonal': doubleSeasonal,
  ensemble: ensemble([lastFourWeekdays, plainDecomposition, doubleSeasonal]),
};

export function forecastMethod(name: MethodName): ForecastMethod {
  return METHODS[name];
}
