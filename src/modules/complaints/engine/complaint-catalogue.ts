/** The words of the complaints domain, shared by the schema checks, the DTOs and the engines. */
export const COMPLAINT_CATEGORIES = [
  'product_quality',
  'logistics',
  'service_attitude',
  'returns_refunds',
  'wrong_description',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const DEPARTMENTS = ['after_sales', 'logistics', 'warehouse', 'product', 'service'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const COMPLAINT_CHANNELS = ['chat', 'phone', 'email', 'review', 'platform', 'social', 'other'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** How a complaint was settled with the customer. */
export const OUTCOMES = [
  'refund',
  'replacement',
  'reshipment',
  'compensation',
  'apology',
  'explanation',
  'no_fault_found',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Which department owns a category until a shop changes it. */
export const DEFAULT_ROUTING: Record<ComplaintCategory, Department> = {
  product_quality: 'product',
  logistics: 'logistics',
  service_attitude: 'service',
  returns_refunds: 'after_sales',
  wrong_description: 'product',
  other: 'after_sales',
};

export type DeadlineRule = { firstResponseMinutes: number; resolveDays: number };

/** Until a shop changes them: the graver the complaint, the sooner the answer (same for every category). */
export const DEFAULT_DEADLINES: Record<ComplaintSeverity, DeadlineRule> = {
  critical: { firstResponseMinutes: 30, resolveDays: 1 },
  high: { firstResponseMinutes: 60, resolveDays: 2 },
  medium: { firstResponseMinutes: 120, resolveDays: 3 },
  low: { firstResponseMinutes: 240, resolveDays: 5 },
};
