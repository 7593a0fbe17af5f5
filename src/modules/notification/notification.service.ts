import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { Text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { JobContext } from 'src/platform/jobs/job-definition';
import { JobHandler } from 'src/platform/jobs/job-handler.decorator';
import { JobQueue } from 'src/platform/jobs/job-queue';
import { ShopService } from 'src/modules/org/shop.service';
import { NotificationWebhookPayload, notificationWebhookJob } from './notification.jobs';
import { NotificationRepository } from './notification.repository';
import type { NOTIFICATION_KINDS } from './notification.settings';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type Notice = { kind: NotificationKind; message: Text; subject?: string; subjectId?: string };

/** Group robots answer within seconds or not at all. */
const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * The in-app feed and the shop's group robots. Modules `tell` inside their own transaction (the
 * feed line commits with what it reports) and `deliver` after it: the robots are posted by a job,
 * so a slow or broken robot never holds up the request.
 */
@Injectable()
export class Notices {
  private readonly logger = new Logger(Notices.name);

  constructor(
    private readonly notes: NotificationRepository,
    private readonly shops: ShopService,
    private readonly queue: JobQueue,
  ) {}

  async tellUsers(shopId: string, userIds: string[], notice: Notice): Promise<void> {
    const shop = await this.shops.context(shopId);
    const hooked = (shop.settings.notificationWebhooks ?? []).some((w) => w.kind === notice.kind);
    const unique = [...new Set(userIds)];
    await this.notes.insert(
      unique.map((userId, i) => ({
        shopId,
        userId,
        kind: notice.kind,
        message: { ...notice.message },
        subject: notice.subject ?? null,
        subjectId: notice.subjectId ?? null,
        // The robot posts to a group: once per event, not once per person told.
        webhook: hooked && i === 0 ? 'pending' : 'none',
      })),
    );
  }

  async tellAgents(shopId: string, agentIds: string[], notice: Notice): Promise<void> {
    await this.tellUsers(shopId, await this.notes.usersOfAgents(shopId, agentIds), notice);
  }

  async tellSupervisorsOf(shopId: string, agentIds: string[], notice: Notice): Promise<void> {
    await this.tellUsers(shopId, await this.notes.supervisorsOf(shopId, agentIds), notice);
  }

  async tellManagers(shopId: string, notice: Notice): Promise<void> {
    await this.tellUsers(shopId, await this.notes.managersOf(shopId), notice);
  }

  /** After the caller's commit: queue the robot posts (one waiting run per shop). A queue that refuses is logged, never the caller's failure. */
  async deliver(shopId: string): Promise<void> {
    const shop = await this.shops.context(shopId);
    if (!(shop.settings.notificationWebhooks ?? []).length) return;
    try {
      await this.queue.enqueue(notificationWebhookJob, { shopId }, { coalesceKey: `notification.webhook:${shopId}` });
    } catch (e) {
      this.logger.error(
        { shopId, err: e },
        'notification webhook job could not be queued; the next event queues it again',
      );
    }
  }

  async feed(actor: Actor, query: { unread?: boolean; limit: number; offset: number }) {
    const { rows, total, unread } = await this.notes.feed(
      actor.userId,
      query.unread ?? false,
      query.limit,
      query.offset,
    );
    return {
      unread,
      total,
      limit: query.limit,
      offset: query.offset,
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        text: say(n.message),
        subject: n.subject,
        subjectId: n.subjectId,
        read: n.readAt !== null,
        createdAt: n.createdAt,
      })),
    };
  }

  async markRead(actor: Actor, ids?: string[]) {
    await this.notes.markRead(actor.userId, ids);
    return { unread: (await this.notes.feed(actor.userId, true, 0, 0)).unread };
  }

  /** Posts each pending notification to the robots of its kind; a failure throws, and the job retries with backoff. */
  @JobHandler(notificationWebhookJob)
  async postWebhooks(payload: NotificationWebhookPayload, _context: JobContext): Promise<Record<string, unknown>> {
    const shop = await this.shops.context(payload.shopId);
    const hooks = shop.settings.notificationWebhooks ?? [];
    const pending = await this.notes.pendingWebhooks(payload.shopId);
    for (const n of pending) {
      for (const hook of hooks.filter((h) => h.kind === n.kind)) {
        const content = shop.language === 'en' ? n.message.en : n.message.zh;
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ msgtype: 'text', text: { content } }),
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`robot ${new URL(hook.url).host} answered ${res.status}`);
      }
      // Marked one by one: a retry starts after what already went out (at least once, in order).
      await this.notes.markSent([n.id]);
    }
    return { sent: pending.length };
  }
}
