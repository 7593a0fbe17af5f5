import { join, resolve } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Rule, RuleTester } from 'eslint';

/**
 * The house's own lint rules (scripts/eslint-house-rules.mjs): what each lets through and what it
 * reports. Files are named by their place in the repository, since every rule decides by path; the
 * cross-domain rule reads the real schema for each table's owner.
 */
const root = resolve(__dirname, '..');
const at = (path: string) => join(root, path);
const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });

// The rules load asynchronously (an ES module), so each rule's cases run inside one jest test:
// the tester's own describe/it just run their callback, and a failing case throws.
RuleTester.describe = (_text: string, run: () => void) => run();
RuleTester.it = (_text: string, run: () => void) => run();
RuleTester.itOnly = RuleTester.it;

let rules: Record<'layers' | 'cross-domain-reads' | 'import-style', Rule.RuleModule>;
beforeAll(async () => {
  // An ES module (eslint.config.mjs loads it): needs `npm test`'s --experimental-vm-modules, like password.spec.
  const plugin = (await import(at('scripts/eslint-house-rules.mjs'))) as { default: { rules: typeof rules } };
  rules = plugin.default.rules;
});

describe('house/layers', () => {
  it('lets each layer import itself, the layers below it and packages', () => {
    tester.run('layers', rules.layers, {
      valid: [
        { filename: at('src/platform/cache/view-cache.ts'), code: "import { Db } from 'src/platform/db/db';" },
        { filename: at('src/platform/cache/view-cache.ts'), code: "import { Injectable } from '@nestjs/common';" },
        { filename: at('src/modules/qc/review.service.ts'), code: "import { Db } from 'src/platform/db/db';" },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { TeamService } from '../org/team.service';",
        },
        { filename: at('src/demo/demo-setup.ts'), code: "import { QcModule } from 'src/modules/qc/qc.module';" },
        { filename: at('src/main.ts'), code: "import { DemoSetup } from 'src/demo/demo-setup';" },
        // A spec may use the demo's data as fixtures.
        { filename: at('src/modules/qc/review.spec.ts'), code: "import { demoShop } from 'src/demo/demo-data';" },
        // Outside the layers (tests, scripts) nothing is checked.
        { filename: at('test/qc.e2e-spec.ts'), code: "import { DemoSetup } from 'src/demo/demo-setup';" },
      ],
      invalid: [
        {
          filename: at('src/platform/cache/view-cache.ts'),
          code: "import { RosterReading } from 'src/modules/roster/roster-reading.service';",
          errors: [
            {
              messageId: 'upward',
              data: {
                from: 'src/platform',
                to: 'src/modules',
                path: 'src/modules/roster/roster-reading.service',
                why: 'the platform serves every domain and knows none; pass what it needs in, or move the code up',
              },
            },
          ],
        },
        {
          // A relative path is resolved before its layer is known.
          filename: at('src/platform/db/seed.ts'),
          code: "import { QcModule } from '../../modules/qc/qc.module';",
          errors: [{ messageId: 'upward' }],
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { demoShop } from 'src/demo/demo-data';",
          errors: [
            {
              messageId: 'upward',
              data: {
                from: 'src/modules',
                to: 'src/demo',
                path: 'src/demo/demo-data',
                why: 'the demo is made through the modules, never the other way round',
              },
            },
          ],
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { bootstrap } from 'src/main';",
          errors: [
            {
              messageId: 'upward',
              data: {
                from: 'src/modules',
                to: 'src/entry',
                path: 'src/main',
                why: 'the demo is made through the modules, never the other way round',
              },
            },
          ],
        },
        {
          // Re-exports, dynamic imports and `typeof import()` count as imports too.
          filename: at('src/platform/jobs/index.ts'),
          code: [
            "export * from 'src/modules/qc/qc.module';",
            "export { RosterModule } from 'src/modules/roster/roster.module';",
            "const later = () => import('src/demo/demo-setup');",
            "type Setup = typeof import('src/demo/demo-setup');",
          ].join('\n'),
          errors: [
            { messageId: 'upward', line: 1 },
            { messageId: 'upward', line: 2 },
            { messageId: 'upward', line: 3 },
            { messageId: 'upward', line: 4 },
          ],
        },
      ],
    });
  });
});

describe('house/cross-domain-reads', () => {
  it("lets a module read its own tables, the organisation's and anything in a *.reads.ts file", () => {
    tester.run('cross-domain-reads', rules['cross-domain-reads'], {
      valid: [
        {
          filename: at('src/modules/qc/review.repository.ts'),
          code: "import { qcReviews } from 'src/platform/db/schema';",
        },
        // Reference tables: shops, teams, agents, skills, agent skills, users, queues.
        {
          filename: at('src/modules/qc/review.repository.ts'),
          code: "import { agents, queues, shops, teams, users } from 'src/platform/db/schema';",
        },
        {
          filename: at('src/modules/qc/review.repository.ts'),
          code: 'const q = sql`select id from qc_reviews r join agents a on a.id = r.agent_id`;',
        },
        // Owners given by table, not by schema file: open shifts live in self-service.ts.
        {
          filename: at('src/modules/open-shift/open-shift.repository.ts'),
          code: "import { openShifts } from 'src/platform/db/schema';",
        },
        {
          filename: at('src/modules/ingest/fact.repository.ts'),
          code: "import { chatSessions } from 'src/platform/db/schema/ingest';",
        },
        {
          filename: at('src/modules/qc/sample-candidates.reads.ts'),
          code: "import { chatSessions, orders } from 'src/platform/db/schema';",
        },
        { filename: at('src/modules/qc/sample-candidates.reads.ts'), code: "const q = 'select 1 from complaints';" },
        {
          filename: at('src/modules/qc/review.spec.ts'),
          code: "import { chatSessions } from 'src/platform/db/schema';",
        },
        // Outside src/modules (the platform, tests) the rule does not apply.
        {
          filename: at('src/platform/db/seed.ts'),
          code: "import { chatSessions, rosters } from 'src/platform/db/schema';",
        },
        // Words after FROM that are no table of the schema.
        { filename: at('src/modules/qc/review.service.ts'), code: "const t = 'Choose a session from yesterday';" },
      ],
      invalid: [
        {
          filename: at('src/modules/qc/review.repository.ts'),
          code: "import { chatSessions, qcReviews } from 'src/platform/db/schema';",
          errors: [
            { messageId: 'foreign', data: { module: 'qc', table: 'chat_sessions', owner: 'ingest' }, column: 10 },
          ],
        },
        {
          // A relative import of a schema file; the platform owns job runs.
          filename: at('src/modules/ingest/import.repository.ts'),
          code: "import { jobRuns } from '../../platform/db/schema/jobs';",
          errors: [{ messageId: 'foreign', data: { module: 'ingest', table: 'job_runs', owner: 'platform' } }],
        },
        {
          filename: at('src/modules/open-shift/open-shift.repository.ts'),
          code: "import { rosters } from 'src/platform/db/schema';",
          errors: [{ messageId: 'foreign', data: { module: 'open-shift', table: 'rosters', owner: 'roster' } }],
        },
        {
          filename: at('src/modules/qc/sample.repository.ts'),
          code: [
            'const q = sql`select * from chat_sessions s',
            '  left join orders o on o.attributed_session_id = s.id',
            '  join "complaints" c on c.agent_id = s.agent_id`;',
          ].join('\n'),
          errors: [
            { messageId: 'foreign', data: { module: 'qc', table: 'chat_sessions', owner: 'ingest' } },
            { messageId: 'foreign', data: { module: 'qc', table: 'orders', owner: 'ingest' } },
            { messageId: 'foreign', data: { module: 'qc', table: 'complaints', owner: 'complaints' } },
          ],
        },
        {
          // Writing counts as well as reading, and plain strings as well as templates.
          filename: at('src/modules/roster/roster.repository.ts'),
          code: "const q = 'UPDATE training_sessions SET title = $1';",
          errors: [{ messageId: 'foreign', data: { module: 'roster', table: 'training_sessions', owner: 'training' } }],
        },
        {
          filename: at('src/modules/training/training.repository.ts'),
          code: "const q = 'insert into time_off_requests (id) values ($1)';",
          errors: [
            { messageId: 'foreign', data: { module: 'training', table: 'time_off_requests', owner: 'time-off' } },
          ],
        },
      ],
    });
  });
});

describe('house/import-style', () => {
  it('wants relative imports within the folder and below, src/... for the rest of src', () => {
    tester.run('import-style', rules['import-style'], {
      valid: [
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { ReviewRepository } from './review.repository';",
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { drawDailySample } from './engine/daily-sample';",
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { TeamService } from 'src/modules/org/team.service';",
        },
        { filename: at('src/modules/qc/review.service.ts'), code: "import { Injectable } from '@nestjs/common';" },
        { filename: at('src/modules/roster/solver/index.ts'), code: "export * from '.';" },
        {
          filename: at('src/modules/qc/engine/daily-sample.ts'),
          code: "import type { Outcome } from 'src/modules/qc/qc.dto';",
        },
        { filename: at('test/qc.e2e-spec.ts'), code: "import { QcModule } from 'src/modules/qc/qc.module';" },
        // Relative imports outside src/ are none of the rule's business.
        { filename: at('test/qc.e2e-spec.ts'), code: "import { startTestApp } from './support/test-app';" },
      ],
      invalid: [
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { TeamService } from '../org/team.service';",
          output: "import { TeamService } from 'src/modules/org/team.service';",
          errors: [
            { messageId: 'style', data: { source: '../org/team.service', wanted: 'src/modules/org/team.service' } },
          ],
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: 'import { ReviewRepository } from "src/modules/qc/review.repository";',
          output: 'import { ReviewRepository } from "./review.repository";',
          errors: [
            { messageId: 'style', data: { source: 'src/modules/qc/review.repository', wanted: './review.repository' } },
          ],
        },
        {
          filename: at('src/modules/qc/review.service.ts'),
          code: "import { drawDailySample } from 'src/modules/qc/engine/daily-sample';",
          output: "import { drawDailySample } from './engine/daily-sample';",
          errors: [{ messageId: 'style' }],
        },
        {
          // Up out of the folder is never relative, even one step.
          filename: at('src/modules/qc/engine/daily-sample.ts'),
          code: "export type { Outcome } from '../qc.dto';",
          output: "export type { Outcome } from 'src/modules/qc/qc.dto';",
          errors: [{ messageId: 'style' }],
        },
        {
          filename: at('src/modules/roster/solver/solve.ts'),
          code: "const worker = () => import('src/modules/roster/solver/greedy-construction');",
          output: "const worker = () => import('./greedy-construction');",
          errors: [{ messageId: 'style' }],
        },
        {
          filename: at('test/qc.e2e-spec.ts'),
          code: "import { QcModule } from '../src/modules/qc/qc.module';",
          output: "import { QcModule } from 'src/modules/qc/qc.module';",
          errors: [{ messageId: 'style' }],
        },
      ],
    });
  });
});
