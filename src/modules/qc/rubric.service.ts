import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { QcProblems } from './qc.problems';
import { DEFAULT_RUBRIC_ITEMS, DEFAULT_RUBRIC_NAME } from './default-rubric';
import { CreateRubricBody } from './qc.dto';
import { Rubric, RubricRepository } from './rubric.repository';

/** Rubric versions per shop; a shop without one gets the default on first use. */
@Injectable()
export class RubricService {
  constructor(
    private readonly db: Db,
    private readonly rubrics: RubricRepository,
  ) {}

  async list(actor: Actor): Promise<Rubric[]> {
    await this.current(actor.shopId);
    return this.rubrics.versions(actor.shopId);
  }

  async get(actor: Actor, id: string): Promise<Rubric> {
    const rubric = await this.rubrics.find(actor.shopId, id);
    if (!rubric) throw QcProblems.rubricNotFound();
    return rubric;
  }

  create(actor: Actor, body: CreateRubricBody): Promise<Rubric> {
    return this.db.transaction(async () => {
      await this.rubrics.lock(actor.shopId);
      return this.rubrics.create(actor.shopId, body.name, body.items, actor.userId);
    });
  }

  /** The newest active version; the default rubric is written once if the shop has none. */
  async current(shopId: string): Promise<Rubric> {
    const found = await this.rubrics.current(shopId);
    if (found) return found;
    return this.db.transaction(async () => {
      await this.rubrics.lock(shopId);
      return (
        (await this.rubrics.current(shopId)) ??
        this.rubrics.create(shopId, DEFAULT_RUBRIC_NAME, DEFAULT_RUBRIC_ITEMS, null)
      );
    });
  }

  /** A version of this shop, or the current one when none is named. */
  async forReview(shopId: string, id?: string): Promise<Rubric> {
    if (!id) return this.current(shopId);
    const rubric = await this.rubrics.find(shopId, id);
    if (!rubric) throw QcProblems.rubricNotFound();
    return rubric;
  }
}
