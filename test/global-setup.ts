import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTemplateDatabase } from './support/test-database';

/**
 * Migrates one template database per run; every test file clones it (CREATE DATABASE … TEMPLATE).
 * Also fixes the instant the run's demo shop is seeded at, so that the demo's data and the
 * tests' calendar name the same days even when the run crosses the shop's midnight (set it to
 * re-run a crossing, e.g. WFM_TEST_DEMO_AT=2026-12-04T15:55:00Z, five minutes before Shanghai's).
 * Every temporary folder of the run (data folders, embedded PostgreSQL, exports, browsers) goes
 * under one folder of its own, removed at the end: a run left about 150 folders and 190 MB in /tmp.
 * Others may pass through it, as through /tmp (the embedded PostgreSQL runs as its own user).
 */
export default async function globalSetup(): Promise<void> {
  process.env.WFM_TEST_RUN_TMP = mkdtempSync(join(tmpdir(), 'wfm-test-run-'));
  chmodSync(process.env.WFM_TEST_RUN_TMP, 0o755);
  process.env.TMPDIR = process.env.WFM_TEST_RUN_TMP;
  process.env.WFM_TEST_TEMPLATE = await prepareTemplateDatabase();
  process.env.WFM_TEST_DEMO_AT ??= new Date().toISOString();
}
