/*
 * "Copy explanation" (the server's code action, and the Error Codes view): asks the server for an
 * entry's explanation and puts its plain text on the clipboard. Resolves with the text copied.
 */
import * as vscode from 'vscode';
import { ExplainRequest } from '../../../server/src/common/protocol';
import { ServerConnection } from '../serverConnection';
import { entryIdOf } from './explainEntry';
import { l10n } from '../l10n';

export async function copyExplanation(server: ServerConnection, arg?: unknown): Promise<string | undefined> {
  const id = entryIdOf(arg);
  if (!id) {
    void vscode.window.showWarningMessage(l10n.t('There is no catalog entry to copy.'));
    return undefined;
  }
  const explanation = await server.sendRequest(ExplainRequest.type, { id });
  if (!explanation) {
    void vscode.window.showWarningMessage(l10n.t('The catalog entry {0} is no longer loaded.', id));
    return undefined;
  }
  await vscode.env.clipboard.writeText(explanation.plainText);
  vscode.window.setStatusBarMessage(l10n.t('Copied the explanation of {0}.', explanation.code), 3000);
  return explanation.plainText;
}
