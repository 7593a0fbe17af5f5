import { seededRandom } from 'src/platform/random/seeded-random';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
} from 'src/modules/complaints/engine/complaint-catalogue';

/** What the demo's QC inspector gave one rubric item (points, or a deduction on a deduction item). */
export type DemoItemScore = { itemId: string; points: number };
export type DemoRubricItem = {
  id: string;
  code: string;
  kind: 'points' | 'deduction';
  maxPoints: number;
  critical: boolean;
};

/**
 * Scores for the n-th reviewed session: most sessions earn 80–100 % of each item, every fifth is
 * weak (60–75 %, below the usual coaching threshold: each team gets coaching tasks) and every
 * eleventh slow to reply.
 * Critical items are never marked: the demo shows coaching, not dismissals.
 */
export function demoReviewScores(items: DemoRubricItem[], n: number, seed = 20261122): DemoItemScore[] {
  const random = seededRandom(seed + n * 7919);
  const weak = n % 5 === 2;
  return items
    .filter((item) => !item.critical)
    .map((item) => {
      if (item.kind === 'deduction') return { itemId: item.id, points: n % 11 === 3 ? Math.min(5, item.maxPoints) : 0 };
      const share = weak ? 0.6 + random() * 0.15 : 0.8 + random() * 0.2;
      return { itemId: item.id, points: Math.round(item.maxPoints * share) };
    });
}

export type DemoComplaint = {
  externalId: string;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  agentEmployeeNo: string;
  agentAtFault: boolean;
  negativeReview: boolean;
  description: string;
  daysAgo: number;
  hour: number;
};

const COMPLAINT_KINDS: Omit<DemoComplaint, 'externalId' | 'agentEmployeeNo' | 'daysAgo' | 'hour'>[] = [
  {
    channel: 'platform',
    category: 'service_attitude',
    severity: 'high',
    agentAtFault: true,
    negativeReview: false,
    description: '顾客称客服回复敷衍、态度冷淡',
  },
  {
    channel: 'review',
    category: 'logistics',
    severity: 'medium',
    agentAtFault: false,
    negativeReview: true,
    description: '中评：快递三天未更新物流信息',
  },
  {
    channel: 'chat',
    category: 'returns_refunds',
    severity: 'medium',
    agentAtFault: true,
    negativeReview: false,
    description: '退款申请被客服误拒，顾客要求复核',
  },
  {
    channel: 'phone',
    category: 'product_quality',
    severity: 'high',
    agentAtFault: false,
    negativeReview: false,
    description: '收到商品有划痕，要求换货',
  },
  {
    channel: 'platform',
    category: 'wrong_description',
    severity: 'low',
    agentAtFault: true,
    negativeReview: false,
    description: '客服答复的尺码与详情页不一致',
  },
  {
    channel: 'review',
    category: 'service_attitude',
    severity: 'critical',
    agentAtFault: true,
    negativeReview: true,
    description: '差评：客服与顾客争执',
  },
];

/** Twelve complaints over the last three weeks, spread over the agents (employee numbers); the first is about the first agent. */
export function demoComplaints(employeeNos: string[], seed = 20261122): DemoComplaint[] {
  const random = seededRandom(seed);
  return Array.from({ length: 12 }, (_, i) => ({
    ...COMPLAINT_KINDS[i % COMPLAINT_KINDS.length],
    externalId: `DEMO-TS-${String(i + 1).padStart(3, '0')}`,
    agentEmployeeNo: i === 0 ? employeeNos[0] : employeeNos[Math.floor(random() * employeeNos.length)],
    daysAgo: 1 + Math.floor(random() * 20),
    hour: 9 + Math.floor(random() * 12),
  }));
}
