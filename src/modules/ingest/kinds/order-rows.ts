import { z } from 'zod';
import { cents, flag, instant, optionalInstant, text } from './cell-values';
import { ImportKind } from './import-kind';
import { timeOrderedId } from 'src/modules/ingest/time-ordered-id';
import { CellTexts, cellError } from './cell-texts';

export const orderRowSchema = (ctx: Parameters<ImportKind<unknown>['rowSchema']>[0]) =>
  z
    .strictObject({
      externalOrderId: text(100),
      customerKey: text(200),
      createdAt: instant(ctx),
      paidAt: optionalInstant(ctx),
      refundedAt: optionalInstant(ctx),
      amount: cents,
      refundedAmount: cents.optional(),
      outOfStock: flag.optional(),
    })
    .refine((r) => !r.paidAt || r.paidAt >= r.createdAt, {
      ...cellError(CellTexts.notBefore, { other: 'createdAt' }),
      path: ['paidAt'],
    })
    .refine((r) => (r.refundedAmount ?? 0) <= r.amount, {
      ...cellError(CellTexts.notAbove, { other: 'amount' }),
      path: ['refundedAmount'],
    })
    .refine((r) => !r.refundedAt || r.refundedAt >= r.createdAt, {
      ...cellError(CellTexts.notBefore, { other: 'createdAt' }),
      path: ['refundedAt'],
    })
    .refine((r) => !(r.refundedAmount && !r.refundedAt), {
      ...cellError(CellTexts.requiredWhen, { other: 'refundedAmount' }),
      path: ['refundedAt'],
    });
export type OrderRow = z.infer<ReturnType<typeof orderRowSchema>>;

export const orderKind: ImportKind<OrderRow> = {
  kind: 'orders',
  columns: [
    { key: 'externalOrderId', zh: '订单编号', en: 'Order id', example: 'TB2026112200017', required: true },
    { key: 'customerKey', zh: '顾客', en: 'Customer', example: 'tb_buyer_8842', required: true },
    { key: 'createdAt', zh: '下单时间', en: 'Created', example: '2026-11-22 10:31:00', required: true },
    { key: 'paidAt', zh: '付款时间', en: 'Paid', example: '2026-11-22 10:33:12', required: false },
    { key: 'refundedAt', zh: '退款时间', en: 'Refunded', example: '', required: false },
    { key: 'amount', zh: '订单金额', en: 'Amount', example: '299.00', required: true },
    { key: 'refundedAmount', zh: '退款金额', en: 'Refunded amount', example: '0', required: false },
    { key: 'outOfStock', zh: '缺货', en: 'Out of stock', example: '否', required: false },
  ],
  rowSchema: orderRowSchema,
  key: (r) => r.externalOrderId,
  attributionTime: (r) => r.createdAt,
  stage: (r, l) => ({
    values: [
      timeOrderedId(),
      r.externalOrderId,
      l.customerHash(r.customerKey),
      r.createdAt,
      r.paidAt ?? null,
      r.refundedAt ?? null,
      r.amount,
      r.refundedAmount ?? 0,
      r.outOfStock ?? false,
    ],
  }),
};
