import { prepareTemplateDatabase } from './support/test-database';

/**
 * Migrates one template database per run; every test file clones it (CREATE DATABASE … TEMPLATE).
 * Also fixes the instant the run's demo shop is seeded at, so that the demo's data and the
 * tests' calendar name the same days even when the run crosses the shop's midnight (set it to
 * re-run a crossing, e.g. WFM_TEST_DEMO_AT=2026-12-04T15:55:00Z, five minutes before Shanghai's).
 */
export default async function globalSetup(): Promise<void> {
  process.env.WFM_TEST_TEMPLATE = await prepareTemplateDatabase();
  process.env.WFM_TEST_DEMO_AT ??= new Date().toISOString();
}
