/**
 * Demo-shop roster benchmark: `npx tsx bench/roster-demo.ts [--agents-per-team 50] [--time-limit 30]
 * [--seed 1]`. The demo organisation scaled to 4 × 50 = 200 agents and its four shift templates;
 * one week of 30-minute per-slot demand per skill: a seasonal-average forecast (mean of four weeks
 * of the demo history per weekday and slot, volume scaled to the head count) turned into agents
 * by the staffing engine (Erlang A; chats at their concurrency). Prints one JSON line with the
 * objective, the LP (column-generation) bound and the gap, and checks every hard rule again with
 * evaluateRoster and a few direct counts.
 */
import { DateTime } from 'luxon';
import { DEMO_QUEUES, demoOrganisation } from 'src/demo/demo-organisation';
import { demoHistory } from 'src/demo/demo-history';
import { STARTER_SHIFT_TEMPLATES } from 'src/modules/roster/starter-shift-templates';
import { requiredChatAgents } from 'src/modules/staffing/engine/chat-concurrency';
import { requiredAgents } from 'src/modules/staffing/engine/required-agents';
import { evaluateRoster, solveRoster, type RosterProblem, type SlotDemand } from 'src/modules/roster/solver';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const perTeam = Number(arg('agents-per-team', '50'));
const seconds = Number(arg('time-limit', '30'));
const seed = Number(arg('seed', '1'));
/** The demo history is sized for a lightly loaded 60-agent shop; this brings demand up to the head count. */
const volume = Number(arg('volume', '3.5'));
const verbose = process.argv.includes('--progress');

const ZONE = 'Asia/Shanghai';
const WEEK_START = '2026-12-07';
const HISTORY_WEEKS = 4;
const SLOT = 30;

function forecastDemand(org: ReturnType<typeof demoOrganisation>): SlotDemand[] {
  const first = DateTime.fromISO(WEEK_START, { zone: ZONE }).minus({ weeks: HISTORY_WEEKS });
  const history = demoHistory({
    timeZone: ZONE,
    slotMinutes: SLOT,
    firstDate: first.toISODate()!,
    days: 7 * HISTORY_WEEKS,
    promotionDate: '2020-01-01',
    queues: DEMO_QUEUES,
    agents: org.agents,
    seed,
    scale: (volume * perTeam) / 15,
  });
  const realtime = DEMO_QUEUES.filter((q) => q.kind === 'realtime');
  // Mean offered contacts per (queue, weekday index, slot of the day) over the history weeks.
  const sums = new Map<string, number>();
  for (const row of history.volume) {
    const local = DateTime.fromJSDate(row.slotStart, { zone: ZONE });
    const day = Math.floor(local.diff(first, 'days').days) % 7;
    const slot = local.hour * 2 + (local.minute >= 30 ? 1 : 0);
    const key = `${row.queue}:${day}:${slot}`;
    sums.set(key, (sums.get(key) ?? 0) + row.offered / HISTORY_WEEKS);
  }
  return realtime.map((queue) => {
    const target = { answerWithinSeconds: queue.serviceLevelSeconds, serviceLevel: queue.serviceLevelPercent / 100 };
    const requiredAgentsPerDay = Array.from({ length: 7 }, (_, day) =>
      Array.from({ length: 48 }, (_, slot) => {
        const contacts = sums.get(`${queue.code}:${day}:${slot}`) ?? 0;
        if (contacts <= 0) return 0;
        if (queue.channel === 'chat') {
          const chat = {
            handleSecondsAlone: queue.defaultHandleSeconds,
            concurrency: queue.chatConcurrency,
            slowdown: { perExtraChat: 0.15 },
            patienceSeconds: queue.patienceSeconds ?? undefined,
          };
          return requiredChatAgents(chat, contacts, SLOT * 60, target).agents;
        }
        const traffic = {
          offeredLoad: (contacts * queue.defaultHandleSeconds) / (SLOT * 60),
          ahtSeconds: queue.defaultHandleSeconds,
          patienceSeconds: queue.patienceSeconds ?? undefined,
        };
        return requiredAgents(traffic, target).agents;
      }),
    );
    return { skill: queue.requiredSkill, requiredAgents: requiredAgentsPerDay, underWeight: 10, overWeight: 1 };
  });
}

function demoProblem(): RosterProblem {
  const org = demoOrganisation(perTeam);
  return {
    horizon: { startDate: WEEK_START, days: 7, timeZone: ZONE, slotMinutes: SLOT },
    shiftTypes: STARTER_SHIFT_TEMPLATES.map((t) => ({
      id: t.code,
      ...(t.startWindow ? { startWindow: t.startWindow } : { startMinutes: t.startMinutes ?? 0 }),
      lengthMinutes: t.lengthMinutes,
      late: t.late,
      breaks: t.breaks,
    })),
    agents: org.agents.map((a) => ({
      id: a.employeeNo,
      skills: a.skills.map((s) => s.skill),
      supervisor: a.isSupervisor,
      contract: {
        minMinutes: a.minWeekMinutes,
        maxMinutes: Math.min(a.maxWeekMinutes, a.maxDaysPerWeek * 480),
        maxConsecutiveWorkDays: a.maxDaysPerWeek,
        ...(a.maxDaysPerWeek < 7 ? { maxWorkDays: a.maxDaysPerWeek } : {}),
      },
    })),
    slotDemand: forecastDemand(org),
    rules: { minRestMinutes: 11 * 60 },
  };
}

async function main(): Promise<void> {
  const problem = demoProblem();
  const solution = await solveRoster(problem, {
    timeLimitMs: seconds * 1000,
    seed,
    onProgress: verbose ? (p) => console.error(JSON.stringify(p)) : undefined,
  });
  const check = evaluateRoster(problem, solution.assignments);
  const perAgentDay = new Set(solution.assignments.map((a) => `${a.agentId}:${a.day}`));
  const contractSlots = (pick: (a: RosterProblem['agents'][number]) => number) =>
    problem.agents.reduce((sum, a) => sum + pick(a) / SLOT, 0);
  const required = problem.slotDemand!.reduce((sum, d) => sum + d.requiredAgents.flat().reduce((a, b) => a + b, 0), 0);
  console.log(
    JSON.stringify({
      agents: problem.agents.length,
      requiredAgentSlots: required,
      contractAgentSlots: {
        min: contractSlots((a) => a.contract.minMinutes),
        max: contractSlots((a) => a.contract.maxMinutes),
      },
      objective: solution.objective.total,
      terms: solution.objective.terms,
      lowerBound: solution.lowerBound === null ? null : Number(solution.lowerBound.toFixed(1)),
      gap: solution.gap === null ? null : Number(solution.gap.toFixed(4)),
      seconds: Number(solution.seconds.toFixed(1)),
      stoppedBy: solution.stoppedBy,
      shifts: solution.assignments.length,
      violations: check.violations.length + (perAgentDay.size === solution.assignments.length ? 0 : 1),
      objectiveRechecked: check.objective.total === solution.objective.total,
      infeasibilities: solution.infeasibilities.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
