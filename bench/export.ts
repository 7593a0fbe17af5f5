/**
 * Export speed and memory: a 10,000-row monthly ranking and a 500-agent weekly roster, built by the
 * production workbook builders and streamed with the template's look. Each case runs in a fresh
 * process so its peak RSS is its own.   npx tsx bench/export.ts [--ranking-rows 10000] [--roster-agents 500]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rankingWorkbook, type RankingJson } from 'src/modules/export/builders/ranking.export';
import { rosterWorkbook } from 'src/modules/export/builders/roster.export';
import type { RosterJson } from 'src/modules/export/builders/roster-cells';
import { exportTemplatePath } from 'src/modules/export/export-templates';
import { readTemplateLooks } from 'src/modules/export/workbook/template-look';
import { writeExportWorkbook } from 'src/modules/export/workbook/workbook-writer';
import type { LedgerEntryView } from 'src/modules/ranking/ledger.service';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const shop = { code: 'bench', name: '基准店', currency: 'CNY', timeZone: 'Asia/Shanghai' };
const METRICS = [
  'orderConversion',
  'paymentRate',
  'serviceSales',
  'averageOrderValue',
  'firstResponseSeconds',
  'satisfaction',
  'qcScore',
  'complaints',
];

function ranking(rows: number): { ranking: RankingJson; ledger: LedgerEntryView[] } {
  const ranked = Array.from({ length: rows }, (_, i) => ({
    rank: i + 1,
    agentId: `a${i}`,
    agentName: `客服${i}`,
    employeeNo: `CS${String(i).padStart(5, '0')}`,
    teamId: `t${i % 50}`,
    teamName: `小组${i % 50}`,
    total: 100 - (i * 100) / rows,
    percentile: 100 - (i * 100) / rows,
    top: i < 3,
    bottom: i >= rows * 0.9,
    daysWorked: 22,
    inquiries: 800 + (i % 400),
    metrics: Object.fromEntries(
      METRICS.map((m, k) => [
        m,
        { value: m === 'serviceSales' ? 1_000_000 + i * 37 : ((i + k) % 100) / 100, points: (i * 7 + k) % 100 },
      ]),
    ),
  }));
  const ledger = ranked
    .filter((r) => r.top || r.bottom)
    .map((r) => ({
      id: `e${r.agentId}`,
      shopId: 's',
      agentId: r.agentId,
      month: '2026-11',
      kind: r.top ? 'bonus' : 'improvement_plan',
      amountCents: r.top ? 50_000 : 0,
      reason: r.top ? '月度前三奖励' : '末位改进计划',
      source: 'rule',
      rankingRunId: 'r',
      ruleIndex: 0,
      status: 'approved',
      createdBy: null,
      createdAt: new Date(),
      decidedBy: null,
      decidedAt: null,
      rank: r.rank,
      kindLabel: r.top ? '奖励' : '改进计划',
      statusLabel: '已批准',
      sourceLabel: '考核规则',
    })) as unknown as LedgerEntryView[];
  const run = {
    id: 'r',
    month: '2026-11',
    version: 1,
    status: 'approved',
    statusLabel: '已审批',
    scorecard: { metrics: METRICS.map((metric) => ({ metric, weight: 1 })) },
    ranked,
    ineligible: [],
  };
  return { ranking: run as unknown as RankingJson, ledger };
}

function roster(agents: number): RosterJson {
  const dates = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 10, 30 + d)).toISOString().slice(0, 10));
  const codes = [
    { code: 'E', colour: '#8BC34A', start: 8 },
    { code: 'M', colour: '#03A9F4', start: 11 },
    { code: 'L', colour: '#FF9800', start: 14 },
  ];
  const at = (date: string, hour: number) => ({
    utc: `${date}T${String(hour - 8 < 0 ? 0 : hour - 8).padStart(2, '0')}:00:00.000Z`,
    local: `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`,
  });
  const agentRows = Array.from({ length: agents }, (_, i) => ({
    agentId: `a${i}`,
    employeeNo: `CS${String(i).padStart(4, '0')}`,
    name: `客服${i}`,
    teamId: `t${i % 20}`,
    days: dates.map((date, d) => {
      if ((i + d) % 7 < 2) return { date, shift: null, absence: (i + d) % 31 === 0 ? 'leave' : 'day-off' };
      const c = codes[(i + d) % 3];
      return {
        date,
        absence: null,
        shift: {
          shiftTemplateId: c.code,
          code: c.code,
          name: c.code,
          colour: c.colour,
          skill: 'pre_sales',
          start: at(date, c.start),
          end: at(date, c.start + 9),
          lengthMinutes: 540,
          breaks: [{ name: 'meal', minutes: 60, start: at(date, c.start + 4) }],
          activities: [],
        },
      };
    }),
  }));
  const coverage = dates.flatMap((date, d) =>
    Array.from({ length: 48 }, (_, k) => ({
      skill: 'pre_sales',
      date,
      slot: k,
      start: `${date}T00:00:00.000Z`,
      local: `${date}T${String(Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}:00+08:00`,
      required: (k * 7 + d) % 60,
      scheduled: (k * 5 + d) % 60,
      away: 0,
      gap: ((k * 5 + d) % 60) - ((k * 7 + d) % 60),
    })),
  );
  return {
    weekStart: dates[0],
    version: { version: 1, status: 'published' },
    days: dates.map((date) => ({ date, hours: 24 })),
    agents: agentRows,
    coverage,
    dayCoverage: [],
    warnings: ['queue english_chat: no rostered agent has skill english; its demand is left out'],
    infeasibilities: [],
    violations: [],
  } as unknown as RosterJson;
}

async function runCase(kind: string): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'wfm-bench-export-'));
  const path = join(folder, `${kind}.xlsx`);
  try {
    // The service's JSON is made first; the timed part is what the export job does with it.
    const data =
      kind === 'ranking' ? ranking(Number(arg('ranking-rows', '10000'))) : roster(Number(arg('roster-agents', '500')));
    const started = process.hrtime.bigint();
    const workbook =
      'ledger' in data
        ? rankingWorkbook(shop, data.ranking, data.ledger, 'zh')
        : rosterWorkbook(shop, data, 'zh', { teams: new Map(), skills: new Map() });
    await writeExportWorkbook(path, workbook, 'zh', await readTemplateLooks(exportTemplatePath(kind)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(
      JSON.stringify({
        kind,
        seconds: Math.round(seconds * 1000) / 1000,
        peakRssMb,
        fileKb: Math.round(statSync(path).size / 1024),
      }),
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const child = process.argv.indexOf('--case');
if (child >= 0) {
  runCase(process.argv[child + 1]).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
} else {
  for (const kind of ['ranking', 'roster']) {
    const res = spawnSync(
      process.execPath,
      [...process.execArgv, __filename, '--case', kind, ...process.argv.slice(2)],
      { encoding: 'utf8' },
    );
    if (res.status !== 0) throw new Error(`${kind} failed: ${res.stderr}`);
    process.stdout.write(res.stdout);
  }
}
