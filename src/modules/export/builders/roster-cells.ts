import type { rosterView } from 'src/modules/roster/roster-view';
import type { CellLook, ExportRow } from '../workbook/export-sheet';

export type RosterJson = ReturnType<typeof rosterView>;

const WORDS = {
  zh: { off: '休', leave: '假', warning: '提示', infeasible: '无法满足', violation: '违反规则', breakWord: '休息', training: '培训' },
  en: { off: 'Off', leave: 'Leave', warning: 'warning', infeasible: 'cannot be met', violation: 'rule broken', breakWord: 'break', training: 'training' },
};
const OFF_FILL = 'FFEDEDED';
const LEAVE_FILL = 'FFFFEB9C';

const clock = (local: string) => local.slice(11, 16);
const argb = (hex: string | null) => (hex && /^#[0-9a-f]{6}$/i.test(hex) ? `FF${hex.slice(1).toUpperCase()}` : undefined);

/** One grid row per agent (shift code, hours and breaks per day), the cell colours, and the warnings. */
export function rosterCells(roster: RosterJson, lang: 'zh' | 'en') {
  const words = WORDS[lang];
  const looks = new Map<string, CellLook>();
  const rows: ExportRow[] = roster.agents.map((agent) => {
    const row: ExportRow = { agentId: agent.agentId, employeeNo: agent.employeeNo, name: agent.name };
    let minutes = 0;
    let shifts = 0;
    agent.days.forEach((day, d) => {
      const key = `d${d}`;
      if (!day.shift) {
        row[key] = day.absence === 'leave' ? words.leave : words.off;
        looks.set(`${agent.agentId}/${key}`, { fill: day.absence === 'leave' ? LEAVE_FILL : OFF_FILL });
        return;
      }
      const s = day.shift;
      const breaks = s.breaks.map((b) => `${b.name === 'meal' ? (lang === 'zh' ? '餐' : 'meal') : words.breakWord} ${clock(b.start.local)}`);
      const training = s.activities.map((a) => `${words.training} ${clock(a.start.local)}`);
      row[key] = [`${s.code ?? '?'} ${clock(s.start.local)}–${clock(s.end.local)}`, ...breaks, ...training].join(' · ');
      const fill = argb(s.colour);
      if (fill) looks.set(`${agent.agentId}/${key}`, { fill });
      shifts++;
      minutes += s.lengthMinutes - s.breaks.reduce((sum, b) => sum + b.minutes, 0);
    });
    return { ...row, shifts, minutes };
  });
  const names = new Map(roster.agents.map((a) => [a.agentId, a.name]));
  const listed = (kind: string, list: { rule: string; agentIds: string[]; dates: string[]; detail: string }[]) =>
    list.map((v) => ({ kind, rule: v.rule, dates: v.dates.join(', '), agents: v.agentIds.map((id) => names.get(id) ?? id).join(', '), detail: v.detail }));
  const warnings: ExportRow[] = [
    ...roster.warnings.map((w) => ({ kind: words.warning, rule: null, dates: null, agents: null, detail: w })),
    ...listed(words.infeasible, roster.infeasibilities),
    ...listed(words.violation, roster.violations),
  ];
  return { rows, looks, warnings };
}
