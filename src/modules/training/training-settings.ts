import type { Shop } from 'src/modules/org/shop.repository';

type Settings = Pick<Shop, 'settings'>;

export const DEFAULT_NEEDS_DAYS = 14;
export const DEFAULT_MIN_SERVICE_LEVEL = 0.7;
/** QC grades findings low / medium / high / critical; a critical one weighs ten minor ones. */
export const DEFAULT_SEVERITY_WEIGHTS: Record<string, number> = { low: 1, medium: 3, high: 6, critical: 10 };
export const DRAFT_DEFAULTS = { topNeeds: 3, lengthMinutes: 60, capacity: 12 };

const wholeIn = (value: unknown, min: number, max: number, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
};

/** Findings of how many days make the needs list: `settings.trainingNeedsDays` (1–90), else 14. */
export const needsDaysOf = (shop: Settings) => wholeIn(shop.settings.trainingNeedsDays, 1, 90, DEFAULT_NEEDS_DAYS);

/** No slot may fall below this projected service level for training: `settings.trainingMinServiceLevel` in [0, 1], else 0.7. */
export function minServiceLevelOf(shop: Settings): number {
  const level = Number(shop.settings.trainingMinServiceLevel);
  return shop.settings.trainingMinServiceLevel !== undefined && level >= 0 && level <= 1 ? level : DEFAULT_MIN_SERVICE_LEVEL;
}

/** Severity text to weight: the defaults, overridden per severity by `settings.trainingSeverityWeights`. */
export function severityWeightsOf(shop: Settings): Record<string, number> {
  const custom = (shop.settings.trainingSeverityWeights ?? {}) as Record<string, unknown>;
  const weights = { ...DEFAULT_SEVERITY_WEIGHTS };
  for (const [severity, weight] of Object.entries(custom)) if (Number(weight) >= 0 && Number.isFinite(Number(weight))) weights[severity] = Number(weight);
  return weights;
}

/** What the Monday draft proposes: the top N needs, sessions of this length and capacity (`settings.trainingDraft`). */
export function draftSettingsOf(shop: Settings): typeof DRAFT_DEFAULTS {
  const custom = (shop.settings.trainingDraft ?? {}) as Record<string, unknown>;
  return {
    topNeeds: wholeIn(custom.topNeeds, 1, 10, DRAFT_DEFAULTS.topNeeds),
    lengthMinutes: wholeIn(custom.lengthMinutes, 15, 480, DRAFT_DEFAULTS.lengthMinutes),
    capacity: wholeIn(custom.capacity, 1, 200, DRAFT_DEFAULTS.capacity),
  };
}
