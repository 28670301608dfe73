/*
 * "Error Codebook: Copy for Support Ticket" (palette, the editor's context menu, and two quick
 * fixes on each diagnostic): puts what a support ticket about the code needs on the clipboard, as
 * Markdown or plain text — the code, provider, product and entry, its meaning, the request id,
 * HostId or endpoint and time of its line, and the provider's diagnosis page. The server reads
 * these out of the text (errorCodebook/supportTicket).
 *
 * Arguments: none (the code at the cursor of the active editor; the format is asked); or a
 * document URI, a position on the code and the format ('markdown' | 'plainText'), as the quick
 * fixes pass them. Resolves with the text copied, or undefined.
 */
import * as vscode from 'vscode';
import { SupportTicketRequest } from '../../../server/src/common/protocol';
import { ServerConnection } from '../serverConnection';
import { l10n } from '../l10n';
import { editorFor } from '../wordAtCursor';

type TicketFormat = 'markdown' | 'plainText';

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  return typeof arg === 'string' && arg !== '' ? vscode.Uri.parse(arg, true) : undefined;
}

function positionOf(arg: unknown): vscode.Position | undefined {
  if (arg instanceof vscode.Position) {
    return arg;
  }
  const { line, character } = (arg ?? {}) as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number' ? new vscode.Position(line, character) : undefined;
}

async function askFormat(): Promise<TicketFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: TicketFormat })[] = [
    { label: l10n.t('Markdown'), description: l10n.t('for ticket forms and chats that render Markdown'), format: 'markdown' },
    { label: l10n.t('Plain text'), description: l10n.t('one fact per line'), format: 'plainText' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: l10n.t('Copy for Support Ticket'), placeHolder: l10n.t('Copy the facts as') });
  return picked?.format;
}

export async function copySupportTicket(server: ServerConnection, uriArg?: unknown, positionArg?: unknown, formatArg?: unknown): Promise<string | undefined> {
  const editor = editorFor(uriOf(uriArg));
  const uri = uriOf(uriArg) ?? editor?.document.uri;
  const position = positionOf(positionArg) ?? (editor && uri && editor.document.uri.toString() === uri.toString() ? editor.selection.active : undefined);
  if (!uri || !position) {
    void vscode.window.showInformationMessage(l10n.t('Put the cursor on an error code to copy it for a support ticket.'));
    return undefined;
  }
  const ticket = await server.sendRequest(SupportTicketRequest.type, { uri: uri.toString(), position: { line: position.line, character: position.character } });
  if (!ticket) {
    void vscode.window.showInformationMessage(l10n.t('There is no error code at the cursor.'));
    return undefined;
  }
  const format = formatArg === 'markdown' || formatArg === 'plainText' ? formatArg : await askFormat();
  if (!format) {
    return undefined;
  }
  const text = format === 'markdown' ? ticket.markdown : ticket.plainText;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(
    ticket.requestId
      ? l10n.t('Copied {0} with request ID {1} for a support ticket.', ticket.code, ticket.requestId)
      : l10n.t('Copied {0} for a support ticket; no request ID was found near it.', ticket.code),
    5000,
  );
  return text;
}
