// dependency-cruiser reads a .svelte file through the Svelte compiler, which drops type-only imports, so
// a component could import a type across a layer boundary unseen (`import type { Studio }` in the canvas).
// This check reads every component's <script> blocks with the TypeScript parser, type imports included,
// and applies the same forbidden rules from .dependency-cruiser.cjs; a planted violation proves it bites.
import { builtinModules, createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { parse } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: Rule[] };

type Paths = string | string[];
interface Rule {
  name: string;
  from: { path?: Paths; pathNot?: Paths };
  to: { path?: Paths; pathNot?: Paths; circular?: boolean; dependencyTypes?: string[]; dependencyTypesNot?: string[] };
}
interface Import {
  /** The importing file, from the repository root (`src/canvas/Canvas.svelte`). */
  from: string;
  /** What it names, as dependency-cruiser would resolve it: a repository path, `node_modules/<package>`, or a builtin. */
  to: string;
  typeOnly: boolean;
  core: boolean;
}

/** Every import and re-export in a component's scripts (instance and module), type-only ones included. */
function svelteImports(file: string, source: string): Import[] {
  const ast = parse(source, { modern: true });
  const scripts = [ast.instance, ast.module].flatMap((script) => (script ? [source.slice(script.start, script.end).replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')] : []));
  return scripts.flatMap((code) => {
    const tree = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const found: Import[] = [];
    const add = (specifier: string, typeOnly: boolean) => found.push(resolve(file, specifier, typeOnly));
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
        const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((element) => element.isTypeOnly)));
        add(node.moduleSpecifier.text, typeOnly);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        add(node.arguments[0].text, false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        add(node.argument.literal.text, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
    return found;
  });
}

function resolve(file: string, specifier: string, typeOnly: boolean): Import {
  const core = specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);
  if (core) return { from: file, to: specifier, typeOnly, core };
  const to = specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : `node_modules/${specifier}`;
  return { from: file, to, typeOnly, core };
}

const list = (paths: Paths | undefined) => (paths === undefined ? [] : Array.isArray(paths) ? paths : [paths]);
const matchesAny = (paths: Paths | undefined, value: string) => list(paths).some((pattern) => new RegExp(pattern).test(value));
const HANDLED_TO = new Set(['path', 'pathNot', 'circular', 'dependencyTypes', 'dependencyTypesNot']);

/** The rules an import breaks, read as dependency-cruiser reads them (cycles are left to dependency-cruiser). */
function broken(imports: Import[], rules: Rule[]): string[] {
  return imports.flatMap((edge) =>
    rules
      .filter((rule) => {
        const unknown = [...Object.keys(rule.from), ...Object.keys(rule.to)].filter((key) => !['path', 'pathNot'].includes(key) && !HANDLED_TO.has(key));
        if (unknown.length) throw new Error(`${rule.name}: this check does not read ${unknown.join(', ')} yet`);
        if (rule.to.circular) return false;
        if (rule.from.path !== undefined && !matchesAny(rule.from.path, edge.from)) return false;
        if (matchesAny(rule.from.pathNot, edge.from)) return false;
        if (rule.to.path !== undefined && !matchesAny(rule.to.path, edge.to)) return false;
        if (matchesAny(rule.to.pathNot, edge.to)) return false;
        if (rule.to.dependencyTypes && !(rule.to.dependencyTypes.includes('core') && edge.core)) return false;
        if (rule.to.dependencyTypesNot?.includes('type-only') && edge.typeOnly) return false;
        return true;
      })
      .map((rule) => `${rule.name}: ${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`),
  );
}

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return components(path);
    return entry.name.endsWith('.svelte') ? [path] : [];
  });
}

describe('import rules in Svelte components, type-only imports included', () => {
  it('no component breaks a rule of .dependency-cruiser.cjs', () => {
    const files = components(join(ROOT, 'src'));
    expect(files.length).toBeGreaterThan(20);
    const imports = files.flatMap((path) => svelteImports(relative(ROOT, path).split('\\').join('/'), readFileSync(path, 'utf8')));
    // The reader finds what is there: Canvas.svelte's type import of its host.
    expect(imports).toContainEqual({ from: 'src/canvas/Canvas.svelte', to: 'src/canvas/host.ts', typeOnly: true, core: false });
    expect(broken(imports, config.forbidden)).toEqual([]);
  });

  it('catches a type-only import the Svelte compiler would have hidden', () => {
    const planted = `<script lang="ts">\n  import type { Studio } from '../ui/state/studio.svelte.ts';\n  let { studio }: { studio: Studio } = $props();\n</script>\n<p>{studio.mapId}</p>\n`;
    expect(broken(svelteImports('src/canvas/Planted.svelte', planted), config.forbidden)).toEqual(['canvas-below-ui: src/canvas/Planted.svelte → src/ui/state/studio.svelte.ts (type)']);
    const cytoscapeType = `<script lang="ts">\n  import { type Core } from 'cytoscape';\n  let { cy }: { cy: Core } = $props();\n</script>\n`;
    expect(broken(svelteImports('src/ui/Planted.svelte', cytoscapeType), config.forbidden)).toEqual(['only-the-canvas-knows-cytoscape: src/ui/Planted.svelte → node_modules/cytoscape (type)']);
    const moduleScript = `<script module lang="ts">\n  export type { Studio } from '../ui/state/studio.svelte.ts';\n</script>\n`;
    expect(broken(svelteImports('src/canvas/Planted.svelte', moduleScript), config.forbidden)).toEqual(['canvas-below-ui: src/canvas/Planted.svelte → src/ui/state/studio.svelte.ts (type)']);
  });

  it('reads dependency types as dependency-cruiser does: a type import of a worker is not a start of one', () => {
    const source = `<script lang="ts">\n  import type { Api } from '../../workers/analysis.worker.ts';\n</script>\n`;
    const [edge] = svelteImports('src/ui/Planted.svelte', source);
    expect(edge).toMatchObject({ to: 'workers/analysis.worker.ts', typeOnly: true });
    // Only the rule that counts type imports too applies (workers-are-entry-points lets types through).
    expect(broken([edge], config.forbidden)).toEqual(['worker-clients-in-one-place: src/ui/Planted.svelte → workers/analysis.worker.ts (type)']);
  });
});
