/*
 * textDocument/hover: the explanation of the code under the cursor.
 */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(({ textDocument, position }) => {
    const code = context.documents.scanned(String(textDocument?.uri));
    if (!code) {
      return null;
    }
    const result = context.service.hover(code, position, context.language(textDocument.uri));
    if (!result) {
      return null;
    }
    const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
    return hover;
  });
}
