/*
 * textDocument/hover: the explanation of the code under the cursor.
 */
import { Hover, MarkupKind } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';

const EXPLAIN_ENTRY_COMMAND = 'errorCodebook.explainEntry';

/** A command link to an entry's explanation, listing every meaning of the code as the text writes it. */
function explainLink(entryId: string, code: string): string {
  return `command:${EXPLAIN_ENTRY_COMMAND}?${encodeURIComponent(JSON.stringify([{ entryId, code }]))}`;
}

export function registerHover(context: ServerContext): void {
  context.connection.onHover(({ textDocument, position }) => {
    const code = context.documents.scanned(String(textDocument?.uri));
    if (!code) {
      return null;
    }
    const settings = context.settings.snapshot(textDocument.uri);
    const result = context.service.hover(code, position, context.languageFrom(settings), {
      ignoredCodes: new Set(settings.ignoredCodes),
      // Clients that run the explanation command get a link to the full list of other meanings.
      ...(context.clientCommands.has(EXPLAIN_ENTRY_COMMAND) ? { explainLink } : {}),
    });
    if (!result) {
      return null;
    }
    const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: result.range };
    return hover;
  });
}
