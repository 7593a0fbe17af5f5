import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { PUBLIC_KEY, Role, ROLES, ROLES_KEY } from 'src/platform/auth/roles';
import { startTestApp, TestApp } from './support/test-app';

const PUBLIC = 'anyone';
type Table = Map<string, string>;

/** The README's "Who may do what" table: each `METHOD /path` with the roles ticked in its row. */
function readmeTable(): Table {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Who may do what'));
  if (!section) throw new Error('README.md has no "## Who may do what" section');
  const lines = section.split('\n').filter((l) => l.startsWith('|'));
  const header = lines[0]
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
  const roleColumns = ROLES.map((role) => [role, header.indexOf(role)] as const);
  for (const [role, column] of roleColumns) if (column < 0) throw new Error(`the table has no column for ${role}`);
  const table: Table = new Map();
  for (const line of lines.slice(2)) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const who = cells[0].startsWith(PUBLIC)
      ? PUBLIC
      : roleColumns
          .filter(([, column]) => cells[column] !== '')
          .map(([role]) => role)
          .join(',');
    for (const [, endpoint] of cells[1].matchAll(/`((?:GET|POST|PUT|PATCH|DELETE) \/[^`]*)`/g)) {
      if (table.has(endpoint)) throw new Error(`${endpoint} is in the table twice`);
      table.set(endpoint, who);
    }
  }
  return table;
}

/** Every route the app serves, with the roles its guard lets through (as `AuthGuard` reads them). */
function routeGuards(t: TestApp): Table {
  const reflector = new Reflector();
  const routes: Table = new Map();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (!metatype) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, metatype) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = (metatype.prototype as Record<string, unknown>)[name];
        if (
          typeof handler !== 'function' ||
          Reflect.getMetadata(PATH_METADATA, handler) === undefined ||
          name === 'constructor'
        )
          continue;
        const path = `/${[base, Reflect.getMetadata(PATH_METADATA, handler) as string].join('/')}`
          .replace(/\/+/g, '/')
          .replace(/(.)\/$/, '$1');
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const targets = [handler, metatype];
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
        routes.set(
          `${method} ${path}`,
          reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)
            ? PUBLIC
            : ROLES.filter((r) => roles.includes(r)).join(','),
        );
      }
    }
  }
  return routes;
}

describe('the README’s table of who may do what is what the route guards let through (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 300_000);
  afterAll(() => t.close(), 300_000);

  it('lists every route once, with exactly the roles its guard admits', () => {
    const documented = readmeTable();
    const guarded = routeGuards(t);
    expect(guarded.size).toBeGreaterThan(100);
    const differences = [...new Set([...documented.keys(), ...guarded.keys()])]
      .filter((route) => documented.get(route) !== guarded.get(route))
      .map((route) => ({
        route,
        readme: documented.get(route) ?? '(missing)',
        guard: guarded.get(route) ?? '(no such route)',
      }));
    expect(differences).toEqual([]);
  });

  it('refuses the roles the table leaves out: HR edits agents, supervisors import facts but not queue definitions', async () => {
    const supervisor = { Authorization: `Bearer ${await t.tokenFor('supervisor')}` };
    const queues = await t
      .http()
      .post('/imports/queues')
      .set(supervisor)
      .send({ rows: [{ code: 'x', name: 'X', channel: 'chat', kind: 'realtime' }] })
      .expect(403);
    expect(queues.body.code).toBe('common.role-forbidden');
    const volume = {
      queue: 'presales_chat',
      slotStart: '2026-01-05 10:00',
      slotMinutes: 30,
      offered: 3,
      handled: 3,
      abandoned: 0,
    };
    await t
      .http()
      .post('/imports/volume')
      .set(supervisor)
      .send({ rows: [volume] })
      .expect(200);
    const hr = { Authorization: `Bearer ${await t.tokenFor('hr')}` };
    const [agent] = (await t.http().get('/agents').set(hr).expect(200)).body.items ?? [];
    expect(agent).toBeDefined();
    await t.http().patch(`/agents/${agent.id}`).set(hr).send({ name: agent.name }).expect(200);
    await t
      .http()
      .post('/imports/volume')
      .set(hr)
      .send({ rows: [volume] })
      .expect(403);
  });
});
