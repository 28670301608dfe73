/*
 * The extension's own words in the display language: errorCodebook.displayLanguage when it names
 * one, else VS Code's — the same rule as the server's, so a status bar, a view and a hover never
 * disagree. vscode.l10n follows VS Code's display language only, so the Chinese bundle
 * (l10n/bundle.l10n.zh-cn.json, which VS Code reads for vscode.l10n too) is looked up here. Every
 * string a person sees goes through `l10n.t`, with a literal English message, so a test can check
 * that the bundle translates each one.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { DisplayLanguage } from '../../server/src/common/protocol';
import { SETTINGS_SECTION, displayLanguageOf, normaliseDisplayLanguage } from '../../server/src/common/settings';

/** Where the Chinese bundle is, once activation says; it is read the first time a message is said in Chinese. */
let bundleFile: string | undefined;
let chinese: Record<string, string> | undefined;
let current: DisplayLanguage | undefined;
const changed = new vscode.EventEmitter<DisplayLanguage>();

/** The display language now: the setting when it names one, else VS Code's (Chinese for any zh locale). */
function readDisplayLanguage(): DisplayLanguage {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>('displayLanguage', 'auto');
  return displayLanguageOf(typeof setting === 'string' ? normaliseDisplayLanguage(setting) : undefined, vscode.env.language);
}

export function displayLanguage(): DisplayLanguage {
  return (current ??= readDisplayLanguage());
}

/** Fires when the display language changes (the setting, changed while VS Code runs). */
export const onDidChangeDisplayLanguage = changed.event;

function chineseMessages(): Record<string, string> {
  if (chinese === undefined && bundleFile !== undefined) {
    try {
      chinese = JSON.parse(fs.readFileSync(bundleFile, 'utf8')) as Record<string, string>;
    } catch {
      // Without its bundle the extension speaks English.
      chinese = {};
    }
  }
  return chinese ?? {};
}

/** Finds the Chinese bundle and follows the setting; call once on activation. */
export function initLocalization(context: vscode.ExtensionContext): vscode.Disposable {
  bundleFile = context.asAbsolutePath('l10n/bundle.l10n.zh-cn.json');
  current = readDisplayLanguage();
  return vscode.Disposable.from(
    changed,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.displayLanguage`)) {
        const next = readDisplayLanguage();
        if (next !== current) {
          current = next;
          changed.fire(next);
        }
      }
    }),
  );
}

export const l10n = {
  /** A message in the display language, `{0}`, `{1}`, … replaced by the arguments, as vscode.l10n.t does. */
  t(message: string, ...args: (string | number | boolean)[]): string {
    const text = displayLanguage() === 'zh-cn' ? (chineseMessages()[message] ?? message) : message;
    return text.replace(/\{(\d+)\}/g, (whole: string, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
  },
};
