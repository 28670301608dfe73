/*
 * What "Look Up Error Code" looks up from an editor: the selection, else the code-like word under
 * the cursor, where a word may contain dots and dashes (ModelArts.4204, InvalidParameter.SourceURI.Empty);
 * and which editor a command from an editor's context menu was run on.
 */
import * as vscode from 'vscode';

/** ASCII letters, digits and underscores, joined by dots or dashes; never starting or ending with one. */
const CODE_WORD = /[A-Za-z0-9_]+(?:[.\-][A-Za-z0-9_]+)*/;

const MAX_QUERY = 200;

export function queryFromEditor(editor: vscode.TextEditor | undefined): string {
  if (!editor) {
    return '';
  }
  const { document, selection } = editor;
  if (!selection.isEmpty) {
    return document.getText(selection).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  }
  const range = document.getWordRangeAtPosition(selection.active, CODE_WORD);
  return range ? document.getText(range).slice(0, MAX_QUERY) : '';
}

/** The editor a command from the editor's context menu was run on: the one showing `uri`, else the active one. */
export function editorFor(uri: vscode.Uri | undefined): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (!uri || active?.document.uri.toString() === uri.toString()) {
    return active;
  }
  return vscode.window.visibleTextEditors.find((visible) => visible.document.uri.toString() === uri.toString()) ?? active;
}
