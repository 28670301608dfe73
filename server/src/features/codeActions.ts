/*
 * textDocument/codeAction: on each Error Codebook diagnostic, open its documentation, and (in
 * clients that can) show or copy its explanation. Opening is done by the server, so it works in any editor.
 */
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const OPEN_DOCUMENTATION_COMMAND = 'errorCodebook.openDocumentation';
const COPY_EXPLANATION_COMMAND = 'errorCodebook.copyExplanation';
const EXPLAIN_ENTRY_COMMAND = 'errorCodebook.explainEntry';
const IGNORE_CODE_COMMAND = 'errorCodebook.ignoreCode';
const COPY_SUPPORT_TICKET_COMMAND = 'errorCodebook.copySupportTicket';

interface DiagnosticData {
  entryId?: string;
  href?: string;
}

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(({ textDocument, context: actionContext }) => {
    const strings = context.strings(textDocument.uri);
    const actions: CodeAction[] = [];
    for (const diagnostic of actionContext.diagnostics as Diagnostic[]) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') {
        continue;
      }
      const data = (diagnostic.data ?? {}) as DiagnosticData;
      const href = data.href ?? diagnostic.codeDescription?.href;
      const offer = (title: string, command: string, ...args: unknown[]) =>
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command, arguments: args } });
      if (href && href.startsWith('https://')) {
        offer(strings.openDocumentation(diagnostic.code), OPEN_DOCUMENTATION_COMMAND, href);
      }
      // The explanation is shown or copied by the client: offered only to clients that said they can.
      if (data.entryId && context.clientCommands.has(EXPLAIN_ENTRY_COMMAND)) {
        offer(strings.showExplanation(diagnostic.code), EXPLAIN_ENTRY_COMMAND, data.entryId);
      }
      if (data.entryId && context.clientCommands.has(COPY_EXPLANATION_COMMAND)) {
        offer(strings.copyExplanation(diagnostic.code), COPY_EXPLANATION_COMMAND, data.entryId);
      }
      // The client puts the ticket on the clipboard, which a server cannot reach.
      if (context.clientCommands.has(COPY_SUPPORT_TICKET_COMMAND)) {
        offer(strings.copyTicketMarkdown(diagnostic.code), COPY_SUPPORT_TICKET_COMMAND, textDocument.uri, diagnostic.range.start, 'markdown');
        offer(strings.copyTicketText(diagnostic.code), COPY_SUPPORT_TICKET_COMMAND, textDocument.uri, diagnostic.range.start, 'plainText');
      }
      // Ignoring writes to the workspace's settings, which only the client can do.
      if (context.clientCommands.has(IGNORE_CODE_COMMAND)) {
        offer(strings.ignoreCode(diagnostic.code), IGNORE_CODE_COMMAND, diagnostic.code);
      }
    }
    return actions;
  });

  context.connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command === OPEN_DOCUMENTATION_COMMAND) {
      const url = args?.[0];
      if (typeof url === 'string' && url.startsWith('https://')) {
        await context.connection.window.showDocument({ uri: url, external: true });
      }
    }
    return null;
  });
}
