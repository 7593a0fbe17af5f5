import { z } from 'zod';
import type { Message } from 'src/platform/errors/problem';
import { fillText, inLocale, text, type TemplateParams, type Text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { currentLocale } from 'src/platform/i18n/request-locale';
import { localized } from 'src/platform/i18n/zod-messages';

/** Chats an agent may hold at once (the queue's `chatConcurrency` bound), so also the longest table. */
export const MAX_CHAT_CONCURRENCY = 10;
/** A chat ten times slower than alone is a data error, not a measurement. */
export const MAX_SLOWDOWN = 10;

export const SlowdownTexts = defineTexts('ingest.chat-slowdown', {
  firstIsOne: text(
    'the factor at one chat must be 1 (the handle time alone)',
    '单个会话时的系数必须为 1（单独接待的处理时长）',
  ),
  notBelowPrevious: text(
    'must not be below the factor at {k} chats ({previous})',
    '不能小于 {k} 个并发会话时的系数（{previous}）',
  ),
  tooShort: text(
    'gives factors up to {length} chats at once, but the queue serves {concurrency}',
    '只给出了最多 {length} 个并发会话的系数，但该队列同时接待 {concurrency} 个',
  ),
  chatOnly: text('only chat queues carry a slowdown table', '只有聊天队列才有并发减速表'),
  notNumber: text('must be a number', '必须是数字'),
  belowOne: text(
    'must be at least 1 (more chats never make each faster)',
    '不能小于 1（同时接待更多会话不会让每个会话更快）',
  ),
  aboveMax: text(`must be at most ${MAX_SLOWDOWN}`, `不能大于 ${MAX_SLOWDOWN}`),
  empty: text('needs at least the factor at one chat (1)', '至少需要单个会话时的系数（1）'),
  tooLong: text(
    `gives at most ${MAX_CHAT_CONCURRENCY} factors (one per chat an agent may hold)`,
    `最多 ${MAX_CHAT_CONCURRENCY} 个系数（每个可同时接待的会话一个）`,
  ),
});

const say = (template: Text, params?: TemplateParams) => inLocale(fillText(template, params), currentLocale());

/** A message naming why the table does not reach the queue's concurrency (for service-level checks). */
export const tooShortMessage = (length: number, concurrency: number): Message => ({
  template: SlowdownTexts.tooShort,
  params: { length, concurrency },
});

/**
 * A measured slowdown table: entry k − 1 is the handle time of a chat at k open chats over the
 * handle time alone. It starts at 1, never falls (more chats never make each faster), stays within
 * [1, 10], and has at most one entry per chat an agent may hold.
 */
export const chatSlowdownTable = z
  .array(
    z
      .number(localized(SlowdownTexts.notNumber))
      .min(1, localized(SlowdownTexts.belowOne))
      .max(MAX_SLOWDOWN, localized(SlowdownTexts.aboveMax)),
  )
  .min(1, localized(SlowdownTexts.empty))
  .max(MAX_CHAT_CONCURRENCY, localized(SlowdownTexts.tooLong))
  .superRefine((table, ctx) => {
    if (table[0] !== 1) ctx.addIssue({ code: 'custom', message: say(SlowdownTexts.firstIsOne), path: [0] });
    for (let i = 1; i < table.length; i++) {
      if (table[i] < table[i - 1])
        ctx.addIssue({
          code: 'custom',
          message: say(SlowdownTexts.notBelowPrevious, { k: i, previous: table[i - 1] }),
          path: [i],
        });
    }
  })
  .meta({
    description: 'Handle time at k chats ÷ alone, for k = 1, 2, …: starts at 1, never falls, each ≤ 10',
    example: [1, 1.12, 1.3, 1.55],
  });

/** Adds the issue when a table does not reach the concurrency it is used at. */
export function checkTableCovers(
  table: readonly number[] | undefined | null,
  concurrency: number,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  if (table && table.length < concurrency)
    ctx.addIssue({ code: 'custom', message: say(SlowdownTexts.tooShort, { length: table.length, concurrency }), path });
}
