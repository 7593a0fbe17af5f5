import { prepareTemplateDatabase } from './support/test-database';

/** Migrates one template database per run; every test file clones it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  process.env.WFM_TEST_TEMPLATE = await prepareTemplateDatabase();
}
