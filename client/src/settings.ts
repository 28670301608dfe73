/*
 * The extension's view of its settings: the names, defaults and scopes come from the server's
 * common/settings.ts (the one source of truth); values come from VS Code's configuration.
 */
import * as vscode from 'vscode';
import { ErrorCodebookSettings, SETTINGS, SETTINGS_SECTION, resolveSettings } from '../../server/src/common/settings';

export { SETTINGS_SECTION };

/** Every setting, resolved over the defaults of settings.ts, for a resource or the window. */
export function readSettings(scope?: vscode.ConfigurationScope): ErrorCodebookSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const flat: Record<string, unknown> = {};
  for (const descriptor of Object.values(SETTINGS)) {
    flat[descriptor.key] = configuration.get(descriptor.key, descriptor.default);
  }
  return resolveSettings(flat);
}
