/*
 * "Show Explanation" (Error Codes view): opens the explanation view for one entry.
 */
import * as vscode from 'vscode';
import { ExplainRequest, ExplainResult } from '../../../server/src/common/protocol';
import { ExplanationPanel } from '../explanationView';
import { ServerConnection } from '../serverConnection';
import { l10n } from '../l10n';

/** An entry id from a command argument: the id itself, `{ entryId }`, or a group of the Error Codes view. */
export function entryIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  if (arg === null || typeof arg !== 'object') {
    return undefined;
  }
  const { entryId, group } = arg as { entryId?: unknown; group?: { entryId?: unknown } };
  if (typeof entryId === 'string') {
    return entryId;
  }
  return typeof group?.entryId === 'string' ? group.entryId : undefined;
}

/** The code as the text writes it, when a command argument (a hover's "N more" link) carries one. */
function codeOf(arg: unknown): string | undefined {
  const code = arg !== null && typeof arg === 'object' ? (arg as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

export async function explainEntry(server: ServerConnection, arg?: unknown): Promise<ExplainResult | undefined> {
  const id = entryIdOf(arg);
  if (!id) {
    return undefined;
  }
  const code = codeOf(arg);
  const asked = { id, ...(code ? { code } : {}) };
  const explanation = await server.sendRequest(ExplainRequest.type, asked);
  if (!explanation) {
    void vscode.window.showWarningMessage(l10n.t('The catalog entry {0} is no longer loaded.', id));
    return undefined;
  }
  ExplanationPanel.show(explanation, asked);
  return explanation;
}
