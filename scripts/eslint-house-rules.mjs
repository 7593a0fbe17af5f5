/**
 * The house's own lint rules (eslint.config.mjs registers them as `house/*`).
 * - layers: src/platform knows no domain, the domains (src/modules) know no demo; the demo
 *   (src/demo) and the entry points (src/*.ts) sit on top and may import everything.
 * - cross-domain-reads: a module reads another domain's tables (by importing them from the schema
 *   or by naming them in SQL) only in a `*.reads.ts` file; the organisation's reference tables
 *   (shops, teams, agents, skills, agent skills, users, queues) every module may read.
 * - import-style: code of src/ in the importing file's folder or below is imported relatively
 *   (`./x`, `./engine/y`), anything else of src/ by its path from the root (`src/platform/...`);
 *   never `../` into src/. `--fix` rewrites either way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The repository path an import points at (`src/...`), or null for a package. */
function target(filename, source) {
  if (source.startsWith('src/')) return source;
  if (source.startsWith('.')) return relative(root, resolve(dirname(filename), source));
  return null;
}

function layerOf(path) {
  if (path.startsWith('src/platform/')) return 'platform';
  if (path.startsWith('src/modules/')) return 'modules';
  if (path.startsWith('src/demo/')) return 'demo';
  if (path.startsWith('src/') && !path.slice(4).includes('/')) return 'entry';
  return null;
}

/** What each layer may import besides itself and packages. */
const ALLOWED = {
  platform: ['platform'],
  modules: ['modules', 'platform'],
  demo: ['demo', 'modules', 'platform', 'entry'],
  entry: ['entry', 'demo', 'modules', 'platform'],
};

/** Calls `check(node, source)` for every import, re-export and dynamic import of a file. */
function eachImport(check) {
  const of = (node) => node.source && typeof node.source.value === 'string' && check(node.source, node.source.value);
  return {
    ImportDeclaration: of,
    ExportNamedDeclaration: of,
    ExportAllDeclaration: of,
    ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, String(node.source.value)),
    // `typeof import('...')` in a type.
    TSImportType: (node) => {
      const literal = node.source ?? node.argument?.literal;
      if (literal?.type === 'Literal' && typeof literal.value === 'string') check(literal, literal.value);
    },
  };
}

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'src/platform imports no domain module; src/modules imports nothing of src/demo' },
    messages: { upward: '{{from}} may not import {{to}} ({{path}}): {{why}}' },
    schema: [],
  },
  create(context) {
    const file = relative(root, context.filename);
    const from = layerOf(file);
    if (!from || file.endsWith('.spec.ts')) return {};
    return eachImport((node, source) => {
      const path = target(context.filename, source);
      const to = path && layerOf(path);
      if (!to || ALLOWED[from].includes(to)) return;
      const why =
        from === 'platform'
          ? 'the platform serves every domain and knows none; pass what it needs in, or move the code up'
          : 'the demo is made through the modules, never the other way round';
      context.report({ node, messageId: 'upward', data: { from: `src/${from}`, to: `src/${to}`, path, why } });
    });
  },
};

/** Tables every module may read: who the shop is, its people, skills and queues. */
const REFERENCE = new Set(['shops', 'teams', 'agents', 'skills', 'agent_skills', 'users', 'queues']);
/** The owner of each schema file's tables (a module, or the platform), and the exceptions by table. */
const FILE_OWNER = { adherence: 'ingest', auth: 'platform', jobs: 'platform' };
const TABLE_OWNER = {
  time_off_requests: 'time-off',
  self_service_events: 'self-service',
  notifications: 'notification',
  shift_swaps: 'shift-swap',
  open_shifts: 'open-shift',
  open_shift_volunteers: 'open-shift',
};

/** Every table of the schema: its SQL name and owner, by SQL name and by exported name. */
function schemaTables() {
  const folder = join(root, 'src/platform/db/schema');
  const bySql = new Map();
  const byExport = new Map();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const domain = basename(file, '.ts');
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, name, sqlName] of text.matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) {
      const table = { sqlName, owner: TABLE_OWNER[sqlName] ?? FILE_OWNER[domain] ?? domain };
      bySql.set(sqlName, table);
      byExport.set(name, table);
    }
  }
  return { bySql, byExport };
}

let tables;
const SQL_TABLE = /\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi;

const crossDomainReads = {
  meta: {
    type: 'problem',
    docs: { description: 'another domain’s tables are read only in a *.reads.ts file' },
    messages: {
      foreign:
        "{{module}} reads {{table}} ({{owner}}'s) outside a *.reads.ts file: move the query into one (see docs/decisions.md, cross-domain reads)",
    },
    schema: [],
  },
  create(context) {
    const file = relative(root, context.filename);
    const match = /^src\/modules\/([^/]+)\//.exec(file);
    if (!match || file.endsWith('.spec.ts') || file.endsWith('.reads.ts')) return {};
    const module = match[1];
    tables ??= schemaTables();
    const check = (node, table) => {
      if (!table || REFERENCE.has(table.sqlName) || table.owner === module) return;
      context.report({ node, messageId: 'foreign', data: { module, table: table.sqlName, owner: table.owner } });
    };
    const sqlText = (node, text) => {
      for (const [, name] of text.matchAll(SQL_TABLE)) check(node, tables.bySql.get(name.toLowerCase()));
    };
    return {
      ImportDeclaration(node) {
        const path = target(context.filename, node.source.value);
        if (path !== 'src/platform/db/schema' && !path?.startsWith('src/platform/db/schema/')) return;
        for (const spec of node.specifiers)
          if (spec.type === 'ImportSpecifier') check(spec, tables.byExport.get(spec.imported.name));
      },
      TemplateElement: (node) => sqlText(node, node.value.raw),
      Literal: (node) => typeof node.value === 'string' && sqlText(node, node.value),
    };
  },
};

const importStyle = {
  meta: {
    type: 'suggestion',
    fixable: 'code',
    docs: { description: 'relative imports only within a folder and below; src/... for the rest of src' },
    messages: { style: "import '{{source}}' as '{{wanted}}': relative within the folder and below, src/... otherwise" },
    schema: [],
  },
  create(context) {
    const file = relative(root, context.filename);
    const folder = dirname(file);
    return eachImport((node, source) => {
      const path = target(context.filename, source);
      if (!path || !path.startsWith('src/')) return;
      if (path === folder && (source === '.' || source === './')) return;
      const below = path === folder || path.startsWith(`${folder}/`);
      const wanted = path === folder ? '.' : below ? `./${relative(folder, path)}` : path;
      if (wanted === source) return;
      context.report({
        node,
        messageId: 'style',
        data: { source, wanted },
        fix: (fixer) => fixer.replaceText(node, `${node.raw[0]}${wanted}${node.raw[0]}`),
      });
    });
  },
};

export default { rules: { layers, 'cross-domain-reads': crossDomainReads, 'import-style': importStyle } };
