import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { QcSettings, QcSettingsRepository } from './qc-settings.repository';
import { QcSettingsBody } from './qc.dto';

@Injectable()
export class QcSettingsService {
  constructor(private readonly settings: QcSettingsRepository) {}

  get(actor: Actor): Promise<QcSettings> {
    return this.settings.find(actor.shopId);
  }

  update(actor: Actor, body: QcSettingsBody): Promise<QcSettings> {
    return this.settings.save(actor.shopId, body, actor.userId);
  }
}
