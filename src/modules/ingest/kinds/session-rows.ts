import { z } from 'zod';
import { flag, decimal, instant, integer, text } from './cell-values';
import { ImportKind, unknownCode } from './import-kind';
import { timeOrderedId } from 'src/modules/ingest/time-ordered-id';
import { CellTexts, CodeKinds, cellError } from './cell-texts';

export const sessionRowSchema = (ctx: Parameters<ImportKind<unknown>['rowSchema']>[0]) =>
  z
    .strictObject({
      externalId: text(100),
      queue: text(40),
      agent: text(40),
      customerKey: text(200),
      startedAt: instant(ctx),
      endedAt: instant(ctx),
      firstResponseSeconds: decimal(0, 86_400).optional(),
      meanResponseSeconds: decimal(0, 86_400).optional(),
      customerMessages: integer(0, 100_000),
      agentMessages: integer(0, 100_000),
      preSale: flag,
      resolved: flag,
      rating: integer(1, 5).optional(),
      transcript: text(20_000).optional(),
    })
    .refine((r) => r.endedAt >= r.startedAt, {
      ...cellError(CellTexts.notBefore, { other: 'startedAt' }),
      path: ['endedAt'],
    });
export type SessionRow = z.infer<ReturnType<typeof sessionRowSchema>>;

export const sessionKind: ImportKind<SessionRow> = {
  kind: 'sessions',
  columns: [
    { key: 'externalId', zh: '会话编号', en: 'Session id', example: 'S-20261122-0001', required: true },
    { key: 'queue', zh: '队列', en: 'Queue code', example: 'presales_chat', required: true },
    { key: 'agent', zh: '客服工号', en: 'Agent employee no.', example: 'CS0002', required: true },
    { key: 'customerKey', zh: '顾客', en: 'Customer', example: 'tb_buyer_8842', required: true },
    { key: 'startedAt', zh: '开始时间', en: 'Started', example: '2026-11-22 10:15:00', required: true },
    { key: 'endedAt', zh: '结束时间', en: 'Ended', example: '2026-11-22 10:24:30', required: true },
    { key: 'firstResponseSeconds', zh: '首次响应(秒)', en: 'First response (s)', example: 12, required: false },
    { key: 'meanResponseSeconds', zh: '平均响应(秒)', en: 'Mean response (s)', example: 25.5, required: false },
    { key: 'customerMessages', zh: '顾客消息数', en: 'Customer messages', example: 9, required: true },
    { key: 'agentMessages', zh: '客服消息数', en: 'Agent messages', example: 11, required: true },
    { key: 'preSale', zh: '售前', en: 'Pre-sale', example: '是', required: true },
    { key: 'resolved', zh: '已解决', en: 'Resolved', example: '是', required: true },
    { key: 'rating', zh: '评价(1-5)', en: 'Rating (1-5)', example: 5, required: false },
    {
      key: 'transcript',
      zh: '聊天记录',
      en: 'Transcript',
      example: '顾客: 这款有M码吗?\n客服: 有的亲, 现在下单今天发货',
      required: false,
    },
  ],
  rowSchema: sessionRowSchema,
  key: (r) => r.externalId,
  attributionTime: (r) => r.startedAt,
  stage: (r, l) => {
    const queueId = l.queueIdByCode.get(r.queue);
    if (!queueId) return unknownCode('queue', r.queue, CodeKinds.queueCode);
    const agentId = l.agentIdByEmployeeNo.get(r.agent);
    if (!agentId) return unknownCode('agent', r.agent, CodeKinds.agentEmployeeNo);
    return {
      values: [
        timeOrderedId(),
        r.externalId,
        queueId,
        agentId,
        l.customerHash(r.customerKey),
        r.startedAt,
        r.endedAt,
        r.firstResponseSeconds ?? null,
        r.meanResponseSeconds ?? null,
        r.customerMessages,
        r.agentMessages,
        r.preSale,
        r.resolved,
        r.rating ?? null,
        r.transcript ?? null,
      ],
    };
  },
};
