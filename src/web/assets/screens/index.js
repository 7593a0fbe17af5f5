/** Every screen, in the order of the navigation; each names the roles that see it. */
import complaints from './complaints.js';
import daily from './daily-report.js';
import events from './forecast-events.js';
import forecast from './forecast.js';
import inbox from './inbox.js';
import leave from './leave.js';
import intraday from './intraday-day.js';
import myWork from './my-work.js';
import qc from './qc.js';
import queues from './queues.js';
import rankings from './rankings.js';
import roster from './roster.js';
import scorecards from './scorecards.js';
import templates from './shift-templates.js';
import training from './training.js';
import users from './users.js';

export const SCREENS = [
  myWork,
  roster,
  intraday,
  inbox,
  leave,
  templates,
  forecast,
  events,
  queues,
  daily,
  complaints,
  rankings,
  scorecards,
  qc,
  training,
  users,
];
