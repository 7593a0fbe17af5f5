/** Examples for the OpenAPI documents of the training routes. */
const ids = {
  agent: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  agent2: '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c',
  supervisor: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  session: '8b9c0d1e-2f3a-4b4c-8d5e-6f7a8b9c0d1e',
  queue: '4a3b2c1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d',
  trainer: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  team: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
};

export const needsExample = {
  days: 14,
  since: '2026-11-12T22:00:00.000Z',
  severityWeights: { low: 1, medium: 3, high: 6, critical: 10 },
  needs: [
    {
      rank: 1,
      category: '平台政策',
      categoryLabel: '平台政策',
      score: 23,
      findings: 4,
      affectedAgents: [{ agentId: ids.agent, employeeNo: 'CS0002', name: '李娜', findings: 3, score: 20 }],
      exampleQuotes: ['七天无理由不包括这个'],
      requests: [{ category: '平台政策', requestedBy: ids.trainer, note: '新规则' }],
    },
  ],
};

export const requestExample = {
  id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
  category: '工具使用',
  note: '新版千牛工作台的快捷短语',
  requestedBy: ids.trainer,
  createdAt: '2026-11-26T08:00:00.000Z',
};

const impact = {
  lostContactsWithinTarget: 0.412,
  worstServiceLevel: 0.861,
  belowMinimum: false,
  minServiceLevel: 0.7,
  slots: [
    {
      slotStart: '2026-12-01T06:00:00.000Z',
      queueId: ids.queue,
      contacts: 12.5,
      agentsBefore: 9,
      agentsAfter: 7,
      serviceLevelBefore: 0.962,
      serviceLevelAfter: 0.861,
    },
  ],
};
const at = (utc: string, local: string) => ({ utc, local });

export const proposalExample = {
  minServiceLevel: 0.7,
  invitees: 3,
  options: [
    {
      start: at('2026-12-01T06:00:00.000Z', '2026-12-01T14:00:00+08:00'),
      end: at('2026-12-01T07:00:00.000Z', '2026-12-01T15:00:00+08:00'),
      attendees: [ids.agent, ids.agent2],
      missing: [{ agentId: ids.supervisor, reason: 'off_shift', reasonLabel: '所有场次时均不在班' }],
      ...impact,
    },
  ],
  warnings: ['该时间范围内没有已发布的排班'],
};

export const sessionExample = {
  id: ids.session,
  category: '平台政策',
  categoryLabel: '平台政策',
  title: '七天无理由退货政策',
  status: 'booked',
  statusLabel: '已预订',
  start: proposalExample.options[0].start,
  end: proposalExample.options[0].end,
  lengthMinutes: 60,
  capacity: 12,
  trainerUserId: ids.trainer,
  planId: null,
  draftWeek: null,
  impact,
  attendees: [{ agentId: ids.agent, attendance: 'attended', markedAt: '2026-12-01T07:05:00.000Z' }],
};

export const bookedExample = {
  planId: null,
  sessions: [{ ...sessionExample, attendees: [{ agentId: ids.agent, attendance: 'invited', markedAt: null }] }],
  makeupTasks: [
    {
      id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
      agentId: ids.supervisor,
      reason: 'off_shift',
      reasonLabel: '所有场次时均不在班',
      supervisorAgentId: ids.supervisor,
    },
  ],
};

export const sessionsExample = { from: '2026-11-30T00:00:00Z', to: '2026-12-07T00:00:00Z', items: [sessionExample] };

export const effectExample = {
  sessionId: ids.session,
  category: '平台政策',
  days: 14,
  attended: 8,
  absent: 1,
  notRecorded: 0,
  attendees: {
    before: { reviews: 20, agents: 8, mean: 71.5 },
    after: { reviews: 18, agents: 8, mean: 86 },
    change: 14.5,
  },
  others: {
    before: { reviews: 40, agents: 20, mean: 80 },
    after: { reviews: 42, agents: 21, mean: 81.5 },
    change: 1.5,
  },
  effect: 13,
};

export const makeupTaskExample = {
  id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  sessionId: ids.session,
  agentId: ids.agent2,
  teamId: ids.team,
  supervisorAgentId: ids.supervisor,
  category: '平台政策',
  categoryLabel: '平台政策',
  reason: 'off_shift',
  reasonLabel: '所有场次时均不在班',
  status: 'open',
  note: null,
  closedBy: null,
  closedAt: null,
  createdAt: '2026-11-26T08:00:00.000Z',
  updatedAt: '2026-11-26T08:00:00.000Z',
};
