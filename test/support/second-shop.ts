import type { AppConfig } from 'src/platform/config/app-config';
import type { TestApp } from './test-app';
import { bearer, startTestApp } from './test-app';

export type SecondShop = { shopId: string; agentId: string; teamId: string; managerToken: string; agentToken: string };

/** Another tenant with a manager, a team and an agent user, made through the public API. */
export async function createSecondShop(t: TestApp, code = 'other'): Promise<SecondShop> {
  const admin = await t.tokenFor('admin');
  const shop = await t
    .http()
    .post('/shops')
    .set(bearer(admin))
    .send({ code, name: 'Other shop', timeZone: 'Europe/Berlin', currency: 'EUR' })
    .expect(201);
  const as = { ...bearer(admin), 'X-Shop-Id': shop.body.id };
  await t.http().post('/skills').set(as).send({ code: 'pre_sales', name: 'Pre-sales' }).expect(201);
  const team = await t.http().post('/teams').set(as).send({ name: 'Team B' }).expect(201);
  const agent = await t
    .http()
    .post('/agents')
    .set(as)
    .send({
      employeeNo: 'B001',
      name: 'Berta',
      teamId: team.body.id,
      roleGroup: 'pre_sales',
      hireDate: '2025-01-01',
      contract: { minWeekMinutes: 2400, maxWeekMinutes: 2880, maxDaysPerWeek: 5, minRestHours: 11 },
      skills: [{ skill: 'pre_sales', proficiency: 3 }],
    })
    .expect(201);
  await t
    .http()
    .post('/users')
    .set(as)
    .send({ username: `${code}-manager`, displayName: 'B manager', password: 'password-b1', role: 'manager' })
    .expect(201);
  await t
    .http()
    .post('/users')
    .set(as)
    .send({
      username: `${code}-agent`,
      displayName: 'Berta',
      password: 'password-b2',
      role: 'agent',
      agentId: agent.body.id,
    })
    .expect(201);
  return {
    shopId: shop.body.id,
    agentId: agent.body.id,
    teamId: team.body.id,
    managerToken: await t.tokenFor(`${code}-manager`, 'password-b1'),
    agentToken: await t.tokenFor(`${code}-agent`, 'password-b2'),
  };
}

/**
 * The setup of every access test: the app on a database of its own (startTestApp, with `config`
 * over the test defaults), the demo manager's token and a second shop (createSecondShop).
 */
export async function startTestAppWithSecondShop(
  options: { config?: Partial<AppConfig>; secondShop?: string } = {},
): Promise<{ t: TestApp; manager: string; other: SecondShop }> {
  const t = await startTestApp(options.config);
  const manager = await t.tokenFor('manager');
  const other = await createSecondShop(t, options.secondShop);
  return { t, manager, other };
}
