/*
 * No dead exports: every name a module of the product (server/src, client/src) exports is imported
 * by some other file of the project (the product, its tests or the benchmark), or is an entry point
 * the host calls. An export only its own file uses should not be exported. The TypeScript compiler
 * resolves every import to the declaration it names, re-exports included, so nothing is guessed
 * from text. (Tools from npm that do this, such as ts-prune or knip, would be one more dependency
 * for a check the compiler already answers offline.)
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { it } from 'node:test';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..');

/** Names the host calls by convention, not by import. */
const ENTRY_POINTS = new Set(['client/src/extension.ts:activate', 'client/src/extension.ts:deactivate']);


function program(): ts.Program {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

it('has no value exported that nothing else imports', { timeout: 120_000 }, () => {
  const built = program();
  const checker = built.getTypeChecker();
  const sources = built.getSourceFiles().filter((file) => !file.isDeclarationFile && !file.fileName.includes('node_modules'));
  const declarationsOf = (symbol: ts.Symbol): ts.Declaration[] => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    return target.declarations ?? [];
  };
  // Every declaration another file imports (through any chain of re-exports).
  const used = new Set<ts.Declaration>();
  for (const file of sources) {
    const visit = (node: ts.Node): void => {
      if ((ts.isImportSpecifier(node) || ts.isExportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) && node.name) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (symbol) {
          for (const declaration of declarationsOf(symbol)) {
            if (declaration.getSourceFile() !== file) {
              used.add(declaration);
            }
          }
          if (ts.isNamespaceImport(node)) {
            // `import * as x`: everything the module exports counts as used.
            const module = checker.getAliasedSymbol(symbol);
            for (const exported of checker.getExportsOfModule(module)) {
              declarationsOf(exported).forEach((declaration) => used.add(declaration));
            }
          }
        }
      }
      if (ts.isExportDeclaration(node) && !node.exportClause && node.moduleSpecifier) {
        // `export * from`: what the target exports is used as far as the re-exporting module's names are.
        const module = checker.getSymbolAtLocation(node.moduleSpecifier);
        for (const exported of module ? checker.getExportsOfModule(module) : []) {
          declarationsOf(exported).forEach((declaration) => used.add(declaration));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const dead: string[] = [];
  for (const file of sources) {
    const relative = path.relative(ROOT, file.fileName).split(path.sep).join('/');
    if (!relative.startsWith('server/src/') && !relative.startsWith('client/src/')) {
      continue;
    }
    const module = checker.getSymbolAtLocation(file);
    for (const exported of module ? checker.getExportsOfModule(module) : []) {
      const declarations = declarationsOf(exported).filter((declaration) => declaration.getSourceFile() === file);
      // Types cost nothing at run time and describe the shapes of public signatures: only values are checked.
      const isValue = (exported.flags & ts.SymbolFlags.Value) !== 0;
      if (declarations.length === 0 || !isValue || ENTRY_POINTS.has(`${relative}:${exported.name}`)) {
        // A re-export: its use is checked where it is declared.
        continue;
      }
      if (!declarations.some((declaration) => used.has(declaration))) {
        dead.push(`${relative}: ${exported.name}`);
      }
    }
  }
  assert.deepEqual(dead.sort(), []);
});
