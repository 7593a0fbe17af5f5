import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { Db } from 'src/platform/db/db';
import { say } from 'src/platform/i18n/request-locale';
import { draftWarningId } from './roster-warning-ids';
import { RosterRepository } from './roster.repository';
import { RosterProblems } from './roster.problems';

/**
 * Warnings a self-service change left on a draft (`DraftCarrying`) stay until a manager dismisses
 * them: the dismissal is stored on the warning (who, when) and the view no longer shows it.
 */
@Injectable()
export class DraftWarnings {
  constructor(
    private readonly db: Db,
    private readonly rosters: RosterRepository,
  ) {}

  /** Dismisses the warning wherever a version of the roster holds it (newest first); dismissing twice keeps the first. */
  dismiss(actor: Actor, rosterId: string, warningId: string) {
    return this.db.transaction(async () => {
      const roster = await this.rosters.lock(actor.shopId, rosterId);
      if (!roster) throw RosterProblems.notFound();
      for (const version of (await this.rosters.versionHeads(rosterId)).reverse()) {
        const warnings = version.warnings ?? [];
        const at = warnings.findIndex((w) => draftWarningId(w) === warningId);
        if (at < 0) continue;
        const found = warnings[at];
        const dismissed = found.dismissedAt
          ? found
          : { ...found, dismissedAt: new Date().toISOString(), dismissedBy: actor.userId };
        if (dismissed !== found)
          await this.rosters.updateVersion(version.id, {
            warnings: warnings.map((w, k) => (k === at ? dismissed : w)),
          });
        return { id: warningId, version: version.version, ...dismissed, message: say(found.message) };
      }
      throw RosterProblems.warningNotFound({ warningId });
    });
  }
}
