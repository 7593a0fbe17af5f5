import { claimLeaseMs } from 'src/platform/jobs/job-execution';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.redisUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('keeps a run claimed as long as the job lock unless JOB_LEASE_MS says longer', () => {
    expect(claimLeaseMs(loadConfig({}))).toBe(30_000);
    expect(claimLeaseMs(loadConfig({ JOB_LOCK_MS: '5000' }))).toBe(5_000);
    // The lease follows the lock wherever the lock comes from, as tests override it without loadConfig.
    expect(claimLeaseMs({ ...loadConfig({}), jobLockMs: 1_500 })).toBe(1_500);
    expect(loadConfig({ JOB_LOCK_MS: '5000', JOB_LEASE_MS: '60000' })).toMatchObject({
      jobLockMs: 5_000,
      jobLeaseMs: 60_000,
    });
    expect(() => loadConfig({ JOB_LEASE_MS: '10' })).toThrow(/JOB_LEASE_MS/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://a', JWT_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*JWT_SECRET/,
    );
  });

  it('refuses production without its secrets, naming them', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/CUSTOMER_KEY_SECRET/);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
});
