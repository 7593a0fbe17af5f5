import type {
  GeneratedHistory,
  GeneratedOrderRow,
  GeneratedSessionRow,
  GeneratedVolumeRow,
} from 'src/modules/ingest/generated-history.service';
import { seededRandom } from 'src/platform/random/seeded-random';
import { addDays, daysBetween, isoWeekday } from 'src/platform/time/calendar-date';
import { localDayStart } from 'src/platform/time/shop-calendar';
import { localSlotsOfDay } from 'src/platform/time/slot-grid';
import type { DemoAgent, DemoQueue } from './demo-organisation';
import { demoShifts, onShift } from './demo-shifts';

export type DemoHistoryInput = {
  timeZone: string;
  slotMinutes: 15 | 30;
  firstDate: string;
  days: number;
  /** Volume ×4 on pre-sales that day, and an after-sales wave on the next three. */
  promotionDate: string;
  queues: DemoQueue[];
  agents: DemoAgent[];
  seed: number;
  /** Scales every volume (tests use small values for speed). */
  scale?: number;
};
export type DemoHistory = GeneratedHistory;

/** Contacts on an ordinary day, by queue (others by channel). */
const DAILY: Record<string, number> = {
  presales_chat: 760,
  aftersales_chat: 320,
  hotline: 110,
  reviews: 100,
  crossborder_chat: 80,
};
/** Monday … Sunday: online shops are busier at the weekend. */
const WEEKDAY = [1.0, 0.96, 0.95, 0.97, 1.02, 1.12, 1.15];
/** Share of a day's chats per local hour: low at night, late-morning and evening peaks. */
const CHAT_HOURS = [
  2, 1, 0.5, 0.3, 0.3, 0.4, 0.8, 1.5, 3, 5, 6.5, 6.8, 5, 4.5, 5, 5, 4.6, 4.2, 4.3, 5, 6.6, 7.2, 6.9, 4.5,
];
const DAY_HOURS = [0, 0, 0, 0, 0, 0, 0, 0.5, 3, 6, 7, 7, 5, 6, 6.5, 6, 5.5, 5, 3, 1.5, 1, 0.5, 0, 0];
const TRANSCRIPTS: Record<string, string[]> = {
  pre: [
    '顾客: 这款有M码吗?\n客服: 有的亲, 现在下单今天发货',
    '顾客: 双十一有优惠吗?\n客服: 亲, 现在领券满300减40哦',
    '顾客: 这个颜色会掉色吗?\n客服: 亲放心, 面料经过固色处理',
  ],
  after: [
    '顾客: 快递三天了还没到\n客服: 亲, 帮您查询了物流, 明天送达',
    '顾客: 尺码不合适想换货\n客服: 好的亲, 已为您申请换货',
    '顾客: 收到的商品有破损\n客服: 非常抱歉, 马上为您补发',
  ],
  en: [
    'Customer: Do you ship to Germany?\nAgent: Yes, delivery takes 7-10 days.',
    'Customer: Where is my parcel?\nAgent: It cleared customs today.',
  ],
};

function poisson(mean: number, random: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = random();
  while (u > s && k < 200) {
    p *= mean / ++k;
    s += p;
  }
  return k;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Volume multiplier of a queue on a day: weekday pattern, the promotion and its after-sales wave. */
function dayFactor(queue: DemoQueue, isoWeekday: number, daysAfterPromotion: number): number {
  const promo =
    queue.requiredSkill === 'pre_sales' || queue.code === 'crossborder_chat'
      ? [4]
      : queue.requiredSkill === 'after_sales'
        ? [1.6, 2.6, 1.9, 1.4]
        : [1.5, 1.3];
  return (
    WEEKDAY[isoWeekday - 1] *
    (daysAfterPromotion >= 0 && daysAfterPromotion < promo.length ? promo[daysAfterPromotion] : 1)
  );
}

/**
 * Eight weeks (or any span) of consistent history for the demo shop, the same for the same input:
 * volume per local slot (DST-correct), one session per handled real-time contact given to an agent
 * with the skill who is on shift, and orders from pre-sale sessions within the attribution window.
 */
export function demoHistory(input: DemoHistoryInput): DemoHistory {
  const random = seededRandom(input.seed);
  const scale = input.scale ?? 1;
  const shifts = demoShifts(input.agents);
  const quality = new Map(input.agents.map((a, i) => [a.employeeNo, 0.7 + ((i * 37) % 61) / 100]));
  const volume: GeneratedVolumeRow[] = [];
  const sessions: GeneratedSessionRow[] = [];
  const orders: GeneratedOrderRow[] = [];
  let customers = 0;
  const recentCustomers: string[] = [];
  for (let d = 0; d < input.days; d++) {
    const date = addDays(input.firstDate, d);
    const weekday = isoWeekday(date);
    const dayStart = localDayStart(date, input.timeZone).getTime();
    // Orders count within the attribution window: before 24:00 of the next local day.
    const windowEnd = localDayStart(addDays(date, 2), input.timeZone).getTime();
    const afterPromotion = daysBetween(input.promotionDate, date);
    // 46, 48 or 50 half-hours as the local day has (DST).
    const slots = localSlotsOfDay(date, input.timeZone, input.slotMinutes);
    for (const queue of input.queues) {
      const daily = (DAILY[queue.code] ?? 100) * scale * dayFactor(queue, weekday, afterPromotion);
      const hours = queue.kind === 'deferred' ? DAY_HOURS : CHAT_HOURS;
      const total = hours.reduce((a, b) => a + b, 0);
      const skilled = input.agents.filter((a) => a.skills.some((s) => s.skill === queue.requiredSkill));
      for (const { startMs: t, localTime } of slots) {
        const local = { weekday, hour: Number(localTime.slice(0, 2)) };
        const offered = poisson((daily * hours[local.hour] * input.slotMinutes) / 60 / total, random);
        const abandoned =
          queue.kind === 'deferred' ? 0 : Math.min(offered, poisson(offered * (0.02 + 0.03 * random()), random));
        const handled = offered - abandoned;
        volume.push({
          queue: queue.code,
          slotStart: new Date(t),
          slotMinutes: input.slotMinutes,
          offered,
          handled,
          abandoned,
          meanHandleSeconds: Math.round(queue.defaultHandleSeconds * (0.9 + 0.2 * random())),
        });
        if (queue.kind === 'deferred') continue;
        const working = skilled.filter((a) => onShift(shifts.get(a.employeeNo)!, local));
        const pool = working.length ? working : skilled;
        for (let n = 0; n < handled; n++) {
          const agent = pool[Math.floor(random() * pool.length)];
          const q = quality.get(agent.employeeNo)!;
          const startedAt = new Date(t + Math.floor(random() * input.slotMinutes * 60_000));
          const returning = recentCustomers.length > 50 && random() < 0.2;
          const customerKey = returning
            ? recentCustomers[Math.floor(random() * recentCustomers.length)]
            : `cust-${++customers}`;
          if (!returning) recentCustomers.push(customerKey);
          if (recentCustomers.length > 3000) recentCustomers.splice(0, 1000);
          const preSale = queue.requiredSkill === 'pre_sales' || (queue.code === 'crossborder_chat' && random() < 0.6);
          const messages = 4 + Math.floor(random() * 20);
          const ratingDraw = random();
          const rating =
            random() < 0.4
              ? ratingDraw < 0.05 * (2 - q)
                ? 1 + Math.floor(random() * 3)
                : ratingDraw < 0.35
                  ? 4
                  : 5
              : null;
          const texts =
            queue.requiredSkill === 'english' ? TRANSCRIPTS.en : preSale ? TRANSCRIPTS.pre : TRANSCRIPTS.after;
          const session: GeneratedSessionRow = {
            externalId: `S-${date.replace(/-/g, '')}-${queue.code}-${sessions.length}`,
            queue: queue.code,
            agent: agent.employeeNo,
            customerKey,
            startedAt,
            endedAt: new Date(startedAt.getTime() + Math.round(queue.defaultHandleSeconds * (0.5 + random()) * 1000)),
            firstResponseSeconds: Math.round((5 + 40 * random() * (2 - q)) * 10) / 10,
            meanResponseSeconds: Math.round((10 + 60 * random() * (2 - q)) * 10) / 10,
            customerMessages: messages,
            agentMessages: messages + Math.floor(random() * 6) - 2,
            preSale,
            resolved: preSale ? random() < 0.95 : random() < 0.8 + 0.1 * q,
            rating,
            transcript: texts[Math.floor(random() * texts.length)],
          };
          sessions.push(session);
          if (preSale && random() < 0.3 + 0.12 * q) orders.push(orderFrom(session, windowEnd, orders.length, random));
        }
      }
    }
    // A few orders come without any inquiry.
    for (let k = 0; k < 20 * scale; k++) {
      const at = new Date(dayStart + Math.floor(random() * 86_400_000));
      orders.push(
        orderFrom(
          { customerKey: `walk-in-${d}-${k}`, startedAt: at, externalId: '' },
          windowEnd,
          orders.length,
          random,
        ),
      );
    }
  }
  return { volume, sessions, orders };
}

function orderFrom(
  session: Pick<GeneratedSessionRow, 'customerKey' | 'startedAt' | 'externalId'>,
  windowEnd: number,
  n: number,
  random: () => number,
): GeneratedOrderRow {
  const createdAt = new Date(
    Math.min(windowEnd - 60_000, session.startedAt.getTime() + 60_000 + Math.floor(random() * 6 * 3_600_000)),
  );
  const paid = random() < 0.88;
  const amountCents = Math.round(Math.exp(Math.log(5_000) + random() * Math.log(12)) / 10) * 10;
  const refunded = paid && random() < 0.065;
  const paidAt = paid ? new Date(createdAt.getTime() + 30_000 + Math.floor(random() * 1_800_000)) : null;
  return {
    externalOrderId: `O-${n}`,
    customerKey: session.customerKey,
    createdAt,
    paidAt,
    refundedAt: refunded && paidAt ? new Date(paidAt.getTime() + (1 + Math.floor(random() * 4)) * 86_400_000) : null,
    amountCents,
    refundedCents: refunded ? (random() < 0.6 ? amountCents : Math.round(amountCents * 0.3)) : 0,
    outOfStock: random() < 0.015,
  };
}
