import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from 'src/platform/config/app-config';
import { APP_CONFIG } from 'src/platform/config/config.module';
import { persistentSecret } from 'src/platform/auth/persistent-secret';

/**
 * Customers are stored only as a keyed hash (HMAC-SHA256 with a server secret, per shop), so the
 * same buyer links sessions to orders without the raw id ever being kept.
 */
@Injectable()
export class CustomerKeyHasher {
  private readonly secret: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = persistentSecret(config, 'customer-key-secret', config.customerKeySecret);
  }

  forShop(shopId: string): (rawKey: string) => string {
    return (rawKey) =>
      createHmac('sha256', this.secret).update(shopId).update('\u0000').update(rawKey.trim()).digest('base64url');
  }
}
