import { bearer, type TestApp } from './test-app';

/** The ids of the demo shop's queues with these codes (`presales_chat`, `hotline`, …), as a user with `token` lists them. */
export async function demoQueueIds<const C extends string>(
  t: TestApp,
  token: string,
  codes: readonly C[],
): Promise<Record<C, string>> {
  const queues = (await t.http().get('/queues').set(bearer(token)).expect(200)).body as { id: string; code: string }[];
  return Object.fromEntries(codes.map((code) => [code, queues.find((q) => q.code === code)!.id])) as Record<C, string>;
}
