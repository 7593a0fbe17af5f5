import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import type { DraftWarning } from 'src/platform/db/schema';
import { fillText, text, type Text } from 'src/platform/i18n/locale';
import { defineTexts } from 'src/platform/i18n/texts';
import { Notices } from 'src/modules/notification/notification.service';
import type { ShiftChange } from './roster.dto';
import { ChangeOptions, RosterEditing } from './roster-editing.service';
import { Roster, RosterRepository, RosterShift, RosterVersionHead } from './roster.repository';
import type { RosterRefusals } from './roster-refusals';
import type { RosterEvaluation } from './solver';

export const DraftTexts = defineTexts('roster.draft', {
  replaced: {
    en: '{date} {agent}: the approved change ({what}) is published and replaced this draft’s {had}; check the day before publishing',
    zh: '{date} {agent}：已批准的变更（{what}）已发布，并替换了本草稿中的{had}；发布前请核对该日',
  },
  notCarried: {
    en: '{date} {agent}: the approved change ({what}) is published but not carried into this draft, where it would break a rule: {why}. Publishing the draft as it is undoes it; decide the day first',
    zh: '{date} {agent}：已批准的变更（{what}）已发布，但未并入本草稿，因为在草稿中会违反规则：{why}。按原样发布草稿会撤销该变更，请先处理该日',
  },
  dayOff: { en: 'day off', zh: '休息' },
  told: {
    en: 'Your draft of the week of {week} (now version {version}) has {count} warning(s) from a change published beside it: {first}',
    zh: '您 {week} 这一周的排班草稿（现为第 {version} 版）因旁边发布的变更有 {count} 条提醒：{first}',
  },
});

const scored = (e: RosterEvaluation) => ({
  objective: e.objective,
  violations: e.violations,
  coverage: e.coverage,
  dayCoverage: e.dayCoverage,
});
const same = (a: RosterShift | undefined, b: RosterShift | undefined) =>
  a === b ||
  (!!a &&
    !!b &&
    a.shiftTemplateId === b.shiftTemplateId &&
    a.startMinutes === b.startMinutes &&
    a.lengthMinutes === b.lengthMinutes &&
    a.skill === b.skill);

/**
 * A self-service change published while the manager has a draft of the same week: the published
 * version gets it as its next version (checked as ever; a rule it breaks refuses it), and the same
 * change is carried into the draft, which stays the newest version (renumbered after it), so the
 * manager's later publication keeps it. Where a change would break a rule in the draft it is left
 * out of the draft, and where it replaced the draft's own shift of that agent-day, the draft gets
 * a warning naming agent, date and what happened (never a silent loss either way).
 */
@Injectable()
export class DraftCarrying {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly editing: RosterEditing,
    private readonly notices: Notices,
  ) {}

  /** Called with the roster row locked; `publish` publishes the new version by id. Answers the version numbers. */
  async publishBeside(
    actor: Actor,
    roster: Roster,
    published: RosterVersionHead,
    draft: RosterVersionHead & { warnings: DraftWarning[] },
    changes: ShiftChange[],
    options: ChangeOptions,
    publish: (versionId: string) => Promise<void>,
  ): Promise<{ rosterId: string; from: number; to: number }> {
    const onPublished = await this.editing.judgeOn(actor.shopId, roster, published.id, options);
    const judged = await onPublished(changes);
    const { week } = judged;
    if (judged.broken.length > 0)
      throw await this.editing.refusal(actor.shopId, judged.unlocked, judged.broken, changes, week, judged.edited);
    const onDraft = await this.editing.judgeOn(actor.shopId, roster, draft.id, options);
    const [drafted, before] = await Promise.all([this.rosters.shifts(draft.id), this.rosters.shifts(published.id)]);
    const at = (list: RosterShift[], c: ShiftChange) =>
      list.find((s) => s.agentId === c.agentId && s.day === week.dayOf(c.date));
    const words = await this.editing.wording(actor.shopId, judged.unlocked, week, [...judged.edited, ...drafted]);
    const carried: ShiftChange[] = [];
    const warnings: DraftWarning[] = [];
    // All at once when the draft can take them; else one by one, shifts taken away first (a swap's
    // day given before the day taken would count six days for a moment).
    const whole = (await onDraft(changes)).broken.length === 0;
    const order = [
      ...changes.filter((c) => c.shiftTemplate === null),
      ...changes.filter((c) => c.shiftTemplate !== null),
    ];
    for (const c of order) {
      const tried = whole ? { broken: [] } : await onDraft([...carried, c]);
      const facts = { date: c.date, agent: words.agent(c.agentId), what: this.what(words, judged.edited, c, week) };
      if (tried.broken.length === 0) {
        carried.push(c);
        const had = at(drafted, c);
        if (!same(had, at(before, c)) && !same(had, at(judged.edited, c)))
          warnings.push(
            this.warning('replaced', c, fillText(DraftTexts.replaced, { ...facts, had: this.name(words, had) })),
          );
      } else {
        const why = words.describe(tried.broken.find((v) => v.agentIds.includes(c.agentId)) ?? tried.broken[0]);
        warnings.push(this.warning('not-carried', c, fillText(DraftTexts.notCarried, { ...facts, why })));
      }
    }
    const onto = await onDraft(carried);
    // The draft moves up one number; the published change takes its place below it.
    await this.rosters.updateVersion(draft.id, { version: draft.version + 1 });
    const fresh = await this.rosters.insertVersion({
      shopId: actor.shopId,
      rosterId: roster.id,
      version: draft.version,
      status: 'draft',
      evaluation: scored(judged.after),
      note: options.note ?? null,
      createdBy: actor.userId,
    });
    await this.rosters.replaceShifts(actor.shopId, fresh.id, judged.edited);
    await this.rosters.update(roster.id, { problem: judged.unlocked as unknown as Record<string, unknown> });
    await publish(fresh.id);
    await this.rosters.replaceShifts(actor.shopId, draft.id, onto.edited);
    await this.rosters.updateVersion(draft.id, {
      evaluation: scored(onto.after),
      warnings: [...draft.warnings, ...warnings],
    });
    // The draft's author hears of it in the feed (the caller delivers to the robots after its commit).
    if (warnings.length > 0 && draft.createdBy)
      await this.notices.tellUsers(actor.shopId, [draft.createdBy], {
        kind: 'roster-published',
        subject: 'roster',
        subjectId: roster.id,
        message: fillText(DraftTexts.told, {
          week: roster.weekStart,
          version: draft.version + 1,
          count: warnings.length,
          first: warnings[0].message,
        }),
      });
    return { rosterId: roster.id, from: published.version, to: draft.version };
  }

  private warning(kind: DraftWarning['kind'], c: ShiftChange, message: Text): DraftWarning {
    return { kind, agentId: c.agentId, date: c.date, message: { en: message.en, zh: message.zh } };
  }

  private name(words: RosterRefusals, s: RosterShift | undefined): Text {
    if (!s) return DraftTexts.dayOff;
    const shift = words.shiftText(s.shiftTemplateId, s.day, s.startMinutes, s.lengthMinutes);
    return text(`shift ${shift}`, `班次 ${shift}`);
  }

  private what(words: RosterRefusals, edited: RosterShift[], c: ShiftChange, week: { dayOf(d: string): number }): Text {
    return this.name(
      words,
      edited.find((s) => s.agentId === c.agentId && s.day === week.dayOf(c.date)),
    );
  }
}
