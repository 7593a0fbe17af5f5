import { z } from 'zod';
import { integer, text } from './cell-values';
import { ImportKind } from './import-kind';

/** Ratings often arrive later than the session: they update the session's rating in place. */
export const ratingRowSchema = () => z.strictObject({ sessionId: text(100), rating: integer(1, 5) });
export type RatingRow = z.infer<ReturnType<typeof ratingRowSchema>>;

export const ratingKind: ImportKind<RatingRow> = {
  kind: 'ratings',
  columns: [
    { key: 'sessionId', zh: '会话编号', en: 'Session id', example: 'S-20261122-0001', required: true },
    { key: 'rating', zh: '评价(1-5)', en: 'Rating (1-5)', example: 4, required: true },
  ],
  rowSchema: ratingRowSchema,
  key: (r) => r.sessionId,
  stage: (r) => ({ values: [r.sessionId, r.rating] }),
};
