import type { rosterView } from 'src/modules/roster/roster-view';
import { CELL_WORDS, shiftCellText } from 'src/modules/roster/import/shift-cell';
import { labelOf } from 'src/platform/i18n/texts';
import { RosterRuleLabels } from 'src/modules/roster/import/roster-rule-labels';
import type { CellLook, ExportLanguage, ExportRow } from 'src/modules/export/workbook/export-sheet';

export type RosterJson = ReturnType<typeof rosterView>;
type RosterShiftJson = NonNullable<RosterJson['agents'][number]['days'][number]['shift']>;

const WORDS = {
  zh: { warning: '提示', infeasible: '无法满足', violation: '违反规则', list: '、' },
  en: { warning: 'warning', infeasible: 'cannot be met', violation: 'rule broken', list: ', ' },
};
const OFF_FILL = 'FFEDEDED';
/** Keys of the rest columns of the shift list: rest1, rest2 … */
export const REST_KEY = 'rest';
const LEAVE_FILL = 'FFFFEB9C';

const clock = (local: string) => local.slice(11, 16);
const argb = (hex: string | null) =>
  hex && /^#[0-9a-f]{6}$/i.test(hex) ? `FF${hex.slice(1).toUpperCase()}` : undefined;

/** Minutes the contract counts: the shift less its unpaid breaks (paid rest is worked time). */
export const paidMinutes = (s: RosterShiftJson) =>
  s.lengthMinutes - s.breaks.filter((b) => !b.paid).reduce((sum, b) => sum + b.minutes, 0);

/** The grid cell: template code and times, then breaks and training, one a line. */
export const gridCellText = (s: RosterShiftJson, lang: ExportLanguage) =>
  shiftCellText(
    {
      template: s.code ?? s.name ?? '?',
      start: clock(s.start.local),
      end: clock(s.end.local),
      breaks: s.breaks.map((b) => ({ meal: b.name === 'meal', start: clock(b.start.local) })),
      training: s.activities.map((a) => clock(a.start.local)),
    },
    lang,
  );

/** One grid row per agent (shift text per day), the cell colours, one row per shift, and the warnings. */
export function rosterCells(roster: RosterJson, lang: ExportLanguage, teams: Map<string, string>) {
  const words = { ...WORDS[lang], ...CELL_WORDS[lang] };
  const looks = new Map<string, CellLook>();
  const shifts: ExportRow[] = [];
  const rows: ExportRow[] = roster.agents.map((agent) => {
    const row: ExportRow = { agentId: agent.agentId, employeeNo: agent.employeeNo, name: agent.name };
    let minutes = 0;
    let count = 0;
    agent.days.forEach((day, d) => {
      const key = `d${d}`;
      // Leave over part of a day is written with its times ("假 14:00–18:00"), under the shift if there is one.
      const leaveLines = day.leave
        .filter((l) => !(l.start === '00:00' && l.end === '24:00'))
        .map((l) => `${words.leave} ${l.start}–${l.end}`);
      if (!day.shift) {
        row[key] = day.absence === 'leave' ? leaveLines.join('\n') || words.leave : words.off;
        looks.set(`${agent.agentId}/${key}`, { fill: day.absence === 'leave' ? LEAVE_FILL : OFF_FILL });
        return;
      }
      const s = day.shift;
      row[key] = [gridCellText(s, lang), ...leaveLines].join('\n');
      const fill = argb(s.colour);
      if (fill) looks.set(`${agent.agentId}/${key}`, { fill });
      count++;
      minutes += paidMinutes(s);
      shifts.push({
        employeeNo: agent.employeeNo,
        name: agent.name,
        team: (agent.teamId && teams.get(agent.teamId)) ?? null,
        date: day.date,
        shift: [s.code, s.name].filter(Boolean).join(' '),
        start: s.start,
        end: s.end,
        paidMinutes: paidMinutes(s),
        mealStart: s.breaks.find((b) => b.name === 'meal')?.start ?? null,
        // Each rest its own time cell (rest1, rest2 …), so every one sorts and sums as a time.
        ...Object.fromEntries(
          s.breaks.filter((b) => b.name !== 'meal').map((b, i) => [`${REST_KEY}${i + 1}`, b.start]),
        ),
        training:
          s.activities.map((a) => `${a.title} ${clock(a.start.local)}–${clock(a.end.local)}`).join(words.list) || null,
      });
    });
    return { ...row, shifts: count, minutes };
  });
  const names = new Map(roster.agents.map((a) => [a.agentId, a.name]));
  // Rules by their names in the export's language; the solver's own detail is English, so only English gets it.
  // One row per day a rule concerns, the day a date cell (a rule of the whole week has none).
  const listed = (kind: string, list: { rule: string; agentIds: string[]; dates: string[]; detail: string }[]) =>
    list.flatMap((v) =>
      (v.dates.length ? v.dates : [null]).map((date) => ({
        kind,
        rule: labelOf(RosterRuleLabels, v.rule)[lang],
        date,
        agents: v.agentIds.map((id) => names.get(id) ?? id).join(words.list),
        detail: lang === 'en' ? v.detail : null,
      })),
    );
  const warnings: ExportRow[] = [
    ...roster.warnings.map((w) => ({
      kind: words.warning,
      rule: null,
      date: null,
      agents: null,
      detail: warningText(w, lang),
    })),
    ...listed(words.infeasible, roster.infeasibilities),
    ...listed(words.violation, roster.violations),
  ];
  return { rows, looks, shifts, warnings };
}

/**
 * A warning as the view gives it: in the reader's language, or a text of both. Rosters solved
 * before warnings were texts kept them in English only; a Chinese export says so instead.
 */
function warningText(w: unknown, lang: ExportLanguage): string {
  if (w && typeof w === 'object' && lang in w) return String((w as Record<string, unknown>)[lang]);
  const text = String(w);
  return lang === 'zh' && !/[\u3400-\u9fff]/.test(text) ? LEGACY_WARNING_ZH : text;
}

const LEGACY_WARNING_ZH = '生成排班时的提示（只有英文原文，请查看英文导出）';
