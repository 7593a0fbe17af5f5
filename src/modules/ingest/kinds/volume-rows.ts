import { DateTime } from 'luxon';
import { z } from 'zod';
import { decimal, instant, integer, text } from './cell-values';
import { ImportKind, unknownCode } from './import-kind';
import { CellTexts, CodeKinds, cellError } from './cell-texts';

export const SLOT_LENGTHS = [5, 10, 15, 30, 60];

export const volumeRowSchema = (ctx: Parameters<ImportKind<unknown>['rowSchema']>[0]) =>
  z
    .strictObject({
      queue: text(40),
      slotStart: instant(ctx),
      slotMinutes: integer(5, 60).refine(
        (m) => SLOT_LENGTHS.includes(m),
        cellError(CellTexts.oneOf, { values: SLOT_LENGTHS.join(', ') }),
      ),
      offered: integer(0, 1_000_000),
      handled: integer(0, 1_000_000),
      abandoned: integer(0, 1_000_000),
      meanHandleSeconds: decimal(0, 86_400).optional(),
    })
    .refine((r) => r.handled + r.abandoned <= r.offered, {
      ...cellError(CellTexts.handledOverOffered),
      path: ['handled'],
    })
    // Slots sit on the shop's local grid (09:00, 09:30 …), whatever the UTC offset of the day.
    .refine(
      (r) =>
        DateTime.fromJSDate(r.slotStart, { zone: ctx.timeZone }).minute % Math.min(r.slotMinutes, 60) === 0 &&
        r.slotStart.getUTCSeconds() === 0,
      {
        ...cellError(CellTexts.offGrid),
        path: ['slotStart'],
      },
    );
export type VolumeRow = z.infer<ReturnType<typeof volumeRowSchema>>;

export const volumeKind: ImportKind<VolumeRow> = {
  kind: 'volume',
  columns: [
    { key: 'queue', zh: '队列', en: 'Queue code', example: 'presales_chat', required: true },
    { key: 'slotStart', zh: '时段开始', en: 'Slot start', example: '2026-11-22 10:00', required: true },
    { key: 'slotMinutes', zh: '时段长度(分钟)', en: 'Slot minutes', example: 30, required: true },
    { key: 'offered', zh: '进线量', en: 'Offered', example: 120, required: true },
    { key: 'handled', zh: '接待量', en: 'Handled', example: 114, required: true },
    { key: 'abandoned', zh: '放弃量', en: 'Abandoned', example: 6, required: true },
    { key: 'meanHandleSeconds', zh: '平均处理时长(秒)', en: 'Mean handle (s)', example: 410, required: false },
  ],
  rowSchema: volumeRowSchema,
  key: (r) => `${r.queue}@${r.slotStart.toISOString()}`,
  stage: (r, l) => {
    const queueId = l.queueIdByCode.get(r.queue);
    if (!queueId) return unknownCode('queue', r.queue, CodeKinds.queueCode);
    return {
      values: [queueId, r.slotStart, r.slotMinutes, r.offered, r.handled, r.abandoned, r.meanHandleSeconds ?? null],
    };
  },
};
