import { Injectable, Logger } from '@nestjs/common';
import type { Shop } from 'src/modules/org/shop.repository';
import { ComplaintService } from 'src/modules/complaints/complaint.service';
import { ListComplaintsQuery } from 'src/modules/complaints/complaint.dto';
import { ListReviewsQuery } from 'src/modules/qc/qc.dto';
import { ReviewService } from 'src/modules/qc/review.service';
import { RubricService } from 'src/modules/qc/rubric.service';
import { ScorecardService } from 'src/modules/ranking/scorecard.service';
import { SessionPlanning } from 'src/modules/training/session-planning.service';
import { TrainingSessionService } from 'src/modules/training/training-session.service';
import { demoOrganisation } from './demo-organisation';
import { describeError } from 'src/platform/lifecycle/process-lifecycle';
import { addDays } from 'src/platform/time/calendar-date';
import { localDayStart, todayIn, wallClockAt } from 'src/platform/time/shop-calendar';
import { demoComplaints, demoReviewScores } from './demo-activity-plan';
import { DemoPlans } from './demo-plans.service';
import { DemoRepository } from './demo.repository';

/** HR's default scorecards: one per ranked role group, weights summing to 100. */
const SCORECARDS = [
  {
    name: '售前月度考核',
    roleGroup: 'pre_sales' as const,
    metrics: [
      { metric: 'orderConversion', weight: 35 },
      { metric: 'serviceSales', weight: 25 },
      { metric: 'firstResponseSeconds', weight: 15 },
      { metric: 'satisfaction', weight: 15 },
      { metric: 'qcScore', weight: 10 },
    ],
    rewardRules: [
      { flag: 'top' as const, kind: 'bonus' as const, amountCents: 50_000, note: '月度前三奖励' },
      { flag: 'bottom' as const, kind: 'improvement_plan' as const, amountCents: 0, note: '末位改进计划' },
    ],
  },
  {
    name: '售后月度考核',
    roleGroup: 'after_sales' as const,
    metrics: [
      { metric: 'resolutionRate', weight: 35 },
      { metric: 'satisfaction', weight: 30 },
      { metric: 'averageResponseSeconds', weight: 20 },
      { metric: 'refundRate', weight: 15 },
    ],
    rewardRules: [{ flag: 'top' as const, kind: 'bonus' as const, amountCents: 30_000, note: '月度前三奖励' }],
  },
];

/**
 * The demo's everyday records, made through the domain services as the demo users (HR, QC,
 * manager, trainer) would: scorecards, the default rubric, complaints, QC reviews (with the coaching
 * tasks they raise) and one booked training session. Each part is skipped when the shop has it already.
 */
@Injectable()
export class DemoActivity {
  private readonly logger = new Logger(DemoActivity.name);

  constructor(
    private readonly repository: DemoRepository,
    private readonly scorecards: ScorecardService,
    private readonly rubrics: RubricService,
    private readonly reviews: ReviewService,
    private readonly complaints: ComplaintService,
    private readonly planning: SessionPlanning,
    private readonly training: TrainingSessionService,
  ) {}

  async scorecardsAndRubric(shopId: string): Promise<void> {
    const hr = await this.repository.actor(shopId, 'hr');
    if ((await this.scorecards.list(hr)).length === 0) {
      for (const card of SCORECARDS)
        await this.scorecards.create(hr, {
          ...card,
          minDaysWorked: 15,
          minInquiries: 300,
          topN: 3,
          bottomPercent: 10,
          tieRule: 'heaviest_metric',
        });
    }
    await this.rubrics.current(shopId);
  }

  async complaintsOf(shop: Shop, now: Date): Promise<number> {
    const manager = await this.repository.actor(shop.id, 'manager');
    if ((await this.complaints.list(manager, ListComplaintsQuery.parse({ limit: 1 }))).total > 0) return 0;
    // The demo agent first: its supervisor and the agent login see a complaint of their own.
    const org = demoOrganisation();
    const demoAgent = org.logins.find((l) => l.username === 'agent')!.agentEmployeeNo!;
    const agents = [
      demoAgent,
      ...org.agents.filter((a) => !a.isSupervisor && a.employeeNo !== demoAgent).map((a) => a.employeeNo),
    ];
    const today = todayIn(shop.timeZone, now);
    const planned = demoComplaints(agents);
    for (const c of planned) {
      const receivedAt = wallClockAt(addDays(today, -c.daysAgo), c.hour * 60, shop.timeZone).toISOString();
      await this.complaints.create(manager, {
        externalId: c.externalId,
        channel: c.channel,
        customerKey: `demo_buyer_${c.externalId}`,
        agentEmployeeNo: c.agentEmployeeNo,
        agentAtFault: c.agentAtFault,
        category: c.category,
        severity: c.severity,
        negativeReview: c.negativeReview,
        description: c.description,
        receivedAt,
      });
    }
    return planned.length;
  }

  /** One session per agent of the last week reviewed against the current rubric. */
  async reviewsOf(shop: Shop, now: Date): Promise<number> {
    const qc = await this.repository.actor(shop.id, 'qc');
    if ((await this.reviews.list(qc, ListReviewsQuery.parse({ limit: 1 }))).total > 0) return 0;
    const rubric = await this.rubrics.current(shop.id);
    const items = rubric.items.map((i) => ({
      id: i.id,
      code: i.code,
      kind: i.kind,
      maxPoints: Number(i.maxPoints),
      critical: i.critical,
    }));
    const sessions = await this.repository.sessionsToReview(
      shop.id,
      shop.timeZone,
      localDayStart(todayIn(shop.timeZone, now), shop.timeZone),
      7,
      1,
    );
    for (const [n, session] of sessions.entries()) {
      await this.reviews.create(qc, {
        sessionId: session.id,
        rubricVersionId: rubric.id,
        scores: demoReviewScores(items, n),
        findings: [],
      });
    }
    return sessions.length;
  }

  /**
   * One session for 售前一组 in the coming days of the published roster (this week's), placed by the
   * planner against it and the forecast: nobody can be placed on a day without a roster. On a Sunday
   * no coming day has one yet (next week is the manager's to roster), so the session goes on today's
   * shifts. If nothing can be placed, the reason is logged and the demo goes on.
   */
  async trainingOf(shop: Shop, now: Date): Promise<number> {
    const trainer = await this.repository.actor(shop.id, 'trainer');
    const today = todayIn(shop.timeZone, now);
    const lastRostered = addDays(DemoPlans.thisMonday(shop, now), 6);
    const from = today < lastRostered ? addDays(today, 1) : today;
    const listed = await this.training.list(trainer, {
      from: localDayStart(addDays(from, -30), shop.timeZone).toISOString(),
      to: localDayStart(addDays(from, 30), shop.timeZone).toISOString(),
      status: 'booked',
    });
    if (listed.items.length > 0) return 0;
    try {
      const booked = await this.planning.book(trainer, {
        category: '平台政策',
        title: '售后政策与退款规则复训',
        lengthMinutes: 60,
        capacity: 8,
        trainerUserId: trainer.userId,
        invitees: { teamId: await this.repository.teamId(shop.id, '售前一组') },
        allowBelowMinimum: true,
        plan: { from, to: lastRostered },
      });
      return booked.sessions.length;
    } catch (error) {
      this.logger.warn({ shopId: shop.id, error: describeError(error) }, 'demo training session not booked');
      return 0;
    }
  }
}
