import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import type { AppError } from 'src/platform/errors/problem';
import { say } from 'src/platform/i18n/request-locale';
import { labelOf } from 'src/platform/i18n/texts';
import type { EditRosterBody, ShiftChange } from './roster.dto';
import { RosterInputReads } from './roster-input.reads';
import type { LeaveRow } from './roster-leave';
import { Roster, RosterRepository, RosterShift, RosterVersion } from './roster.repository';
import { RosterReading } from './roster-reading.service';
import { assignmentOf } from './roster-view';
import { RosterWeek } from './roster-week';
import { RosterProblemService } from './roster-problem.service';
import { ruleKey } from './roster-violations';
import { RosterProblems } from './roster.problems';
import { RosterRefusals } from './roster-refusals';
import { RosterStates } from './roster.texts';
import { applyChanges } from './roster-edit-apply';
import { ShiftTemplateService } from './shift-template.service';
import { compileRoster, evaluateRoster, RosterEvaluation, RosterProblem, RosterRuleViolation } from './solver';

/**
 * Approved leave re-read for these agents, plus leave not stored yet (a request checked before it
 * is granted); `published`: judge the newest published version, not a pending draft above it.
 */
export type LeaveOptions = { leaveOf?: string[]; addLeave?: LeaveRow[]; published?: boolean };
/** A stored change may say why it was made: the note of the version it creates. */
export type ChangeOptions = LeaveOptions & { note?: string };

/** A rule the changes would add, with the local dates of its days. */
export type BrokenRule = RosterRuleViolation & { dates: (string | null)[] };
/** What `RosterEditing.check` answers: the rules added, the week, and the version judged (newest) scored before and after. */
export type CheckedChanges = {
  broken: BrokenRule[];
  week: RosterWeek;
  latest: RosterVersion;
  before: RosterEvaluation;
  after: RosterEvaluation;
};
/** A judgement with what storing it needs: the version's shifts after the changes and the problem with their locks lifted. */
export type JudgedChanges = CheckedChanges & { edited: RosterShift[]; unlocked: RosterProblem };

/**
 * Manual edits of a roster: checked with the solver's own rule checker (a rule the edit breaks
 * answers 400 and nothing is stored), re-scored, and saved into the newest draft, or into a new
 * draft version when the newest is published. Edited agent-days are no longer held by a lock.
 */
@Injectable()
export class RosterEditing {
  constructor(
    private readonly db: Db,
    private readonly rosters: RosterRepository,
    private readonly templates: ShiftTemplateService,
    private readonly input: RosterInputReads,
    private readonly reading: RosterReading,
    private readonly problems: RosterProblemService,
  ) {}

  async edit(actor: Actor, id: string, body: EditRosterBody) {
    await this.db.transaction(() => this.store(actor, id, body));
    return this.reading.get(actor, id);
  }

  /**
   * For other modules (self-service time off, swaps, open shifts): what the changes would do to the
   * roster's newest version, checked exactly as a manager's edit is, without storing anything.
   * `broken` lists the rules the changes add (with local dates); `leaveOf` re-reads approved leave
   * of those agents first (leave granted after the week was solved lowers their contract minimum).
   */
  async check(shopId: string, id: string, changes: ShiftChange[], options: LeaveOptions = {}): Promise<CheckedChanges> {
    const roster = await this.rosters.find(shopId, id);
    if (!roster) throw RosterProblems.notFound();
    return this.checked(shopId, roster, changes, options);
  }

  /** The edit stored in the open transaction (the roster row locked); nothing returned, the caller reads what it needs. */
  async store(actor: Actor, id: string, body: EditRosterBody, options: ChangeOptions = {}): Promise<void> {
    const roster = await this.rosters.lock(actor.shopId, id);
    if (!roster) throw RosterProblems.notFound();
    if (roster.status !== 'completed')
      throw RosterProblems.notSolvedForEdit(
        { state: labelOf(RosterStates, roster.status) },
        { extra: { state: roster.status } },
      );
    if (body.expectedRevision !== roster.revision) {
      throw RosterProblems.staleRevision(
        { revision: roster.revision },
        { extra: { currentRevision: roster.revision } },
      );
    }
    const { broken, week, latest, edited, unlocked, after } = await this.checked(
      actor.shopId,
      roster,
      body.changes,
      options,
    );
    if (broken.length > 0) throw await this.refusal(actor.shopId, unlocked, broken, body.changes, week, edited);
    const scored: Pick<RosterEvaluation, 'objective' | 'violations' | 'coverage' | 'dayCoverage'> = after;
    let versionId = latest.id;
    if (latest.status !== 'draft') {
      versionId = (
        await this.rosters.insertVersion({
          shopId: actor.shopId,
          rosterId: id,
          version: latest.version + 1,
          status: 'draft',
          evaluation: { ...scored },
          note: options.note ?? null,
          createdBy: actor.userId,
        })
      ).id;
    } else {
      await this.rosters.updateVersion(latest.id, { evaluation: { ...scored } });
    }
    await this.rosters.replaceShifts(actor.shopId, versionId, edited);
    await this.rosters.update(id, {
      problem: unlocked as unknown as Record<string, unknown>,
      revision: roster.revision + 1,
    });
  }

  private async checked(shopId: string, roster: Roster, changes: ShiftChange[], options: LeaveOptions) {
    return (await this.weekOf(shopId, roster, options))(changes);
  }

  /**
   * For checking many alternative changes of one roster (intraday suggestions): the week is read
   * once and each change set is judged against it in memory, exactly as `check` judges it alone.
   */
  async checker(
    shopId: string,
    id: string,
    options: LeaveOptions = {},
  ): Promise<(changes: ShiftChange[]) => Promise<CheckedChanges>> {
    const roster = await this.rosters.find(shopId, id);
    if (!roster) throw RosterProblems.notFound();
    return this.weekOf(shopId, roster, options);
  }

  /** A judge of changes against one given version (a published one beside a pending draft, or the draft). */
  judgeOn(
    shopId: string,
    roster: Roster,
    versionId: string,
    options: LeaveOptions = {},
  ): Promise<(changes: ShiftChange[]) => Promise<JudgedChanges>> {
    return this.weekOf(shopId, roster, options, versionId);
  }

  /** The roster's week as it is now, read once, and a judge of changes against it (see `checked`). */
  private async weekOf(shopId: string, roster: Roster, options: LeaveOptions, versionId?: string) {
    const stored = roster.problem as unknown as RosterProblem;
    const week = new RosterWeek(roster.weekStart, stored.horizon.timeZone, stored.horizon.days);
    // The weeks around it and booked training as they are now: an edit must keep their rules too.
    let problem = await this.problems.upToDate(shopId, stored, week);
    if (options.leaveOf?.length)
      problem = await this.problems.withLeaveNow(shopId, problem, week, options.leaveOf, options.addLeave);
    const versions = await this.rosters.versions(roster.id);
    const published = options.published ? versions.filter((v) => v.status === 'published').pop() : undefined;
    const latest = versions.find((v) => v.id === versionId) ?? published ?? versions[versions.length - 1];
    const current = await this.rosters.shifts(latest.id);
    const byCode = new Map((await this.templates.all(shopId)).map((t) => [t.code, t]));
    // The version before the changes, scored once per set of locks the changes lift (usually none).
    const scoredBefore = new Map<
      string,
      { unlocked: RosterProblem; compiled: ReturnType<typeof compileRoster>; before: RosterEvaluation }
    >();
    return async (changes: ShiftChange[]) => {
      const edited = applyChanges(byCode, problem, week, current, changes);
      const touched = new Set(changes.map((c) => `${c.agentId}/${week.dayOf(c.date)}`));
      const lifted = (problem.locked ?? []).filter((l) => touched.has(`${l.agentId}/${l.day}`));
      const key = lifted.map((l) => `${l.agentId}/${l.day}`).join(' ');
      let known = scoredBefore.get(key);
      if (!known) {
        const unlocked: RosterProblem = {
          ...problem,
          locked: (problem.locked ?? []).filter((l) => !touched.has(`${l.agentId}/${l.day}`)),
        };
        // Compiled once: every change set on these locks is scored against the same week.
        const compiled = compileRoster(unlocked);
        known = { unlocked, compiled, before: evaluateRoster(unlocked, current.map(assignmentOf), compiled) };
        scoredBefore.set(key, known);
      }
      const { unlocked, compiled, before } = known;
      const had = new Set(before.violations.map(ruleKey));
      const after = evaluateRoster(unlocked, edited.map(assignmentOf), compiled);
      const broken = [...after.violations, ...(await this.tooManyDays(shopId, problem, changes, current, edited))]
        .filter((v) => !had.has(ruleKey(v)))
        .map((v) => ({ ...v, dates: v.days.map((d) => week.dates[d] ?? null) }));
      return { broken, week, latest, edited, unlocked, before, after };
    };
  }

  /**
   * The contract's most days a week, for rosters solved before the solver's model had it
   * (`maxWorkDays`, checked by `evaluateRoster` as `max-work-days`); an edit must not add a day beyond it.
   */
  private async tooManyDays(
    shopId: string,
    problem: RosterProblem,
    changes: ShiftChange[],
    current: RosterShift[],
    edited: RosterShift[],
  ): Promise<RosterRuleViolation[]> {
    const modelled = new Set(problem.agents.filter((a) => a.contract.maxWorkDays !== undefined).map((a) => a.id));
    const ids = [...new Set(changes.map((c) => c.agentId))].filter((id) => !modelled.has(id));
    if (ids.length === 0) return [];
    const maxDays = await this.input.maxDaysPerWeek(shopId, ids);
    const days = (list: RosterShift[], id: string) => list.filter((s) => s.agentId === id).map((s) => s.day);
    return ids
      .filter((id) => maxDays.has(id) && days(edited, id).length > Math.max(maxDays.get(id)!, days(current, id).length))
      .map((id) => ({
        rule: 'max-days-per-week',
        agentIds: [id],
        days: days(edited, id).sort((a, b) => a - b),
        detail: `${id} may work at most ${maxDays.get(id)} days a week`,
        facts: { count: days(edited, id).length, limit: maxDays.get(id)! },
      }));
  }

  /** 400 naming each broken rule (agent, date, shift, the rule with its numbers), pointing at the change that broke it. */
  async refusal(
    shopId: string,
    problem: RosterProblem,
    broken: RosterRuleViolation[],
    changes: ShiftChange[],
    week: RosterWeek,
    edited: RosterShift[],
  ): Promise<AppError> {
    const words = await this.wording(shopId, problem, week, edited);
    // The summary names first a rule broken on the edited days alone (leave on the day set), before
    // one that also takes in a neighbouring day's shift: that is the rule the edit itself breaks.
    const changed = new Set(changes.map((c) => `${c.agentId}/${week.dayOf(c.date)}`));
    const onChangedDays = (v: RosterRuleViolation) =>
      v.days.length > 0 && v.days.every((d) => v.agentIds.some((a) => changed.has(`${a}/${d}`)));
    broken = [...broken.filter(onChangedDays), ...broken.filter((v) => !onChangedDays(v))];
    const indexOf = (v: RosterRuleViolation) => {
      const mine = changes.map((c, i) => ({ c, i })).filter(({ c }) => v.agentIds.includes(c.agentId));
      return (mine.find(({ c }) => v.days.includes(week.dayOf(c.date))) ?? mine[0])?.i;
    };
    const described = broken.map((v) => words.describe(v));
    const errors = broken.map((v, k) => {
      const i = indexOf(v);
      return { field: i === undefined ? 'changes' : `changes.${i}`, message: described[k], code: v.rule, in: 'body' };
    });
    return RosterProblems.editBreaksRules(
      { count: broken.length, first: described[0] },
      {
        errors,
        extra: {
          violations: broken.map((v, k) => ({
            rule: v.rule,
            agentIds: v.agentIds,
            days: v.days,
            dates: v.days.map((d) => week.dates[d] ?? null),
            facts: v.facts ?? {},
            detail: say(described[k]),
          })),
        },
      },
    );
  }

  /** How refusals name the agents, shifts and skills of this roster (the edited shifts for the agent-day named). */
  async wording(
    shopId: string,
    problem: RosterProblem,
    week: RosterWeek,
    shifts: RosterShift[],
  ): Promise<RosterRefusals> {
    const [agents, templates, skillNames] = await Promise.all([
      this.input.names(
        shopId,
        problem.agents.map((a) => a.id),
      ),
      this.templates.all(shopId),
      this.input.skillNames(shopId),
    ]);
    return new RosterRefusals({ week, agents, templates, shifts, skillNames });
  }
}
