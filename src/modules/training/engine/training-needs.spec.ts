import { rankTrainingNeeds, type Finding } from './training-needs';
import { trainingEffect } from './training-effect';

const DAY = 86_400_000;
const at = (d: number) => Date.UTC(2026, 10, 1) + d * DAY;
const finding = (
  category: string,
  severity: number,
  agentId: string,
  quote: string | null = null,
  day = 0,
): Finding => ({ category, severity, agentId, quote, foundAt: at(day) });

describe('rankTrainingNeeds', () => {
  it('ranks categories by frequency × severity, naming the agents affected and the gravest quotes', () => {
    const needs = rankTrainingNeeds([
      finding('话术', 1, 'a1', 'ok亲'),
      finding('话术', 1, 'a2', 'ok亲'),
      finding('话术', 1, 'a2', '稍等', 3),
      finding('平台政策', 10, 'a3', '七天无理由不适用', 1),
      finding('沟通技巧', 3, 'a1'),
    ]);
    expect(needs.map((n) => [n.category, n.score, n.findings])).toEqual([
      ['平台政策', 10, 1],
      ['沟通技巧', 3, 1],
      ['话术', 3, 3],
    ]);
    const scripts = needs[2];
    expect(scripts.affectedAgents).toEqual([
      { agentId: 'a2', findings: 2, score: 2 },
      { agentId: 'a1', findings: 1, score: 1 },
    ]);
    expect(scripts.exampleQuotes).toEqual(['稍等', 'ok亲']);
  });

  it('lets requested topics join the list and break ties', () => {
    const needs = rankTrainingNeeds(
      [finding('流程', 2, 'a1'), finding('工具使用', 2, 'a2')],
      [
        { category: '工具使用', requestedBy: 'sup', note: '新版千牛' },
        { category: '销售技能', requestedBy: 'a1', note: null },
      ],
    );
    expect(needs.map((n) => n.category)).toEqual(['工具使用', '流程', '销售技能']);
    expect(needs[2]).toMatchObject({ score: 0, findings: 0, requests: [{ requestedBy: 'a1' }] });
  });

  it('refuses a severity that is not a weight', () => {
    expect(() => rankTrainingNeeds([finding('流程', Number.NaN, 'a1')])).toThrow(/severity/);
  });
});

describe('trainingEffect', () => {
  const session = { start: at(10), end: at(10) + 3_600_000 };
  const score = (agentId: string, day: number, value: number) => ({ agentId, at: at(day), score: value });

  it('compares the attendees before and after beside the others over the same days', () => {
    const effect = trainingEffect(
      [
        score('a1', 5, 70),
        score('a1', 12, 90),
        score('a2', 8, 60),
        score('a2', 15, 80),
        score('b1', 6, 75),
        score('b1', 13, 80),
        score('b1', 30, 10),
      ],
      new Set(['a1', 'a2']),
      session,
      7,
    );
    expect(effect.attendees).toEqual({
      before: { reviews: 2, agents: 2, mean: 65 },
      after: { reviews: 2, agents: 2, mean: 85 },
      change: 20,
    });
    expect(effect.others).toEqual({
      before: { reviews: 1, agents: 1, mean: 75 },
      after: { reviews: 1, agents: 1, mean: 80 },
      change: 5,
    });
    expect(effect.effect).toBe(15);
  });

  it('says "no data" rather than inventing a change', () => {
    const effect = trainingEffect([score('a1', 5, 70)], new Set(['a1']), session, 7);
    expect(effect.attendees.change).toBeNull();
    expect(effect.others).toEqual({
      before: { reviews: 0, agents: 0, mean: null },
      after: { reviews: 0, agents: 0, mean: null },
      change: null,
    });
    expect(effect.effect).toBeNull();
    expect(() => trainingEffect([], new Set(), session, 0)).toThrow(/days/);
  });
});
