import { ShopSettings, storedShopSettings } from './shop-settings';

describe('shop settings: the union of the modules’ settings', () => {
  it("accepts every module's settings and refuses unknown keys", () => {
    const all = {
      attributionWindowDays: 2,
      forecastHorizonWeeks: 6,
      shrinkage: 0.25,
      chatSlowdownPerExtraChat: 0.1,
      trainingNeedsDays: 30,
      trainingMinServiceLevel: 0.8,
      trainingSeverityWeights: { high: 8 },
      trainingDraft: { topNeeds: 2, lengthMinutes: 90, capacity: 10 },
    };
    expect(ShopSettings.parse(all)).toEqual(all);
    const unknown = ShopSettings.safeParse({ trainingNeedDays: 30 });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['trainingNeedDays'] });
  });

  it('names the field of a value out of range, nested ones included', () => {
    const bad = ShopSettings.safeParse({ trainingDraft: { capacity: 0 }, shrinkage: 0.95 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['shrinkage', 'trainingDraft.capacity']);
  });

  it('reads stored settings key by key: values that no longer validate are left out and named', () => {
    const { settings, dropped } = storedShopSettings({
      trainingNeedsDays: 0,
      forecastHorizonWeeks: 3,
      oldKey: true,
      trainingDraft: { topNeeds: 2, capacity: 'x' },
    });
    expect(settings).toEqual({ forecastHorizonWeeks: 3 });
    expect(dropped.sort()).toEqual(['oldKey', 'trainingDraft', 'trainingNeedsDays']);
  });
});
