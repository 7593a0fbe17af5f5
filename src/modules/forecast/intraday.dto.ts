import { z } from 'zod';
import { localDate } from 'src/platform/http/field-schemas';

export const IntradayQuery = z.strictObject({
  date: localDate
    .optional()
    .meta({ description: 'Local date in the shop’s zone; default today', example: '2026-11-30' }),
});
export type IntradayQuery = z.infer<typeof IntradayQuery>;

const queueId = '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d';
const versionId = '7b6a5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';

export const intradayExample = {
  queueId,
  date: '2026-11-30',
  forecastId: versionId,
  update: {
    asOf: '2026-11-30T04:00:00.000Z',
    updatedAt: '2026-11-30T04:00:07.120Z',
    updates: 9,
    observed: 1320,
    expected: 1175.5,
    weight: 0.62,
    level: 1.076,
    recent: 1.12,
    baseForecastId: versionId,
  },
  items: [
    {
      start: '2026-11-30T03:30:00.000Z',
      slotMinutes: 30,
      forecast: 118.2,
      adjusted: 118.2,
      updated: null,
      actual: 131,
    },
    {
      start: '2026-11-30T04:00:00.000Z',
      slotMinutes: 30,
      forecast: 121.4,
      adjusted: 121.4,
      updated: 134.9,
      actual: null,
    },
  ],
};
