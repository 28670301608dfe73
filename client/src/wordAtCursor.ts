/*
 * What "Look Up Error Code" looks up from an editor: the selection, else the code-like word under
 * the cursor, where a word may contain dots and dashes (ModelArts.4204, InvalidParameter.SourceURI.Empty).
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
