/*
 * Text that looks like codes but is not: timestamps, durations, counts, access-log status columns,
 * plain words in prose, class names. The server must stay silent. A sentinel code is added at the
 * end (unsaved) to know when the server has seen the document, so no fixed sleep is needed.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, open, ourDiagnostics, waitFor } from './helpers';

const SENTINEL = 'sentinel error_code=AIS.0101 error_msg=The input parameter is invalid.';

async function diagnosticsBeforeSentinel(name: string): Promise<vscode.Diagnostic[]> {
  const editor = await open('traps', name, 'log');
  const document = editor.document;
  const lastLine = document.lineCount;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, `\n${SENTINEL}`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  const sentinelLine = document.lineCount - 1;
  assert.ok(sentinelLine >= lastLine - 1);
  const diagnostics = await waitFor(
    () => {
      const found = ourDiagnostics(document.uri);
      return found.some((item) => item.range.start.line === sentinelLine && codeOf(item) === 'AIS.0101') ? found : undefined;
    },
    30000,
    `the sentinel's diagnostic in ${name}`,
  );
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return diagnostics.filter((item) => item.range.start.line !== sentinelLine);
}

describe('false positives', () => {
  after(closeAllEditors);

  it('finds nothing in timestamps, durations, counts, prose, access-log lines or exception names', async () => {
    const extra = await diagnosticsBeforeSentinel('traps.log');
    assert.deepStrictEqual(
      extra.map((item) => `${item.range.start.line + 1}: ${codeOf(item)} ${item.message}`),
      [],
    );
  });

  it('finds nothing in an nginx access log', async () => {
    const extra = await diagnosticsBeforeSentinel('access.log');
    assert.deepStrictEqual(
      extra.map((item) => `${item.range.start.line + 1}: ${codeOf(item)} ${item.message}`),
      [],
    );
  });
});
