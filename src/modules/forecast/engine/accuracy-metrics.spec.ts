import { accuracyOf, backtestReport, wapeOf } from './accuracy-metrics';
import { BacktestPoint } from './forecast-types';

describe('backtest metrics on hand-computed cases', () => {
  it('computes MAE, RMSE, WAPE and bias', () => {
    // errors: +2, −4, 0, +2 → |e| 8, e² 24, Σe 0, Σ actual 40
    const m = accuracyOf([
      { forecast: 12, actual: 10 },
      { forecast: 6, actual: 10 },
      { forecast: 10, actual: 10 },
      { forecast: 12, actual: 10 },
    ]);
    expect(m).toEqual({ count: 4, mae: 2, rmse: Math.sqrt(6), wape: 0.2, bias: 0 });
  });

  it('reports WAPE as no data when nothing arrived', () => {
    expect(accuracyOf([{ forecast: 1, actual: 0 }]).wape).toBeNull();
    expect(wapeOf([1], [0])).toBeNull();
  });

  it('counts a missing forecast as zero and skips missing actuals', () => {
    expect(wapeOf([NaN, 5, 99], [4, 5, NaN])).toBeCloseTo(4 / 9, 12);
  });

  it('breaks the backtest down by weekday and by local hour', () => {
    const point = (weekday: number, slot: number, forecast: number, actual: number): BacktestPoint => ({
      localDate: '2026-01-05',
      weekday,
      slot,
      forecast,
      actual,
    });
    // 30-minute slots: 18, 19 → 09:00 hour; 20 → 10:00 hour
    const report = backtestReport('weekday-mean', [point(1, 18, 10, 8), point(1, 19, 10, 12), point(2, 20, 5, 10)], 30);
    expect(report.byWeekday[1]).toEqual({ count: 2, mae: 2, rmse: 2, wape: 0.2, bias: 0 });
    expect(report.byWeekday[2]).toEqual({ count: 1, mae: 5, rmse: 5, wape: 0.5, bias: -5 });
    expect(report.byHour[9]).toEqual(report.byWeekday[1]);
    expect(report.byHour[10]).toEqual(report.byWeekday[2]);
    expect(report.overall.mae).toBe(3);
    expect(report.overall.wape).toBeCloseTo(9 / 30, 12);
    expect(report.overall.bias).toBeCloseTo(-5 / 3, 12);
    expect(report.overall.rmse).toBeCloseTo(Math.sqrt(33 / 3), 12);
  });
});
