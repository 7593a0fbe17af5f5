/** Forecast vs actual per slot: the prediction band, the model line, the adjusted line, the actual. */
import { empty, h, svg } from '../elements.js';
import { localDate, localTime, num } from '../format.js';
import { t } from '../i18n.js';

const W = 1100;
const H = 260;
const PAD = { left: 42, right: 10, top: 12, bottom: 28 };

function linePath(points, x, y, pick) {
  let d = '';
  let open = false;
  points.forEach((p, i) => {
    const v = pick(p);
    if (v === null || v === undefined) {
      open = false;
      return;
    }
    d += `${open ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    open = true;
  });
  return d;
}

export function forecastChart(items, zone) {
  if (!items.length) return empty(t('forecast.noSlots'));
  const values = items
    .flatMap((p) => [p.upper, p.adjusted, p.actual, p.forecast])
    .filter((v) => v !== null && v !== undefined);
  const max = Math.max(1, ...values) * 1.05;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (i + 0.5) * (plotW / items.length);
  const y = (v) => PAD.top + plotH - (v / max) * plotH;
  const chart = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'forecast-chart',
    role: 'img',
    'aria-label': t('forecast.chart'),
  });
  const tick = Math.max(1, Math.ceil(max / 5 / 5) * 5);
  for (let v = 0; v <= max; v += tick)
    chart.append(
      svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v), class: 'grid-line' }),
      svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end' }, v),
    );
  // The band: upper edge forward, lower edge back, per run of slots that have one.
  let run = [];
  const flush = () => {
    if (run.length > 1)
      chart.append(
        svg('path', {
          class: 'band',
          d: `M${run.map((i) => `${x(i)},${y(items[i].upper)}`).join(' L')} L${run
            .reverse()
            .map((i) => `${x(i)},${y(items[i].lower)}`)
            .join(' L')} Z`,
        }),
      );
    run = [];
  };
  items.forEach((p, i) => (p.lower !== null && p.upper !== null ? run.push(i) : flush()));
  flush();
  chart.append(
    svg('path', { class: 'line-forecast', d: linePath(items, x, y, (p) => p.forecast) }),
    svg('path', {
      class: 'line-adjusted',
      d: linePath(items, x, y, (p) => (p.adjusted !== p.forecast ? p.adjusted : null)),
    }),
    svg('path', { class: 'line-actual', d: linePath(items, x, y, (p) => p.actual) }),
  );
  const labelEvery = Math.max(1, Math.round(items.length / 12));
  let previousDay = null;
  items.forEach((p, i) => {
    const day = localDate(new Date(p.start).getTime(), zone);
    if (day !== previousDay && i > 0)
      chart.append(
        svg('line', {
          x1: x(i) - plotW / items.length / 2,
          x2: x(i) - plotW / items.length / 2,
          y1: PAD.top,
          y2: H - PAD.bottom,
          class: 'day-line',
        }),
      );
    previousDay = day;
    if (i % labelEvery === 0)
      chart.append(
        svg(
          'text',
          { x: x(i), y: H - 10, class: 'axis', 'text-anchor': 'middle' },
          items.length > 60 ? `${day.slice(5)} ${localTime(p.start, zone)}` : localTime(p.start, zone),
        ),
      );
  });
  const hover = items.map((p, i) =>
    svg(
      'rect',
      {
        x: x(i) - plotW / items.length / 2,
        y: PAD.top,
        width: plotW / items.length,
        height: plotH,
        fill: 'transparent',
      },
      svg(
        'title',
        null,
        `${localTime(p.start, zone)} · ${t('forecast.forecast')} ${num(p.forecast)} · ${t('forecast.adjusted')} ${num(p.adjusted)} · ${t('forecast.band')} ${num(p.lower)}–${num(p.upper)} · ${t('forecast.actual')} ${num(p.actual, 0)}`,
      ),
    ),
  );
  chart.append(...hover);
  const legend = h(
    'div',
    { class: 'chart-summary' },
    h('span', { class: 'legend legend-band' }, t('forecast.band')),
    h('span', { class: 'legend legend-forecast' }, t('forecast.forecast')),
    h('span', { class: 'legend legend-adjusted' }, t('forecast.adjusted')),
    h('span', { class: 'legend legend-actual' }, t('forecast.actual')),
  );
  return h('div', null, legend, h('div', { class: 'chart-wrap' }, chart));
}
