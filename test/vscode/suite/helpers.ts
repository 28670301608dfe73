/*
 * What the VS Code tests share: the fixture workspace, opening documents, and waiting by polling
 * (never by sleeping a fixed time).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'error-codebook.error-codebook';

/** Polls `probe` until it returns something truthy (or stops throwing), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | PromiseLike<T>, timeoutMs = 20000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let delay = 25;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value as NonNullable<T>;
      }
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(250, delay * 2);
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace (test/vscode/fixtures) open');
  return folder.uri;
}

/** A file of one scenario folder of the fixture workspace. */
export function fixture(scenario: string, name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), scenario, name);
}

export async function open(scenario: string, name: string, language?: string): Promise<vscode.TextEditor> {
  let document = await vscode.workspace.openTextDocument(fixture(scenario, name));
  if (language && document.languageId !== language) {
    document = await vscode.languages.setTextDocumentLanguage(document, language);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The position in the middle of the n-th (0-based) occurrence of `needle`. */
export function positionOf(document: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} (#${nth}) not in ${document.uri.path}`);
  }
  return document.positionAt(index + Math.floor(needle.length / 2));
}

export function lineOf(document: vscode.TextDocument, needle: string, nth = 0): number {
  return positionOf(document, needle, nth).line;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Markdown as a reader sees it: without backslash escapes. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Error Codebook');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined || typeof code === 'string' || typeof code === 'number') {
    return code === undefined ? undefined : String(code);
  }
  return String(code.value);
}

export function targetOf(diagnostic: vscode.Diagnostic): vscode.Uri | undefined {
  const code = diagnostic.code;
  return code !== undefined && typeof code === 'object' ? code.target : undefined;
}

/** Hovers at a position once the server has the document (it may still be starting). */
export function hoverAt(uri: vscode.Uri, position: vscode.Position, expected: RegExp, timeoutMs = 30000): Promise<string> {
  return waitFor(
    async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
      const text = unescapeMarkdown(hoverText(hovers));
      return expected.test(text) ? text : undefined;
    },
    timeoutMs,
    `a hover matching ${expected} at ${uri.path}:${position.line + 1}:${position.character + 1}`,
  );
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
