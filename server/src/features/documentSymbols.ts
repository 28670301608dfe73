/*
 * textDocument/documentSymbol: the codes of a document in the Outline view and Go to Symbol.
 */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';

export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(({ textDocument }) => {
    const code = context.documents.scanned(String(textDocument?.uri));
    if (!code) {
      return null;
    }
    const symbols = context.service.symbols(code, context.language(textDocument.uri));
    return symbols.map(
      (symbol): DocumentSymbol => ({ name: symbol.name, detail: symbol.detail, kind: SymbolKind.Key, range: symbol.range, selectionRange: symbol.range }),
    );
  });
}
