import type { AgentName } from './agent-name';
import { shiftView } from './roster-view';
import type { RosterShift } from './roster.repository';
import type { RosterWeek } from './roster-week';
import type { ShiftTemplate } from './shift-template.repository';

const sameShift = (a: RosterShift, b: RosterShift) =>
  a.shiftTemplateId === b.shiftTemplateId &&
  a.startMinutes === b.startMinutes &&
  a.lengthMinutes === b.lengthMinutes &&
  a.skill === b.skill;

/** Agent-days that differ between two versions (a shift added, removed or changed). */
export function rosterDiff(
  week: RosterWeek,
  from: RosterShift[],
  to: RosterShift[],
  templates: ShiftTemplate[],
  agents: AgentName[],
  visible?: Set<string>,
) {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const names = new Map(agents.map((a) => [a.id, a]));
  const before = new Map(from.map((s) => [`${s.agentId}/${s.day}`, s]));
  const after = new Map(to.map((s) => [`${s.agentId}/${s.day}`, s]));
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .filter((k) => {
      const a = before.get(k);
      const b = after.get(k);
      return !a || !b || !sameShift(a, b);
    })
    .map((k) => {
      const s = (before.get(k) ?? after.get(k))!;
      const a = before.get(k);
      const b = after.get(k);
      return {
        agentId: s.agentId,
        employeeNo: names.get(s.agentId)?.employeeNo ?? null,
        name: names.get(s.agentId)?.name ?? null,
        date: s.localDate,
        change: !a ? 'added' : !b ? 'removed' : 'changed',
        from: a ? shiftView(week, a, byId.get(a.shiftTemplateId)) : null,
        to: b ? shiftView(week, b, byId.get(b.shiftTemplateId)) : null,
      };
    })
    .filter((c) => !visible || visible.has(c.agentId))
    .sort((x, y) =>
      x.date === y.date ? (x.employeeNo ?? '').localeCompare(y.employeeNo ?? '') : x.date.localeCompare(y.date),
    );
}
