/*
 * "Ignore this code" (the server's quick fix): adds the code to errorCodebook.ignoredCodes in the
 * workspace's settings (the user's, when no folder is open). An ignored code gives no Problems
 * entry and no meaning at the end of its line; its hover says it is ignored. Resolves with the list
 * as written.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../settings';
import { l10n } from '../l10n';

const IGNORED_CODES = 'ignoredCodes';

export async function ignoreCode(arg?: unknown): Promise<string[] | undefined> {
  const code = typeof arg === 'string' ? arg.trim() : '';
  if (code === '') {
    return undefined;
  }
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inWorkspace = vscode.workspace.workspaceFolders !== undefined || vscode.workspace.workspaceFile !== undefined;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<string[]>(IGNORED_CODES);
  const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  if (current.includes(code)) {
    return current;
  }
  const next = [...current, code];
  await configuration.update(IGNORED_CODES, next, target);
  vscode.window.setStatusBarMessage(
    inWorkspace
      ? l10n.t('Error Codebook ignores {0} in this workspace (errorCodebook.ignoredCodes).', code)
      : l10n.t('Error Codebook ignores {0} (errorCodebook.ignoredCodes in your user settings).', code),
    5000,
  );
  return next;
}
