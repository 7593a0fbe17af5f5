/**
 * Staffing engine speed: minimum-agent searches per second over random loads (fixed seed), with a
 * minimality check on a sample and the largest deviation from the Erlang reference grids.
 *
 *   npx tsx bench/staffing.ts [--searches 1000000] [--min-load 0.1] [--max-load 500] [--seed 1]
 *     [--reference ../shared/bench-data/erlang-reference]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from 'src/platform/random/seeded-random';
import { erlangA } from 'src/modules/staffing/engine/erlang-a';
import { erlangC } from 'src/modules/staffing/engine/erlang-c';
import { meetsTarget, requiredAgents } from 'src/modules/staffing/engine/required-agents';
import { requiredChatAgents } from 'src/modules/staffing/engine/chat-concurrency';
import { spreadDeferredWork } from 'src/modules/staffing/engine/deferred-work';
import { QueueTraffic, ServiceTarget } from 'src/modules/staffing/engine/staffing-types';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const searches = Number(arg('searches', '1000000'));
const minLoad = Number(arg('min-load', '0.1'));
const maxLoad = Number(arg('max-load', '500'));
const seed = Number(arg('seed', '1'));
const referenceFolder = arg('reference', '../shared/bench-data/erlang-reference');

const uniform = seededRandom(seed);
const between = (lo: number, hi: number) => lo + (hi - lo) * uniform();

/** Mixed targets as managers set them: service level always, ASA and occupancy bounds on some queues. */
function randomCase(patience: boolean): { traffic: QueueTraffic; target: ServiceTarget } {
  const traffic: QueueTraffic = { offeredLoad: between(minLoad, maxLoad), ahtSeconds: between(60, 600) };
  if (patience) traffic.patienceSeconds = between(30, 900);
  const target: ServiceTarget = {
    answerWithinSeconds: [10, 20, 30, 60][Math.floor(uniform() * 4)],
    serviceLevel: between(0.7, 0.95),
  };
  if (uniform() < 0.3) target.maxAsaSeconds = between(5, 60);
  if (uniform() < 0.3) target.maxOccupancy = between(0.8, 0.95);
  if (patience && uniform() < 0.5) target.maxAbandonment = between(0.02, 0.1);
  return { traffic, target };
}

function timeSearches(
  cases: { traffic: QueueTraffic; target: ServiceTarget }[],
  rounds: number,
): { perSecond: number[]; agents: number } {
  const perSecond: number[] = [];
  let agents = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (const { traffic, target } of cases) agents += requiredAgents(traffic, target).agents;
    perSecond.push(cases.length / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  return { perSecond, agents };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value: number) => Math.round(value);

// 1. Erlang C searches, the hot path (warm-up round first, then three timed rounds).
const erlangCCases = Array.from({ length: searches }, () => randomCase(false));
timeSearches(erlangCCases.slice(0, Math.min(50_000, searches)), 1);
const erlangCTimed = timeSearches(erlangCCases, 3);

// 2. Minimality on a sample: the answer meets the target and one agent fewer does not.
let checked = 0;
let violations = 0;
for (const { traffic, target } of erlangCCases.slice(0, 20_000)) {
  const found = requiredAgents(traffic, target);
  const fewer = erlangC(traffic.offeredLoad, found.agents - 1, traffic.ahtSeconds, target.answerWithinSeconds);
  if (!meetsTarget(found, target) || meetsTarget(fewer, target)) violations++;
  checked++;
}

// 3. Erlang A searches (each trial sums the chain's tail, so far fewer per second).
const erlangACases = Array.from({ length: Math.max(1, Math.floor(searches / 50)) }, () => randomCase(true));
const erlangATimed = timeSearches(erlangACases, 1);
let erlangAViolations = 0;
for (const { traffic, target } of erlangACases.slice(0, 2_000)) {
  const found = requiredAgents(traffic, target);
  const fewer = erlangA(
    traffic.offeredLoad,
    found.agents - 1,
    traffic.ahtSeconds,
    traffic.patienceSeconds as number,
    target.answerWithinSeconds,
  );
  if (!meetsTarget(found, target) || (found.agents > 1 && meetsTarget(fewer, target))) erlangAViolations++;
}

// 4. Large centres: 1,500–2,500 Erlangs (2,000+ agents).
const largeCases = Array.from({ length: 20_000 }, () => ({
  ...randomCase(false),
  traffic: { offeredLoad: between(1500, 2500), ahtSeconds: between(60, 600) },
}));
const largeTimed = timeSearches(largeCases, 1);

// 5. Chat (k = 1..5, slowdown 0.1–0.3 per extra chat) and one week of deferred work.
const chatStarted = process.hrtime.bigint();
const chatSearches = 100_000;
for (let i = 0; i < chatSearches; i++) {
  const chat = {
    handleSecondsAlone: between(120, 600),
    concurrency: 1 + Math.floor(uniform() * 5),
    slowdown: { perExtraChat: between(0.1, 0.3) },
  };
  requiredChatAgents(chat, between(0, 2000), 1800, { answerWithinSeconds: 30, serviceLevel: 0.8 });
}
const chatPerSecond = chatSearches / (Number(process.hrtime.bigint() - chatStarted) / 1e9);
const week = Array.from({ length: 336 }, (_, slot) =>
  Math.round(40 * (1 + Math.sin((2 * Math.PI * (slot % 48)) / 48)) * between(0.7, 1.3)),
);
const deferredStarted = process.hrtime.bigint();
const deferred = spreadDeferredWork({ arrivals: week, handleSeconds: 420, slotSeconds: 1800, deadlineSlots: 48 });
const deferredMs = Number(process.hrtime.bigint() - deferredStarted) / 1e6;

// 6. Largest deviation from the reference grids (files read by path, any grid of the same columns).
function gridDeviation(): { erlangC: number; erlangA: number } | null {
  const read = (file: string) => {
    const full = path.join(referenceFolder, file);
    if (!fs.existsSync(full)) return null;
    const [header, ...lines] = fs.readFileSync(full, 'utf8').trim().split(/\r?\n/);
    const names = header.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], Number(v)])));
  };
  const c = read('erlang_c_reference_grid.csv');
  const a = read('erlang_a_reference_grid.csv');
  if (!c || !a) return null;
  let worstC = 0;
  for (const r of c) {
    const m = erlangC((r.calls_per_interval * r.aht_sec) / (r.interval_min * 60), r.agents, r.aht_sec, 20);
    worstC = Math.max(
      worstC,
      Math.abs(m.waitProbability - r.erlang_c_pwait),
      Math.abs(m.serviceLevel - r.sl_20s),
      Math.abs(m.asaSeconds - r.asa_sec),
    );
  }
  let worstA = 0;
  for (const r of a) {
    const m = erlangA(
      (r.calls_per_interval * r.aht_sec) / (r.interval_min * 60),
      r.agents,
      r.aht_sec,
      r.patience_sec,
      20,
    );
    worstA = Math.max(
      worstA,
      Math.abs(m.waitProbability - r.p_wait),
      Math.abs(m.abandonment - r.p_abandon),
      Math.abs(m.serviceLevel - r.sl_20s_all_arrivals),
      Math.abs(m.asaSeconds - r.asa_all_sec),
    );
  }
  return { erlangC: worstC, erlangA: worstA };
}

console.log(
  JSON.stringify(
    {
      erlangC: {
        searches,
        loads: [minLoad, maxLoad],
        searchesPerSecond: erlangCTimed.perSecond.map(round),
        median: round(median(erlangCTimed.perSecond)),
        minimalityChecked: checked,
        minimalityViolations: violations,
      },
      erlangA: {
        searches: erlangACases.length,
        searchesPerSecond: round(erlangATimed.perSecond[0]),
        minimalityViolations: erlangAViolations,
      },
      erlangCLarge: {
        searches: largeCases.length,
        loads: [1500, 2500],
        searchesPerSecond: round(largeTimed.perSecond[0]),
      },
      chat: { searches: chatSearches, searchesPerSecond: round(chatPerSecond) },
      deferredWeek: {
        slots: week.length,
        deadlineSlots: 48,
        peakAgents: deferred.peakAgents,
        milliseconds: Math.round(deferredMs * 100) / 100,
      },
      referenceGridWorstAbsoluteError: gridDeviation(),
    },
    null,
    1,
  ),
);
