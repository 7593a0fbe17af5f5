import { Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';

/** What a roster's view is built from, in one row: digests of the roster row and of the other inputs, and its version heads. */
export type RosterViewStamp = {
  id: string;
  teamIds: string[];
  row: string;
  versions: { id: string; version: number; row: string }[];
  /** The week's other versions (a successor) and who is published from where. */
  weekVersions: string | null;
  publications: string | null;
  templates: string | null;
  agents: string | null;
  activities: string | null;
  /** The run of a solve the roster says is queued or running (a run abandoned in its last attempt is ended on reading). */
  runningRunId: string | null;
};

/**
 * The stamp of a roster's cached view, read across the roster's own tables, the shop's templates
 * and agents, and the training booked around the week (`training_sessions`/`training_attendees`
 * are the training module's), in one statement.
 */
@Injectable()
export class RosterViewStampReads {
  constructor(private readonly db: Db) {}

  /**
   * One statement standing for every input of the roster's view: any change to the roster, its
   * versions, the week's other rosters' versions and publications, the shop's shift templates and
   * agents, or training booked around the week changes
   * this row. Rows are stamped by their `xmin` (the transaction that last wrote them), so an
   * update of any column, by any code path, counts, and the large problem column is never read.
   */
  async viewStamp(shopId: string, rosterId: string): Promise<RosterViewStamp | undefined> {
    const rows = await this.db.q.execute<RosterViewStamp>(sql`
      SELECT r.id, r.team_ids AS "teamIds", r.xmin::text AS row,
        CASE WHEN r.status IN ('queued', 'running') THEN r.job_run_id END AS "runningRunId",
        coalesce((SELECT json_agg(json_build_object('id', v.id, 'version', v.version, 'row', v.xmin::text) ORDER BY v.version)
          FROM roster_versions v WHERE v.roster_id = r.id), '[]') AS versions,
        (SELECT md5(string_agg(w.id::text || w.xmin::text, ',' ORDER BY w.id)) FROM roster_versions w
          WHERE w.roster_id IN (SELECT id FROM rosters o WHERE o.shop_id = r.shop_id AND o.week_start = r.week_start)) AS "weekVersions",
        (SELECT md5(string_agg(p.agent_id::text || p.xmin::text, ',' ORDER BY p.agent_id)) FROM roster_publications p
          WHERE p.shop_id = r.shop_id AND p.week_start = r.week_start) AS publications,
        (SELECT md5(string_agg(t.id::text || t.xmin::text, ',' ORDER BY t.id)) FROM shift_templates t WHERE t.shop_id = r.shop_id) AS templates,
        (SELECT md5(string_agg(a.id::text || a.xmin::text, ',' ORDER BY a.id)) FROM agents a WHERE a.shop_id = r.shop_id) AS agents,
        (SELECT md5(string_agg(s.id::text || s.xmin::text || ta.agent_id::text || ta.xmin::text, ',' ORDER BY s.id, ta.agent_id))
          FROM training_sessions s JOIN training_attendees ta ON ta.session_id = s.id
          WHERE s.shop_id = r.shop_id AND s.starts_at < r.week_start + 9 AND s.ends_at > r.week_start - 1) AS activities
      FROM rosters r WHERE r.shop_id = ${shopId} AND r.id = ${rosterId}`);
    return rows[0];
  }
}
