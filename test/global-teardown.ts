import { rmSync } from 'node:fs';
import { dropRunDatabases } from './support/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases(process.env.WFM_TEST_TEMPLATE);
  if (process.env.WFM_TEST_RUN_TMP) rmSync(process.env.WFM_TEST_RUN_TMP, { recursive: true, force: true });
}
