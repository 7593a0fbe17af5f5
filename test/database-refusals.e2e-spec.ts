import postgres from 'postgres';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from 'src/platform/db/schema';
import { problemBody } from 'src/platform/errors/problem';
import { databaseProblem } from 'src/platform/errors/problem.filter';
import { bearer, startTestApp, TestApp } from './support/test-app';

/** Every constraint's and index's name in the schema: none may reach a reader. */
const keyNames = Object.values(schema).flatMap((table) => {
  if (!(table instanceof PgTable)) return [];
  const c = getTableConfig(table);
  return [
    ...c.indexes.map((i) => i.config.name!),
    ...c.foreignKeys.map((f) => f.getName()),
    ...c.primaryKeys.map((p) => p.getName()),
    ...c.columns.filter((col) => col.isUnique).map((col) => col.uniqueName!),
  ];
});

/**
 * Refusals the database itself gives (a unique key, a foreign key), reached where no service checks
 * first: told in the domain's words in both languages, with the catalogued code, never a key's name.
 */
describe('refusals the database gives, in words (e2e)', () => {
  let t: TestApp;
  let manager: string;
  let sql: postgres.Sql;
  beforeAll(async () => {
    t = await startTestApp();
    manager = await t.tokenFor('manager');
    sql = postgres(t.databaseUrl, { max: 1, onnotice: () => undefined });
  }, 300_000);
  afterAll(async () => {
    await sql.end({ timeout: 1 });
    await t.close();
  }, 300_000);

  const teamCount = async () => (await t.http().get('/teams?limit=1').set(bearer(manager)).expect(200)).body.total;
  const expectNoKeyName = (body: { detail: string }) => {
    for (const name of keyNames) expect(body.detail).not.toContain(name);
    expect(body.detail).not.toMatch(/_/);
  };

  it('answers a second team of the same name, created or renamed, with 409 naming the team name', async () => {
    await t.http().post('/teams').set(bearer(manager)).send({ name: '夜班组' }).expect(201);
    const other = await t.http().post('/teams').set(bearer(manager)).send({ name: '早班组' }).expect(201);
    const before = await teamCount();
    const en = await t
      .http()
      .post('/teams')
      .set({ ...bearer(manager), 'Accept-Language': 'en' })
      .send({ name: '夜班组' })
      .expect(409);
    expect(en.body).toMatchObject({ code: 'common.duplicate', detail: 'Another team has the same team name' });
    expectNoKeyName(en.body);
    const zh = await t
      .http()
      .patch(`/teams/${other.body.id}`)
      .set({ ...bearer(manager), 'Accept-Language': 'zh' })
      .send({ name: '夜班组' })
      .expect(409);
    expect(zh.body).toMatchObject({ code: 'common.duplicate', detail: '已存在团队名称相同的团队' });
    expectNoKeyName(zh.body);
    expect(await teamCount()).toBe(before);
    const kept = await t.http().get(`/teams/${other.body.id}`).set(bearer(manager)).expect(200);
    expect(kept.body.name).toBe('早班组');
  });

  /** What PostgreSQL raises for this statement, read as the problem filter reads it. */
  const refusalOf = async (statement: Promise<unknown>) => {
    const error = await statement.then(
      () => undefined,
      (e: unknown) => e,
    );
    const problem = databaseProblem(error);
    if (!problem) throw new Error(`not a refusal the filter knows: ${String(error)}`);
    return { code: problem.code, en: problemBody(problem, 'en'), zh: problemBody(problem, 'zh') };
  };

  it('names the missing record of a foreign key, and what still refers to one being deleted', async () => {
    const [shop] = await sql`SELECT id FROM shops LIMIT 1`;
    const [team] = await sql`INSERT INTO teams (shop_id, name) VALUES (${shop.id}, '外键组') RETURNING id`;
    const [agent] = await sql`SELECT * FROM agents WHERE shop_id = ${shop.id} LIMIT 1`;
    const missing = await refusalOf(
      sql`UPDATE agents SET team_id = '00000000-0000-4000-8000-000000000000' WHERE id = ${agent.id}`,
    );
    expect(missing).toMatchObject({
      code: 'common.missing-reference',
      en: { status: 400, detail: 'The team referred to does not exist' },
      zh: { detail: '引用的团队不存在' },
    });
    await sql`UPDATE agents SET team_id = ${team.id} WHERE id = ${agent.id}`;
    const used = await refusalOf(sql`DELETE FROM teams WHERE id = ${team.id}`);
    expect(used).toMatchObject({
      code: 'common.still-referenced',
      en: { status: 409, detail: 'This team cannot be removed: agent records still refer to it' },
      zh: { detail: '该团队仍被客服记录引用，无法删除' },
    });
    for (const body of [missing.en, missing.zh, used.en, used.zh]) expectNoKeyName(body);
    expect((await sql`SELECT team_id FROM agents WHERE id = ${agent.id}`)[0].team_id).toBe(team.id);
  });

  it('names the fields of a composite key, and an unknown key only as "key"', async () => {
    const [row] = await sql`SELECT agent_id, skill_id, shop_id, proficiency FROM agent_skills LIMIT 1`;
    const twice = await refusalOf(
      sql`INSERT INTO agent_skills (agent_id, skill_id, shop_id, proficiency)
          VALUES (${row.agent_id}, ${row.skill_id}, ${row.shop_id}, ${row.proficiency})`,
    );
    expect(twice).toMatchObject({
      code: 'common.duplicate',
      en: { detail: 'Another agent skill has the same agent and skill' },
      zh: { detail: '已存在客服和技能相同的客服技能' },
    });
    const [shop] = await sql`SELECT id FROM shops LIMIT 1`;
    await sql`INSERT INTO teams (shop_id, name) VALUES (${shop.id}, 'late shift')`;
    await sql`CREATE UNIQUE INDEX not_in_schema_once ON teams (shop_id, lower(name))`;
    const unknown = await refusalOf(sql`INSERT INTO teams (shop_id, name) VALUES (${shop.id}, 'Late Shift')`);
    expect(unknown.en.detail).toBe('Another team has the same key');
    expect(unknown.zh.detail).not.toContain('not_in_schema_once');
    await sql`DROP INDEX not_in_schema_once`;
  });
});
