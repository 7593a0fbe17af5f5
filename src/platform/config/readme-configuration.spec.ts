import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentSchema } from './app-config';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The README's configuration table: for each row, the variables it names and its default cell. */
function configurationRows(): { names: string[]; defaults: string }[] {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [names, defaults] = line.split('|').slice(1, 3);
      return { names: [...names.matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1]), defaults: defaults.trim() };
    });
}

describe('README configuration table', () => {
  const rows = configurationRows();
  const defaults = environmentSchema.parse({}) as Record<string, unknown>;

  it('names every variable the server reads, once, and nothing it does not read', () => {
    const documented = rows.flatMap((r) => r.names);
    expect([...documented].sort()).toEqual(Object.keys(environmentSchema.shape).sort());
  });

  it('gives each variable the default the code has', () => {
    for (const { names, defaults: cell } of rows) {
      const values = [...cell.matchAll(/`([^`]*)`/g)].map((m) => m[1]);
      names.forEach((name, i) => {
        const value = defaults[name];
        // Unset in the code: the README says what stands in for it (embedded database, a generated secret …).
        if (value === undefined || value === '') {
          expect({ name, cell: /^(unset|generated|`database` with)/.test(cell) }).toEqual({ name, cell: true });
          return;
        }
        expect({ name, documented: values[i] }).toEqual({ name, documented: String(value) });
      });
    }
  });
});
