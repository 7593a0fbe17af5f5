import { Injectable } from '@nestjs/common';
import { and, eq, sql, SQL } from 'drizzle-orm';
import { Db } from 'src/platform/db/db';
import { agents, teams } from 'src/platform/db/schema';
import { KPI_SUMS, KpiSums } from './kpi-definitions';
import { toSums } from './kpi-values';

export type KpiLevel = 'agent' | 'team' | 'shop';
export type KpiPeriod = 'day' | 'week' | 'month' | 'total';

export type RollupFilter = {
  level: KpiLevel;
  period: KpiPeriod;
  from: string;
  to: string;
  /** Only these agents' rows (role scope); undefined = the whole shop. */
  agentIds?: string[];
  teamIds?: string[];
};

export type RollupRow = {
  agentId: string | null;
  agentName: string | null;
  employeeNo: string | null;
  teamId: string | null;
  teamName: string | null;
  roleGroup: string | null;
  periodStart: string;
  /** Agent-days with at least one session. */
  daysWorked: number;
  sums: KpiSums;
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const SUM_COLUMNS = sql.raw(KPI_SUMS.map((k) => `sum(k.${snake(k)}) AS "${k}"`).join(', '));
const ids = (values: string[]) =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );

/** Reads kpi_agent_days summed per agent/team/shop and day/week/month/range; rates are left to the caller. */
@Injectable()
export class KpiRepository {
  constructor(private readonly db: Db) {}

  async rollup(shopId: string, filter: RollupFilter): Promise<RollupRow[]> {
    const period: Record<KpiPeriod, SQL> = {
      day: sql`k.day`,
      week: sql`date_trunc('week', k.day)::date`,
      month: sql`date_trunc('month', k.day)::date`,
      total: sql`${filter.from}::date`,
    };
    const key: Record<KpiLevel, { select: SQL; group: SQL; join: SQL }> = {
      agent: {
        select: sql`k.agent_id AS agent_id, a.name AS agent_name, a.employee_no, a.team_id, t.name AS team_name, a.role_group`,
        group: sql`k.agent_id, a.name, a.employee_no, a.team_id, t.name, a.role_group`,
        join: sql`LEFT JOIN agents a ON a.id = k.agent_id LEFT JOIN teams t ON t.id = a.team_id`,
      },
      team: {
        select: sql`k.team_id, t.name AS team_name`,
        group: sql`k.team_id, t.name`,
        join: sql`LEFT JOIN teams t ON t.id = k.team_id`,
      },
      shop: { select: sql`NULL::uuid AS shop_key`, group: sql`1`, join: sql`` },
    };
    const level = key[filter.level];
    const where: SQL[] = [
      sql`k.shop_id = ${shopId}::uuid`,
      sql`k.day >= ${filter.from}::date`,
      sql`k.day <= ${filter.to}::date`,
    ];
    if (filter.agentIds) where.push(filter.agentIds.length ? sql`k.agent_id IN (${ids(filter.agentIds)})` : sql`false`);
    if (filter.teamIds) where.push(filter.teamIds.length ? sql`k.team_id IN (${ids(filter.teamIds)})` : sql`false`);
    const rows = (await this.db.q.execute(sql`
      SELECT ${level.select}, (${period[filter.period]})::text AS period_start,
        (count(*) FILTER (WHERE k.sessions > 0 OR k.worked_minutes > 0))::int AS days_worked, ${SUM_COLUMNS}
      FROM kpi_agent_days k ${level.join}
      WHERE ${sql.join(where, sql` AND `)}
      GROUP BY ${level.group}, ${period[filter.period]}
      ORDER BY 2, period_start`)) as unknown as Record<string, unknown>[];
    return rows.map((r) => ({
      agentId: (r.agent_id as string | undefined) ?? null,
      agentName: (r.agent_name as string | undefined) ?? null,
      employeeNo: (r.employee_no as string | undefined) ?? null,
      teamId: (r.team_id as string | undefined) ?? null,
      teamName: (r.team_name as string | undefined) ?? null,
      roleGroup: (r.role_group as string | undefined) ?? null,
      periodStart: r.period_start as string,
      daysWorked: Number(r.days_worked),
      sums: toSums(r),
    }));
  }

  /**
   * What a KPI answer is built from, in one row: the shop's KPI revision (every aggregation adds
   * one) and its agents and teams (names and teams shown beside the figures), stamped by the
   * transaction that last wrote each row.
   */
  async stamp(shopId: string): Promise<{ kpi: string | null; agents: string | null; teams: string | null }> {
    const [row] = (await this.db.q.execute(sql`
      SELECT (SELECT revision::text FROM kpi_revisions WHERE shop_id = ${shopId}::uuid) AS kpi,
        (SELECT md5(string_agg(a.id::text || a.xmin::text, ',' ORDER BY a.id)) FROM agents a WHERE a.shop_id = ${shopId}::uuid) AS agents,
        (SELECT md5(string_agg(t.id::text || t.xmin::text, ',' ORDER BY t.id)) FROM teams t WHERE t.shop_id = ${shopId}::uuid) AS teams`)) as unknown as {
      kpi: string | null;
      agents: string | null;
      teams: string | null;
    }[];
    return row;
  }

  async agentExists(shopId: string, agentId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: agents.id })
      .from(agents)
      .where(and(eq(agents.shopId, shopId), eq(agents.id, agentId)))
      .limit(1);
    return !!row;
  }

  async teamExists(shopId: string, teamId: string): Promise<boolean> {
    const [row] = await this.db.q
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.shopId, shopId), eq(teams.id, teamId)))
      .limit(1);
    return !!row;
  }
}
