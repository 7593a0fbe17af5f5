import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'artifacts' ? [] : testFiles(path);
    return /\.(spec|e2e-spec)\.ts$/.test(name) || (dir.includes(join('test', 'support')) && name.endsWith('.ts'))
      ? [path]
      : [];
  });
}

// A fresh clone has no shared folder beside it: reference values a test needs are fixtures in the repository.
describe('tests stand on the repository alone', () => {
  it('no test or test support file reads the shared folder beside the checkout', () => {
    const reaching = testFiles(join(root, 'src'))
      .concat(testFiles(join(root, 'test')))
      .filter((file) => /(\.\.[/\\]|['"]\.\.['"],\s*)+['"]?shared\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
      .filter((file) => file !== relative(root, __filename));
    expect(reaching).toEqual([]);
  });
});
