/*
 * textDocument/hover: the explanation of the code under the cursor.
 */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(({ textDocument, position }) => {
    const code = context.documents.get(String(textDocument?.uri))?.code;
    if (!code) {
      return null;
    }
    const settings = context.settings.snapshot(textDocument.uri);
    const result = context.service.hover(code, position, context.languageFrom(settings), { ignoredCodes: new Set(settings.ignoredCodes) });
    if (!result) {
      return null;
    }
    const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
    return hover;
  });
}
