import { dropRunDatabases } from './support/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases(process.env.WFM_TEST_TEMPLATE);
}
