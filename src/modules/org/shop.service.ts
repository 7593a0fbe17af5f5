import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { OrgProblems } from './org.problems';
import { CreateShopBody, UpdateShopBody } from './shop.dto';
import { Shop, ShopRepository } from './shop.repository';

@Injectable()
export class ShopService {
  constructor(private readonly shops: ShopRepository) {}

  async create(body: CreateShopBody): Promise<Shop> {
    if (await this.shops.findByCode(body.code)) throw OrgProblems.shopCodeTaken({ code: body.code });
    return this.shops.create(body);
  }

  /** Admins see every shop; everyone else sees the one they belong to. */
  async list(actor: Actor): Promise<Shop[]> {
    if (actor.role === 'admin' && !actor.shopId) return this.shops.list();
    return [await this.get(actor, actor.shopId)];
  }

  async get(actor: Actor, id: string): Promise<Shop> {
    const visible = actor.role === 'admin' && !actor.shopId ? true : id === actor.shopId;
    const shop = visible ? await this.shops.find(id) : undefined;
    if (!shop) throw OrgProblems.shopNotFound();
    return shop;
  }

  async update(actor: Actor, id: string, body: UpdateShopBody): Promise<Shop> {
    const current = await this.get(actor, id);
    const settings = body.settings ? { ...current.settings, ...body.settings } : undefined;
    return (await this.shops.update(id, { ...body, ...(settings ? { settings } : {}) }))!;
  }

  /** For other modules: the shop's zone, slot length and settings. */
  async context(shopId: string): Promise<Shop> {
    const shop = await this.shops.find(shopId);
    if (!shop) throw OrgProblems.shopNotFound();
    return shop;
  }
}
