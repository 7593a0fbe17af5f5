import { Injectable } from '@nestjs/common';
import type { Actor } from 'src/platform/auth/actor';
import { SerialisedView, ViewCache } from 'src/platform/cache/view-cache';
import { say } from 'src/platform/i18n/request-locale';
import { labelIn, labelOf } from 'src/platform/i18n/texts';
import { AgentScope } from 'src/modules/org/agent-scope.service';
import { TeamService } from 'src/modules/org/team.service';
import { KPI_DEFINITIONS, KpiDefinition, kpiDefinition, KpiSums } from './kpi-definitions';
import { KpiDayTexts, KpiDirectionLabels, KpiFormulas, KpiUnitLabels } from './kpi-definition-texts';
import { kpiValue, kpiValues } from './kpi-values';
import { KpiProblems } from './kpi.problems';
import type { KpiQuery } from './kpi.dto';
import { KpiLevel, KpiRepository, RollupFilter, RollupRow } from './kpi.repository';

export type KpiRow = Omit<RollupRow, 'sums' | 'roleGroup'> & { values: Record<string, number | null> };
export type AgentMonth = {
  agentId: string;
  teamId: string | null;
  roleGroup: string | null;
  employeeNo: string | null;
  daysWorked: number;
  sums: KpiSums;
};

/** Where an actor's KPI reading is confined: agents to their own rows, supervisors to their teams. */
export type KpiScope = { agentIds?: string[]; teamIds?: string[] };

@Injectable()
export class KpiService {
  constructor(
    private readonly repository: KpiRepository,
    private readonly scope: AgentScope,
    private readonly teams: TeamService,
    private readonly cache: ViewCache,
  ) {}

  definitions(): readonly KpiDefinition[] {
    return KPI_DEFINITIONS;
  }

  /** The registry as a reader sees it: name, unit, direction and descriptions in their language beside the keys. */
  definitionViews() {
    return KPI_DEFINITIONS.map((d) => ({
      ...d,
      label: say({ en: d.name, zh: d.nameZh }),
      formula: labelIn(KpiFormulas, d.key),
      unitLabel: labelIn(KpiUnitLabels, d.unit),
      directionLabel: labelIn(KpiDirectionLabels, d.direction),
      countedOn: say(labelOf(KpiDayTexts, d.countedOn)),
      attributionWindow: d.attributionWindow === null ? null : say(labelOf(KpiDayTexts, d.attributionWindow)),
    }));
  }

  /** Agents may read only agent level; supervisors agent and team level of their own teams. */
  async scopeFor(actor: Actor, level: KpiLevel): Promise<KpiScope> {
    if (actor.role === 'agent') {
      if (level !== 'agent') throw KpiProblems.agentsOwnOnly();
      return { agentIds: await this.scope.visibleAgentIds(actor) };
    }
    if (actor.role === 'supervisor') {
      if (level === 'shop') throw KpiProblems.supervisorsTeamsOnly();
      return level === 'team'
        ? { teamIds: await this.teams.supervisedTeamIds(actor) }
        : { agentIds: await this.scope.visibleAgentIds(actor) };
    }
    return {};
  }

  async query(
    actor: Actor,
    query: KpiQuery,
  ): Promise<{ level: KpiLevel; period: string; from: string; to: string; metrics: string[]; items: KpiRow[] }> {
    return this.answer(actor.shopId, query, await this.filterFor(actor, query));
  }

  /**
   * The same answer serialised, built again only when the shop's KPI rows, agents or teams changed
   * (one statement stamps them) or someone with another scope asks.
   */
  async querySerialised(actor: Actor, query: KpiQuery): Promise<SerialisedView> {
    const filter = await this.filterFor(actor, query);
    const stamp = await this.repository.stamp(actor.shopId);
    return this.cache.serialised('kpis', { shopId: actor.shopId, stamp, query, filter }, () =>
      this.answer(actor.shopId, query, filter),
    );
  }

  private async filterFor(actor: Actor, query: KpiQuery): Promise<RollupFilter> {
    const scope = await this.scopeFor(actor, query.level);
    const filter: RollupFilter = { level: query.level, period: query.period, from: query.from, to: query.to, ...scope };
    if (query.agentId) {
      if (!(await this.repository.agentExists(actor.shopId, query.agentId))) throw KpiProblems.agentNotFound();
      if (scope.agentIds && !scope.agentIds.includes(query.agentId)) throw KpiProblems.agentOutOfScope();
      filter.agentIds = [query.agentId];
    }
    if (query.teamId) {
      if (!(await this.repository.teamExists(actor.shopId, query.teamId))) throw KpiProblems.teamNotFound();
      if (scope.teamIds && !scope.teamIds.includes(query.teamId)) throw KpiProblems.teamOutOfScope();
      filter.teamIds = [query.teamId];
    }
    return filter;
  }

  private async answer(shopId: string, query: KpiQuery, filter: RollupFilter) {
    const definitions = this.selected(query.metrics);
    const rows = await this.repository.rollup(shopId, filter);
    const items = rows.map(({ sums, roleGroup: _roleGroup, ...row }) => ({
      ...row,
      values: kpiValues(definitions, sums),
    }));
    return {
      level: query.level,
      period: query.period,
      from: query.from,
      to: query.to,
      metrics: definitions.map((d) => d.key),
      items,
    };
  }

  /** For rankings: each agent's sums over a range, with days worked. */
  async agentTotals(shopId: string, from: string, to: string): Promise<AgentMonth[]> {
    const rows = await this.repository.rollup(shopId, { level: 'agent', period: 'total', from, to });
    return rows.map((r) => ({
      agentId: r.agentId!,
      teamId: r.teamId,
      roleGroup: r.roleGroup,
      employeeNo: r.employeeNo,
      daysWorked: r.daysWorked,
      sums: r.sums,
    }));
  }

  /** For the daily report: per team and the shop for one day, in the actor's scope. */
  async dayRows(shopId: string, date: string, level: 'team' | 'shop', scope: KpiScope): Promise<RollupRow[]> {
    return this.repository.rollup(shopId, { level, period: 'total', from: date, to: date, ...scope });
  }

  /** Figures from summed numerators and denominators, by key (for rankings). */
  values(sums: KpiSums, keys: string[]): Record<string, number | null> {
    return Object.fromEntries(keys.map((k) => [k, kpiValue(kpiDefinition(k)!, sums)]));
  }

  selected(metrics?: string[]): KpiDefinition[] {
    return metrics ? metrics.map((m) => kpiDefinition(m)!) : [...KPI_DEFINITIONS];
  }
}
