import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { serveWebPage, webPageFolder } from './web-page';

describe('the web page folder', () => {
  it('is found beside the compiled code (src/web in tests, dist/web once built)', () => {
    expect(existsSync(join(webPageFolder, 'index.html'))).toBe(true);
    expect(existsSync(join(webPageFolder, 'assets', 'app.js'))).toBe(true);
  });

  it('refuses to start without the page rather than serve nothing at /', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wfm-web-'));
    expect(() => serveWebPage({} as INestApplication, empty)).toThrow(/web page is missing/);
  });
});
