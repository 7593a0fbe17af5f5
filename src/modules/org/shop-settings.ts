import { z } from 'zod';
import { ForecastSettings } from 'src/modules/forecast/forecast.settings';
import { KpiSettings } from 'src/modules/kpi/kpi.settings';
import { StaffingSettings } from 'src/modules/staffing/staffing.settings';
import { TrainingSettings } from 'src/modules/training/training.settings';
import { TimeOffSettings } from 'src/modules/time-off/time-off.settings';
import { NotificationSettings } from 'src/modules/notification/notification.settings';
import { ShiftSwapSettings } from 'src/modules/shift-swap/shift-swap.settings';

/**
 * A shop's settings: the union of what each module declares in its `<module>.settings.ts`.
 * Unknown keys are refused so typos do not go unnoticed; a module adds a setting by adding it to
 * its own schema (these schema files import nothing but zod, so no module cycle arises).
 */
export const ShopSettings = z.strictObject({
  ...KpiSettings.shape,
  ...ForecastSettings.shape,
  ...StaffingSettings.shape,
  ...TrainingSettings.shape,
  ...TimeOffSettings.shape,
  ...NotificationSettings.shape,
  ...ShiftSwapSettings.shape,
});
export type ShopSettings = z.infer<typeof ShopSettings>;

/**
 * Stored settings as the modules read them: each key that still validates is kept, a key that does
 * not (written before its rule existed, or by hand) is left out so its default applies, and named.
 */
export function storedShopSettings(stored: Record<string, unknown>): { settings: ShopSettings; dropped: string[] } {
  const settings: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(stored ?? {})) {
    const field = (ShopSettings.shape as Record<string, z.ZodType>)[key];
    const parsed = field?.safeParse(value);
    if (parsed?.success) settings[key] = parsed.data;
    else dropped.push(key);
  }
  return { settings: settings as ShopSettings, dropped };
}
