/**
 * ESLint rule `hearth/package-boundaries`: a file imports another workspace by its package name
 * (what that package's `exports` offers: `@hearth/relay-server/app`), never by a relative path
 * into its folder (`../../relay-server/src/app`) nor by name into its `src/`
 * (`@hearth/relay-server/src/app`). Paths within one workspace stay relative.
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Workspace folders, deepest first; anything else (scripts/, e2e/, the root) is the root package. */
const WORKSPACES = ['scripts/test-kit', 'relay-server', 'desktop', 'common'];

/** The workspace a file belongs to, by its path relative to the repository root. */
export function workspaceOf(file) {
  const relative = path.relative(ROOT, path.resolve(file)).split(path.sep).join('/');
  return WORKSPACES.find((w) => relative === w || relative.startsWith(`${w}/`)) ?? '(root)';
}

/** @type {import('eslint').Rule.RuleModule} */
export const packageBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import other workspaces by package name, never by relative path or into their src/' },
    schema: [],
    messages: {
      relative:
        "'{{source}}' reaches into the workspace {{target}} by path: import it by package name (add what is needed to its package.json exports).",
      intoSrc: "'{{source}}' names another package's src/ folder: import what its package.json exports instead.",
    },
  },
  create(context) {
    const file = context.filename;
    const own = workspaceOf(file);
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const source = node.value;
      if (/^@hearth\/[^/]+\/src(\/|$)/.test(source)) {
        context.report({ node, messageId: 'intoSrc', data: { source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = workspaceOf(path.resolve(path.dirname(file), source));
      if (target !== own) context.report({ node, messageId: 'relative', data: { source, target } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default { rules: { 'package-boundaries': packageBoundaries } };
