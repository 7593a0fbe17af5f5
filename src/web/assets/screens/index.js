/** Every screen, in the order of the navigation; each names the roles that see it. */
import daily from './daily-report.js';
import forecast from './forecast.js';
import inbox from './inbox.js';
import myWork from './my-work.js';
import qc from './qc.js';
import rankings from './rankings.js';
import roster from './roster.js';
import training from './training.js';

export const SCREENS = [myWork, roster, inbox, forecast, daily, rankings, qc, training];
