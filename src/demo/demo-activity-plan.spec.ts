import { demoComplaints, demoReviewScores, DemoRubricItem } from './demo-activity-plan';

const items: DemoRubricItem[] = [
  { id: 'a', code: 'greeting', kind: 'points', maxPoints: 10, critical: false },
  { id: 'b', code: 'policy', kind: 'points', maxPoints: 15, critical: false },
  { id: 'c', code: 'rude', kind: 'deduction', maxPoints: 100, critical: true },
  { id: 'd', code: 'slow_reply', kind: 'deduction', maxPoints: 10, critical: false },
];

describe('demo activity plan', () => {
  it('scores reviews within each item, never marks a critical item, and has weak and good reviews', () => {
    const totals = Array.from({ length: 40 }, (_, n) => {
      const scores = demoReviewScores(items, n);
      expect(scores.map((s) => s.itemId)).toEqual(['a', 'b', 'd']);
      for (const s of scores) expect(s.points).toBeLessThanOrEqual(items.find((i) => i.id === s.itemId)!.maxPoints);
      return scores.filter((s) => s.itemId !== 'd').reduce((sum, s) => sum + s.points, 0) / 25;
    });
    expect(totals.some((t) => t < 0.76)).toBe(true);
    expect(totals.some((t) => t >= 0.9)).toBe(true);
    expect(demoReviewScores(items, 3).find((s) => s.itemId === 'd')!.points).toBe(5);
    expect(demoReviewScores(items, 5)).toEqual(demoReviewScores(items, 5));
  });

  it('makes twelve distinct complaints in the last three weeks, some at the agent’s fault', () => {
    const complaints = demoComplaints(['CS0002', 'CS0003', 'CS0017']);
    expect(complaints).toHaveLength(12);
    expect(new Set(complaints.map((c) => c.externalId)).size).toBe(12);
    expect(
      complaints.every(
        (c) => c.daysAgo >= 1 && c.daysAgo <= 20 && ['CS0002', 'CS0003', 'CS0017'].includes(c.agentEmployeeNo),
      ),
    ).toBe(true);
    expect(complaints.filter((c) => c.agentAtFault).length).toBeGreaterThan(3);
    expect(demoComplaints(['CS0002'])).toEqual(demoComplaints(['CS0002']));
  });
});
