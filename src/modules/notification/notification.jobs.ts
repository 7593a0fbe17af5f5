import { defineJob } from 'src/platform/jobs/job-definition';

export type NotificationWebhookPayload = { shopId: string };

export const notificationWebhookJob = defineJob<NotificationWebhookPayload>({
  name: 'notification.webhook',
  description: 'Posts the shop’s pending notifications to its DingTalk / WeCom group robots',
  // A robot that is down is tried again later; what was sent is marked, so a retry never repeats it.
  attempts: 5,
  backoffMs: 2_000,
});
