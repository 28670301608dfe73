/*
 * "Error Codebook: Scan Log File…" (palette, and the Explorer's context menu on files): the server
 * streams the file from disk — any size — with its own cancellable progress, and publishes the
 * findings as diagnostics of that file. Resolves with the server's result.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { ScanFileRequest, ScanFileResult } from '../../../server/src/common/protocol';
import { FindingsModel } from '../findingsModel';
import { ServerConnection } from '../serverConnection';
import { l10n } from '../l10n';

export async function scanLogFile(server: ServerConnection, model: FindingsModel, arg?: unknown): Promise<ScanFileResult | undefined> {
  let uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : undefined;
  if (!uri || uri.scheme !== 'file') {
    const picked = await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
      openLabel: l10n.t('Scan'),
      title: l10n.t('Scan a Log File for Error Codes'),
      filters: { [l10n.t('Logs and JSON')]: ['log', 'out', 'txt', 'json', 'jsonl', 'gz'], [l10n.t('All Files')]: ['*'] },
    });
    uri = picked?.[0];
  }
  if (!uri) {
    return undefined;
  }
  const name = path.basename(uri.fsPath);
  const result = await server.sendRequest(ScanFileRequest.type, { uri: uri.toString() });
  if (result.error) {
    void vscode.window.showErrorMessage(l10n.t('Could not scan {0}: {1}', name, result.error));
    return result;
  }
  // The Error Codes view shows the scanned file's codes until another document becomes active.
  void model.show(uri);
  const showProblems = l10n.t('Show Problems');
  const message = result.cancelled
    ? l10n.t('Scan of {0} cancelled: {1} error codes found before stopping.', name, result.total)
    : l10n.t('Found {0} error codes in {1} ({2} MB).', result.total, name, (result.bytes / 1048576).toFixed(1));
  // Not awaited: the command resolves with the result while the message is still up.
  void vscode.window.showInformationMessage(message, ...(result.total > 0 ? [showProblems] : [])).then((choice) => {
    if (choice === showProblems) {
      void vscode.commands.executeCommand('workbench.actions.view.problems');
    }
  });
  return result;
}
