/**
 * The shift templates every shop starts with (the demo shop too): nine-hour shifts like the ones
 * the demo history was generated with (see src/demo/demo-shifts.ts: starts 08–16h and 23h), a
 * 60-minute unpaid meal 3–5 h in and a paid 15-minute rest later on. Times are local clock minutes.
 */
export type StarterShiftTemplate = {
  code: string;
  name: string;
  startMinutes: number | null;
  startWindow: { earliest: number; latest: number } | null;
  lengthMinutes: number;
  late: boolean;
  colour: string;
  breaks: {
    name: string;
    minutes: number;
    minShiftMinutes: number;
    earliestStartAfterMinutes: number;
    latestStartAfterMinutes: number;
    paid?: boolean;
  }[];
};

const BREAKS: StarterShiftTemplate['breaks'] = [
  { name: 'meal', minutes: 60, minShiftMinutes: 480, earliestStartAfterMinutes: 180, latestStartAfterMinutes: 300 },
  {
    name: 'rest',
    minutes: 15,
    minShiftMinutes: 360,
    earliestStartAfterMinutes: 360,
    latestStartAfterMinutes: 450,
    paid: true,
  },
];

export const STARTER_SHIFT_TEMPLATES: StarterShiftTemplate[] = [
  {
    code: 'E',
    name: '早班',
    startMinutes: 8 * 60,
    startWindow: null,
    lengthMinutes: 540,
    late: false,
    colour: '#8BC34A',
    breaks: BREAKS,
  },
  {
    code: 'M',
    name: '中班',
    startMinutes: null,
    startWindow: { earliest: 9 * 60, latest: 12 * 60 },
    lengthMinutes: 540,
    late: false,
    colour: '#03A9F4',
    breaks: BREAKS,
  },
  {
    code: 'L',
    name: '晚班',
    startMinutes: 14 * 60,
    startWindow: null,
    lengthMinutes: 540,
    late: true,
    colour: '#FF9800',
    breaks: BREAKS,
  },
  {
    code: 'N',
    name: '夜班',
    startMinutes: 23 * 60,
    startWindow: null,
    lengthMinutes: 540,
    late: true,
    colour: '#673AB7',
    breaks: BREAKS,
  },
];
