import type { Shop } from 'src/modules/org/shop.repository';

type Settings = Pick<Shop, 'settings'>;

export const DEFAULT_NEEDS_DAYS = 14;
export const DEFAULT_MIN_SERVICE_LEVEL = 0.7;
/** QC grades findings low / medium / high / critical; a critical one weighs ten minor ones. */
export const DEFAULT_SEVERITY_WEIGHTS: Record<string, number> = { low: 1, medium: 3, high: 6, critical: 10 };
export const DRAFT_DEFAULTS = { topNeeds: 3, lengthMinutes: 60, capacity: 12 };

// The values arrive validated by TrainingSettings (training.settings.ts); only defaults are applied here.

/** Findings of how many days make the needs list: `settings.trainingNeedsDays`, else 14. */
export const needsDaysOf = (shop: Settings): number => shop.settings.trainingNeedsDays ?? DEFAULT_NEEDS_DAYS;

/** No slot may fall below this projected service level for training: `settings.trainingMinServiceLevel`, else 0.7. */
export const minServiceLevelOf = (shop: Settings): number =>
  shop.settings.trainingMinServiceLevel ?? DEFAULT_MIN_SERVICE_LEVEL;

/** Severity text to weight: the defaults, overridden per severity by `settings.trainingSeverityWeights`. */
export const severityWeightsOf = (shop: Settings): Record<string, number> => ({
  ...DEFAULT_SEVERITY_WEIGHTS,
  ...shop.settings.trainingSeverityWeights,
});

/** What the Monday draft proposes: the top N needs, sessions of this length and capacity (`settings.trainingDraft`). */
export const draftSettingsOf = (shop: Settings): typeof DRAFT_DEFAULTS => ({
  ...DRAFT_DEFAULTS,
  ...shop.settings.trainingDraft,
});
