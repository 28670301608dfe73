/*
 * "Show Explanation" (Error Codes view): opens the explanation view for one entry.
 */
import * as vscode from 'vscode';
import { ExplainRequest, ExplainResult } from '../../../server/src/common/protocol';
import { ExplanationPanel } from '../explanationView';
import { ServerConnection } from '../serverConnection';

/** An entry id from a command argument: the id itself, or a finding group of the Error Codes view. */
export function entryIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg !== null && typeof arg === 'object' && typeof (arg as { entryId?: unknown }).entryId === 'string') {
    return (arg as { entryId: string }).entryId;
  }
  return undefined;
}

export async function explainEntry(server: ServerConnection, arg?: unknown): Promise<ExplainResult | undefined> {
  const id = entryIdOf(arg);
  if (!id) {
    return undefined;
  }
  const explanation = await server.sendRequest(ExplainRequest.type, { id });
  if (!explanation) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The catalog entry {0} is no longer loaded.', id));
    return undefined;
  }
  ExplanationPanel.show(explanation);
  return explanation;
}
