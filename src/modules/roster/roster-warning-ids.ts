import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DraftWarning } from 'src/platform/db/schema';
import { say } from 'src/platform/i18n/request-locale';

/**
 * A draft warning's id: a digest of what it says (kind, agent, date, English text). None is stored,
 * so every warning already on a draft has one, the same on every read; two warnings saying the very
 * same thing share it and are dismissed together.
 */
export const draftWarningId = (w: DraftWarning): string =>
  createHash('sha256').update([w.kind, w.agentId, w.date, w.message.en].join('\n')).digest('hex').slice(0, 16);

export const DraftWarningIdParam = z
  .string()
  .regex(/^[0-9a-f]{16}$/)
  .meta({ description: 'The `id` of a warning in `version.warnings`', example: '3f9a1c0b7d2e4a65' });

/** The warnings a version shows: those not dismissed, each with its id, in the reader's language. */
export const shownDraftWarnings = (warnings: DraftWarning[] | null | undefined) =>
  (warnings ?? [])
    .filter((w) => !w.dismissedAt)
    .map(({ dismissedAt: _at, dismissedBy: _by, ...w }) => ({ id: draftWarningId(w), ...w, message: say(w.message) }));
