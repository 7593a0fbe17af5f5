/** OpenAPI examples of the roster endpoints. */
const rosterId = '6f5e4d3c-2b1a-4098-8765-43210fedcba9';
const jobId = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
const agentId = '8d9e0f1a-2b3c-4d5e-8f70-8192a3b4c5d6';
const templateId = '5c4b3a29-1807-4f6e-8d5c-4b3a29180716';

export const createdRosterExample = {
  rosterId,
  jobId,
  name: 'roster.generate',
  status: 'queued',
  statusUrl: `/jobs/${jobId}`,
  warnings: [],
};

const shift = {
  shiftTemplateId: templateId,
  code: 'E',
  name: '早班',
  colour: '#8BC34A',
  skill: 'pre_sales',
  start: { utc: '2026-11-30T00:00:00.000Z', local: '2026-11-30T08:00:00+08:00' },
  end: { utc: '2026-11-30T09:00:00.000Z', local: '2026-11-30T17:00:00+08:00' },
  lengthMinutes: 540,
  breaks: [
    {
      name: 'meal',
      minutes: 60,
      paid: false,
      start: { utc: '2026-11-30T04:00:00.000Z', local: '2026-11-30T12:00:00+08:00' },
    },
  ],
};

export const rosterSummaryExample = {
  id: rosterId,
  weekStart: '2026-11-30',
  teamIds: ['2b7d3c1e-5f6a-4e8b-9c0d-1e2f3a4b5c6d'],
  demand: 'forecast',
  status: 'completed',
  error: null,
  jobRunId: jobId,
  revision: 3,
  latestVersion: { version: 2, status: 'draft', publishedAt: null },
  createdAt: '2026-11-23T02:00:00.000Z',
  updatedAt: '2026-11-23T02:10:00.000Z',
};

export const rosterExample = {
  ...rosterSummaryExample,
  timeZone: 'Asia/Shanghai',
  version: {
    version: 2,
    status: 'draft',
    publishedAt: null,
    publishedBy: null,
    // A self-service change published beside this draft that the draft could not take (or whose shift it replaced).
    warnings: [
      {
        id: '3f9a1c0b7d2e4a65',
        kind: 'not-carried',
        agentId,
        date: '2026-12-03',
        message:
          '2026-12-03 张敏 (CS0002): the approved change (shift 早班 08:00–17:00) is published but not carried into this draft, where it would break a rule: 张敏 (CS0002): 9 h rest between 2026-12-02 and 2026-12-03 < 11 h. Publishing the draft as it is undoes it; decide the day first',
      },
    ],
  },
  versions: [
    {
      version: 1,
      status: 'published',
      publishedAt: '2026-11-23T03:00:00.000Z',
      supersededAt: null,
      note: null,
      createdByName: '王经理',
      publishedByName: '王经理',
    },
    {
      version: 2,
      status: 'draft',
      publishedAt: null,
      supersededAt: null,
      note: 'Intraday on 售前咨询, 2026-11-30: Move the break of 张敏 to 13:30',
      createdByName: '李主管',
      publishedByName: null,
    },
  ],
  days: [{ date: '2026-11-30', hours: 24 }],
  objective: {
    total: 412,
    terms: { underCover: 300, overCover: 92, requests: 10, lateFairness: 6, weekendFairness: 4 },
  },
  solve: { seed: 1, lowerBound: 398.5, gap: 0.033, stoppedBy: 'time-limit', seconds: 30 },
  warnings: ['queue crossborder_chat: no rostered agent has skill english; its demand is left out'],
  infeasibilities: [
    { rule: 'min-minutes', agentIds: [agentId], days: [], detail: 'cannot reach 2400 contract minutes' },
  ],
  violations: [],
  agents: [
    {
      agentId,
      employeeNo: 'CS0042',
      name: '李娜',
      teamId: '2b7d3c1e-5f6a-4e8b-9c0d-1e2f3a4b5c6d',
      days: [
        { date: '2026-11-30', shift },
        { date: '2026-12-01', shift: null },
      ],
    },
  ],
  coverage: [
    {
      skill: 'pre_sales',
      date: '2026-11-30',
      slot: 20,
      start: '2026-11-30T02:00:00.000Z',
      local: '2026-11-30T10:00:00+08:00',
      required: 8,
      scheduled: 7,
      gap: -1,
    },
  ],
  dayCoverage: [],
};

export const diffExample = {
  rosterId,
  from: 1,
  to: 2,
  changes: [
    {
      agentId,
      employeeNo: 'CS0042',
      name: '李娜',
      date: '2026-12-06',
      change: 'changed',
      from: shift,
      to: { ...shift, code: 'M', name: '中班' },
    },
  ],
};

export const myShiftsExample = {
  agentId,
  from: '2026-11-30',
  to: '2026-12-06',
  items: [{ date: '2026-11-30', rosterId, version: 1, ...shift }],
  leave: [{ date: '2026-12-02', kind: 'comp', start: '14:00', end: '18:00' }],
};

export const editRefusedExample = {
  type: '/problems/validation',
  code: 'roster.edit-breaks-rules',
  title: 'The request is not valid',
  status: 400,
  detail:
    'The edit breaks 1 rule(s): 王芳 (CS0002), 2026-12-08 早班 08:00–17:00: rest 9 h < 11 h after 2026-12-07 夜班 23:00–08:00; nothing was saved',
  errors: [
    {
      field: 'changes.0',
      message: '王芳 (CS0002), 2026-12-08 早班 08:00–17:00: rest 9 h < 11 h after 2026-12-07 夜班 23:00–08:00',
      code: 'min-rest',
      in: 'body',
    },
  ],
  violations: [
    {
      rule: 'min-rest',
      agentIds: [agentId],
      days: [1],
      dates: ['2026-12-08'],
      facts: {
        shift: 'E',
        restMinutes: 540,
        minRestMinutes: 660,
        otherShift: 'N',
        otherDay: 0,
        otherStartMinutes: 1380,
        otherLengthMinutes: 540,
      },
      detail: '王芳 (CS0002), 2026-12-08 早班 08:00–17:00: rest 9 h < 11 h after 2026-12-07 夜班 23:00–08:00',
    },
  ],
};

/** A draft warning once dismissed: stored with who and when, no longer in `version.warnings`. */
export const dismissedWarningExample = {
  id: '3f9a1c0b7d2e4a65',
  version: 2,
  kind: 'not-carried',
  agentId,
  date: '2026-12-03',
  message:
    '2026-12-03 张敏 (CS0002): the approved change (shift 早班 08:00–17:00) is published but not carried into this draft, where it would break a rule: 张敏 (CS0002): 9 h rest between 2026-12-02 and 2026-12-03 < 11 h. Publishing the draft as it is undoes it; decide the day first',
  dismissedAt: '2026-12-01T03:20:00.000Z',
  dismissedBy: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
};
