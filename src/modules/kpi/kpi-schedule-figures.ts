import type { KpiDefinition } from './kpi-figure';

const STATE_DAY = 'local day each second lies in (a night shift counts on both days)';

/** How agents keep to the published roster: worked minutes, adherence and conformance. */
export const scheduleFigures = {
  workedMinutes: {
    key: 'workedMinutes',
    name: 'Worked minutes',
    nameZh: '排班工时',
    formula: 'minutes of the agent’s shifts in the newest published roster version, breaks taken off',
    unit: 'minutes',
    direction: 'higher',
    countedOn: 'local day the shift starts',
    attributionWindow: null,
    numerator: 'workedMinutes',
    decimals: 0,
  },
  adherence: {
    key: 'adherence',
    name: 'Adherence',
    nameZh: '排班遵从率',
    formula:
      'seconds in the state the schedule expects (on shift: online or busy; on a break or in training: away or offline; nothing reported counts as offline) / scheduled seconds of the published shifts, breaks included',
    unit: 'ratio',
    direction: 'higher',
    countedOn: STATE_DAY,
    attributionWindow: null,
    numerator: 'adherentSeconds',
    denominator: 'scheduledSeconds',
    decimals: 4,
  },
  conformance: {
    key: 'conformance',
    name: 'Conformance',
    nameZh: '工时符合率',
    formula: 'seconds online or busy (on shift or not) / seconds of the published shifts less breaks and training',
    unit: 'ratio',
    direction: 'higher',
    countedOn: STATE_DAY,
    attributionWindow: null,
    numerator: 'loggedWorkSeconds',
    denominator: 'plannedWorkSeconds',
    decimals: 4,
  },
} satisfies Record<string, KpiDefinition>;
