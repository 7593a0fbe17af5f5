import { z } from 'zod';
import { code, currencyCode, ianaTimeZone } from 'src/platform/http/field-schemas';
import { localized, SchemaTexts } from 'src/platform/i18n/zod-messages';
import { ShopSettings } from './shop-settings';

/** Without defaults, so an update names only what changes (zod 4 fills defaults into a partial). */
const shopFields = {
  name: z.string().trim().min(1).max(200).meta({ example: '天猫旗舰店' }),
  timeZone: ianaTimeZone,
  slotMinutes: z.union([z.literal(15), z.literal(30)]).meta({ example: 30 }),
  currency: currencyCode,
  language: z.enum(['zh', 'en']),
  settings: ShopSettings,
};

export const CreateShopBody = z.strictObject({
  code: code.meta({ example: 'tmall-flagship' }),
  ...shopFields,
  timeZone: shopFields.timeZone.default('Asia/Shanghai'),
  slotMinutes: shopFields.slotMinutes.default(30),
  currency: shopFields.currency.default('CNY'),
  language: shopFields.language.default('zh'),
  settings: shopFields.settings.default({}),
});
export type CreateShopBody = z.infer<typeof CreateShopBody>;

export const UpdateShopBody = z
  .strictObject(shopFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, localized(SchemaTexts.nothingToChange));
export type UpdateShopBody = z.infer<typeof UpdateShopBody>;

export const shopExample = {
  id: 'c1a0f4d2-7e3b-4b8a-9f61-2d5e8c9a1b34',
  code: 'tmall-flagship',
  name: '天猫旗舰店',
  timeZone: 'Asia/Shanghai',
  slotMinutes: 30,
  currency: 'CNY',
  language: 'zh',
  settings: { attributionWindowDays: 1 },
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
