/*
 * textDocument/codeAction: on each Error Codebook diagnostic, open its documentation, and (in
 * clients that can) show or copy its explanation. Opening is done by the server, so it works in any editor.
 */
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const OPEN_DOCUMENTATION_COMMAND = 'errorCodebook.openDocumentation';
export const COPY_EXPLANATION_COMMAND = 'errorCodebook.copyExplanation';
export const EXPLAIN_ENTRY_COMMAND = 'errorCodebook.explainEntry';

interface DiagnosticData {
  entryId?: string;
  href?: string;
}

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(async ({ textDocument, context: actionContext }) => {
    const strings = await context.strings(textDocument.uri);
    const actions: CodeAction[] = [];
    for (const diagnostic of actionContext.diagnostics as Diagnostic[]) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') {
        continue;
      }
      const data = (diagnostic.data ?? {}) as DiagnosticData;
      const href = data.href ?? diagnostic.codeDescription?.href;
      if (href && href.startsWith('https://')) {
        actions.push({
          title: strings.openDocumentation(diagnostic.code),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: strings.openDocumentation(diagnostic.code), command: OPEN_DOCUMENTATION_COMMAND, arguments: [href] },
        });
      }
      if (data.entryId && context.clientCommands.has(EXPLAIN_ENTRY_COMMAND)) {
        actions.push({
          title: strings.showExplanation(diagnostic.code),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: strings.showExplanation(diagnostic.code), command: EXPLAIN_ENTRY_COMMAND, arguments: [data.entryId] },
        });
      }
      if (data.entryId && context.clientCommands.has(COPY_EXPLANATION_COMMAND)) {
        actions.push({
          title: strings.copyExplanation(diagnostic.code),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: strings.copyExplanation(diagnostic.code), command: COPY_EXPLANATION_COMMAND, arguments: [data.entryId] },
        });
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
