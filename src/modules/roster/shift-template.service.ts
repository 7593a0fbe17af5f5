import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { RosterProblems } from './roster.problems';
import { STARTER_SHIFT_TEMPLATES } from './starter-shift-templates';
import { clockText } from './roster-week';
import { CreateShiftTemplateBody, templateColumns, UpdateShiftTemplateBody } from './shift-template.dto';
import { NewShiftTemplate, ShiftTemplate, ShiftTemplateRepository } from './shift-template.repository';

export type ShiftTemplateView = ReturnType<typeof templateView>;

export function templateView(t: ShiftTemplate) {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    start: t.startMinutes === null ? null : clockText(t.startMinutes),
    startWindow:
      t.startEarliest === null || t.startLatest === null
        ? null
        : { earliest: clockText(t.startEarliest), latest: clockText(t.startLatest) },
    lengthMinutes: t.lengthMinutes,
    end: t.startMinutes === null ? null : clockText((t.startMinutes + t.lengthMinutes) % 1440),
    breaks: t.breaks,
    late: t.late,
    colour: t.colour,
    archived: t.archivedAt !== null,
    updatedAt: t.updatedAt,
  };
}

/** Shift templates per shop. A shop that never had any starts with the demo set (early, middle, late, night). */
@Injectable()
export class ShiftTemplateService {
  constructor(private readonly templates: ShiftTemplateRepository) {}

  async list(actor: Actor, withArchived = false): Promise<ShiftTemplateView[]> {
    await this.ensureStarterSet(actor.shopId);
    return (await this.templates.list(actor.shopId, withArchived)).map(templateView);
  }

  async get(actor: Actor, id: string): Promise<ShiftTemplateView> {
    return templateView(await this.find(actor.shopId, id));
  }

  async create(actor: Actor, body: CreateShiftTemplateBody): Promise<ShiftTemplateView> {
    if (await this.templates.findByCode(actor.shopId, body.code))
      throw RosterProblems.templateCodeTaken({ code: body.code });
    return templateView(
      await this.templates.insert({ shopId: actor.shopId, ...templateColumns(body) } as NewShiftTemplate),
    );
  }

  async update(actor: Actor, id: string, body: UpdateShiftTemplateBody): Promise<ShiftTemplateView> {
    const current = await this.find(actor.shopId, id);
    if (current.archivedAt) throw RosterProblems.templateArchived({ template: current.name });
    if (body.code && body.code !== current.code && (await this.templates.findByCode(actor.shopId, body.code))) {
      throw RosterProblems.templateCodeTaken({ code: body.code });
    }
    const length = body.lengthMinutes ?? current.lengthMinutes;
    if (
      body.breaks === undefined &&
      current.breaks.some((r) => length >= r.minShiftMinutes && r.latestStartAfterMinutes + r.minutes > length)
    ) {
      throw RosterProblems.breakAfterShift.at('lengthMinutes', { template: current.name, minutes: length });
    }
    return templateView((await this.templates.update(actor.shopId, id, templateColumns(body)))!);
  }

  /** Archived, not deleted: rosters that used it keep showing it. */
  async archive(actor: Actor, id: string): Promise<ShiftTemplateView> {
    await this.find(actor.shopId, id);
    return templateView((await this.templates.update(actor.shopId, id, { archivedAt: new Date() }))!);
  }

  /** Active templates for the solver (the starter set is added first if the shop never had any). */
  async active(shopId: string): Promise<ShiftTemplate[]> {
    await this.ensureStarterSet(shopId);
    return this.templates.list(shopId);
  }

  /** Every template of the shop, archived ones too (for reading stored rosters). */
  all(shopId: string): Promise<ShiftTemplate[]> {
    return this.templates.list(shopId, true);
  }

  async ensureStarterSet(shopId: string): Promise<void> {
    if (await this.templates.any(shopId)) return;
    await this.templates.insertMissing(
      STARTER_SHIFT_TEMPLATES.map((t) => ({
        shopId,
        code: t.code,
        name: t.name,
        startMinutes: t.startMinutes,
        startEarliest: t.startWindow?.earliest ?? null,
        startLatest: t.startWindow?.latest ?? null,
        lengthMinutes: t.lengthMinutes,
        breaks: t.breaks,
        late: t.late,
        colour: t.colour,
      })),
    );
  }

  private async find(shopId: string, id: string): Promise<ShiftTemplate> {
    const t = await this.templates.find(shopId, id);
    if (!t) throw RosterProblems.templateNotFound();
    return t;
  }
}
