import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { fillText, text } from 'src/platform/i18n/locale';
import { say } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import { clockAt, todayIn, wallClockAt } from 'src/platform/time/shop-calendar';
import type { ScheduledShift } from 'src/modules/adherence/engine/adherence';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { RosterEditing } from 'src/modules/roster/roster-editing.service';
import { RosterPublishing } from 'src/modules/roster/roster-publishing.service';
import type { ShiftChange } from 'src/modules/roster/roster.dto';
import { AgentOptions, Effect, effectOf, rankSuggestions, Suggestion, TemplateOption } from './engine/suggestions';
import { projectRest, restServiceLevel } from './engine/live-day';
import { IntradayDayService, LiveDay } from './intraday-day.service';
import type { AcceptSuggestionBody, LiveViewQuery } from './intraday.dto';
import { IntradayProblems } from './intraday.problems';
import { IntradayReads, TemplateRules } from './intraday.reads';
import { SuggestionKinds, SuggestionTexts } from './intraday.texts';
import { changeOfSuggestion, clockNamesShift, shiftOfChange, SuggestionDay } from './suggested-shift';

/** Suggestions offered at most, and roster checks made at most to find them. */
const OFFERED = 6;
const CHECKED = 20;
const START_STEP = 15;

const percent = (v: number | null) => (v === null ? text('no data', '无数据') : `${(v * 100).toFixed(1)} %`);
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);

/** Whether a change is what its kind says about the agent's shift of the day (a supervisor may only move breaks). */
function fits(body: AcceptSuggestionBody, option: AgentOptions | undefined, clock: (ms: number) => string): boolean {
  const shift = option?.shift;
  const c = body.change;
  if (body.kind === 'overtime') return !shift && !option?.busyElsewhere && c.shiftTemplate !== null;
  if (!shift) return false;
  if (body.kind === 'release') return c.shiftTemplate === null;
  const sameTemplate = c.shiftTemplate === shift.template.code;
  if (body.kind === 'move-break')
    return sameTemplate && (c.start ?? clock(shift.from)) === clock(shift.from) && (c.breaks?.length ?? 0) > 0;
  return sameTemplate && c.start !== undefined && c.start < clock(shift.from);
}

/**
 * Suggestions for the rest of a queue's day (`GET /intraday/suggestions`) and accepting one
 * (`POST /intraday/suggestions/accept`): the change is published as the roster's next version,
 * through the roster's own checks, with a note saying what and why.
 */
@Injectable()
export class IntradaySuggestionService {
  constructor(
    private readonly db: Db,
    private readonly days: IntradayDayService,
    private readonly repository: IntradayReads,
    private readonly editing: RosterEditing,
    private readonly publishing: RosterPublishing,
    private readonly scope: AgentScope,
  ) {}

  async suggestions(actor: Actor, query: LiveViewQuery) {
    const day = await this.days.read(actor, query.queue, query.date);
    this.refusePast(day);
    const templates = this.templateOptions(day, await this.repository.templates(actor.shopId));
    const rosters = await this.repository.weekRosters(
      actor.shopId,
      day.weekStart,
      day.agents.map((a) => a.id),
    );
    const options = this.agentOptions(day, templates).filter((o) => rosters.has(o.agentId));
    const ranked = rankSuggestions(day.realTime, day.slots, day.days, options, [...templates.values()], day.now);
    const offered: ReturnType<IntradaySuggestionService['present']>[] = [];
    // Each roster's week is read once; every candidate on it is judged in memory against that.
    const checkers = new Map<string, ReturnType<RosterEditing['checker']>>();
    const onClock = this.suggestionDay(day);
    for (const s of ranked.slice(0, CHECKED)) {
      if (offered.length >= OFFERED) break;
      const roster = rosters.get(s.agentId)!;
      const template = [...templates.values()].find((t) => t.code === s.template);
      if (template && !clockNamesShift(onClock, template, s)) continue;
      const change = changeOfSuggestion(onClock, s);
      if (!checkers.has(roster.rosterId))
        checkers.set(roster.rosterId, this.editing.checker(actor.shopId, roster.rosterId, { published: true }));
      const { broken } = await (await checkers.get(roster.rosterId)!)([change]);
      if (broken.length === 0) offered.push(this.present(day, s, change, roster, template?.name));
    }
    const baseline = projectRest(day.realTime, day.slots, day.days, day.now);
    return {
      queue: { id: day.queue.id, code: day.queue.code, name: day.queue.name },
      date: day.date,
      asOf: new Date(day.now).toISOString(),
      restOfDay: { serviceLevel: round(restServiceLevel(day.slots, baseline)) },
      suggestions: offered,
    };
  }

  async accept(actor: Actor, body: AcceptSuggestionBody) {
    const day = await this.days.read(actor, body.queue, body.date);
    this.refusePast(day);
    const agent = day.agents.find((a) => a.id === body.change.agentId);
    if (!agent || !(await this.scope.canSee(actor, agent.id)))
      throw IntradayProblems.agentNotOnQueue.at('change.agentId', { queue: day.queue.name });
    if (actor.role === 'supervisor' && body.kind !== 'move-break') throw IntradayProblems.supervisorBreaksOnly();
    const roster = (await this.repository.weekRosters(actor.shopId, day.weekStart, [agent.id])).get(agent.id);
    if (!roster) throw IntradayProblems.notOnRoster({ agent: agent.name, date: day.date });
    if (roster.rosterId !== body.rosterId || roster.revision !== body.expectedRevision)
      throw IntradayProblems.staleSuggestion({ agent: agent.name });
    const templates = this.templateOptions(day, await this.repository.templates(actor.shopId));
    const option = this.agentOptions(day, templates).find((o) => o.agentId === agent.id);
    if (!fits(body, option, (ms) => clockAt(new Date(ms), day.shop.timeZone)))
      throw IntradayProblems.kindMismatch.at('change', {
        kind: labelOf(SuggestionKinds, body.kind),
        agent: agent.name,
        date: day.date,
      });
    const template =
      body.change.shiftTemplate === null
        ? null
        : [...templates.values()].find((t) => t.code === body.change.shiftTemplate);
    const shift = template
      ? shiftOfChange(this.suggestionDay(day), template, body.change, option?.shift?.training ?? [])
      : null;
    const suggestion: Suggestion = {
      kind: body.kind,
      agentId: agent.id,
      shift,
      replaces: option?.shift ?? null,
      template: body.change.shiftTemplate,
      effect: effectOf(
        day.realTime,
        day.slots,
        day.days,
        { agentId: agent.id, shift, replaces: option?.shift ?? null },
        day.now,
      ),
      gain: 0,
    };
    const what = this.describe(day, suggestion, option?.shift ?? null, template?.name);
    const note = say(
      fillText(SuggestionTexts.note, {
        queue: day.queue.name,
        date: day.date,
        what,
        before: percent(suggestion.effect.restOfDay.before),
        after: percent(suggestion.effect.restOfDay.after),
      }),
    );
    const published = await this.db.transaction(async () => {
      if ((await this.repository.lockedRevision(actor.shopId, roster.rosterId)) !== body.expectedRevision)
        throw IntradayProblems.staleSuggestion({ agent: agent.name });
      return this.publishing.publishChanges(actor, roster.rosterId, [{ ...body.change, date: day.date }], { note });
    });
    return { rosterId: published.rosterId, version: published.to, note, effect: this.effectView(suggestion.effect) };
  }

  private suggestionDay(day: LiveDay): SuggestionDay {
    return { date: day.date, timeZone: day.shop.timeZone, skill: day.skill };
  }

  private refusePast(day: LiveDay): void {
    if (day.date < todayIn(day.shop.timeZone, new Date(day.now))) throw IntradayProblems.dayOver({ date: day.date });
  }

  /** Each template with the starts it allows on the day (a start window on the quarter-hour grid). */
  private templateOptions(
    day: LiveDay,
    rows: TemplateRules[],
  ): Map<string, TemplateOption & { id: string; name: string; windowed: boolean }> {
    const at = (minutes: number) => wallClockAt(day.date, minutes, day.shop.timeZone).getTime();
    return new Map(
      rows.map((t) => {
        const starts: number[] = [];
        if (t.startMinutes !== null) starts.push(at(t.startMinutes));
        else for (let m = t.startEarliest!; m <= t.startLatest!; m += START_STEP) starts.push(at(m));
        const breaks = t.breaks.map((b) => ({
          name: b.name,
          minutes: b.minutes,
          earliestAfterMinutes: b.earliestStartAfterMinutes,
          latestAfterMinutes: b.latestStartAfterMinutes,
          minShiftMinutes: b.minShiftMinutes,
        }));
        return [
          t.id,
          {
            id: t.id,
            code: t.code,
            name: t.name,
            windowed: t.startMinutes === null,
            starts: t.archivedAt ? [] : starts,
            lengthMinutes: t.lengthMinutes,
            breaks,
          },
        ];
      }),
    );
  }

  /** Agents of the queue's skill with their shift of the day on the queue (or none), as the engine reads them. */
  private agentOptions(day: LiveDay, templates: Map<string, TemplateOption>): AgentOptions[] {
    return day.agents.map((a) => {
      const own = day.shifts.filter((s) => s.agentId === a.id && s.date === day.date);
      const onQueue = own.find((s) => !day.skill || s.skill === day.skill);
      const scheduled =
        onQueue && day.days.find((d) => d.agentId === a.id)!.shifts.find((s) => s.from === onQueue.startsAt.getTime());
      const template = onQueue && templates.get(onQueue.shiftTemplateId);
      return {
        agentId: a.id,
        shift: scheduled && template ? { ...scheduled, template } : null,
        busyElsewhere: own.length > 0 && !onQueue,
      };
    });
  }

  private present(
    day: LiveDay,
    s: Suggestion,
    change: ShiftChange,
    roster: { rosterId: string; revision: number },
    shiftName?: string,
  ) {
    const agent = day.agents.find((a) => a.id === s.agentId)!;
    return {
      kind: s.kind,
      agent: { id: agent.id, name: agent.name, employeeNo: agent.employeeNo },
      description: say(this.describe(day, s, s.replaces, shiftName)),
      rosterId: roster.rosterId,
      expectedRevision: roster.revision,
      change,
      effect: this.effectView(s.effect),
    };
  }

  private effectView(e: Effect) {
    return {
      restOfDay: { before: round(e.restOfDay.before), after: round(e.restOfDay.after) },
      slots: e.slots.map((x) => ({
        start: new Date(x.from).toISOString(),
        scheduledBefore: Math.round(x.scheduledBefore * 100) / 100,
        scheduledAfter: Math.round(x.scheduledAfter * 100) / 100,
        before: round(x.before),
        after: round(x.after),
      })),
    };
  }

  private describe(day: LiveDay, s: Suggestion, was: ScheduledShift | null, shiftName?: string) {
    const clock = (ms: number) => clockAt(new Date(ms), day.shop.timeZone);
    const agent = day.agents.find((a) => a.id === s.agentId)?.name ?? '';
    if (s.kind === 'release')
      return fillText(SuggestionTexts.release, {
        agent,
        from: was ? clock(was.from) : '',
        to: was ? clock(was.to) : '',
      });
    if (s.kind === 'overtime')
      return fillText(SuggestionTexts.overtime, {
        agent,
        shift: shiftName ?? s.template ?? '',
        from: clock(s.shift!.from),
        to: clock(s.shift!.to),
      });
    if (s.kind === 'early-start')
      return fillText(SuggestionTexts['early-start'], {
        agent,
        time: clock(s.shift!.from),
        was: was ? clock(was.from) : '',
      });
    const moved = s.shift!.breaks.find((b) => !was?.breaks.some((o) => o.from === b.from)) ?? s.shift!.breaks[0];
    return fillText(SuggestionTexts['move-break'], {
      agent,
      break: text('break', '休息'),
      time: moved ? clock(moved.from) : '',
    });
  }
}
