/**
 * The house's own lint rules (eslint.config.mjs registers them as `house/*`).
 * - layers: src/platform knows no domain, the domains (src/modules) know no demo; the demo
 *   (src/demo) and the entry points (src/*.ts) sit on top and may import everything.
 */
import { dirname, relative, resolve } from 'node:path';

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

export default { rules: { layers } };
