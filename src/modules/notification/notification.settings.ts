import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'roster-published',
  'shift-changed',
  'request-waiting',
  'request-decided',
  'shift-not-returned',
  'swap-offered',
  'coaching-task',
  'makeup-task',
] as const;

/** The notification module's part of a shop's settings: a chat robot per event kind. */
export const NotificationSettings = z.object({
  notificationWebhooks: z
    .array(
      z.strictObject({
        kind: z.enum(NOTIFICATION_KINDS),
        url: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .meta({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…' }),
        style: z
          .enum(['dingtalk', 'wecom'])
          .default('dingtalk')
          .meta({ description: 'Both robots take `{ msgtype: "text", text: { content } }`' }),
      }),
    )
    .max(50)
    .optional()
    .meta({
      description:
        'Events of these kinds are also posted to the shop’s group robot (DingTalk / WeCom), by a job that retries with backoff',
    }),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;
