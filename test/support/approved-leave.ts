import { bearer, TestApp } from './test-app';

export interface ApprovedLeave {
  id: string;
  status: string;
  /** Published rosters whose days the leave changed: the roster and the day range, end exclusive. */
  published: { rosterId: string; from: number; to: number }[];
}

/**
 * Leave a manager records for an agent and approves at once: the set-up of suites that need a day
 * away in the roster, not a test of the two requests (those are asserted where leave is the subject).
 */
export async function approvedLeave(
  t: TestApp,
  managerToken: string,
  leave: { agentId: string; startDate: string; endDate: string; kind?: string },
): Promise<ApprovedLeave> {
  const asked = await t
    .http()
    .post('/leave')
    .set(bearer(managerToken))
    .send({ kind: 'annual', ...leave })
    .expect(201);
  const decided = await t
    .http()
    .post(`/leave/${asked.body.id}/decision`)
    .set(bearer(managerToken))
    .send({ decision: 'approved' })
    .expect(200);
  return decided.body as ApprovedLeave;
}
