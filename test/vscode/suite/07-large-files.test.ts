/*
 * A large saved log is read by the server from disk rather than sent as text: its findings, hovers
 * and the file growing on disk work as for any log; the first edit sends the text and the document
 * follows its edits; reverting the edits hands it back to the disk. Opened in an editor as a person
 * opens it, it is read ahead while VS Code loads its text.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, codeOf, hoverAt, ourDiagnostics, waitFor, workspaceRoot } from './helpers';

interface Api {
  isReadFromDisk(uri: vscode.Uri): boolean;
  wasReadAhead(uri: vscode.Uri): boolean;
}

/** A log of about 3 MB (over the 2 MB default of errorCodebook.scan.readFromDiskAboveMB) with a code every 500 lines, or `times` that. */
function largeLog(times = 1): { text: string; codes: number } {
  const lines: string[] = [];
  let codes = 0;
  for (let line = 0; line < 30_000 * times; line++) {
    if (line % 500 === 250) {
      lines.push(`2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid.", "line": ${line}}`);
      codes++;
    } else {
      lines.push(`2024-06-18 09:41:02,117 INFO worker-${line % 16} processed batch ${line} in ${line % 997} ms, nothing to report here`);
    }
  }
  return { text: `${lines.join('\n')}\n`, codes };
}

describe('a large saved log', () => {
  let api: Api;
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  let expected: number;

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    api = await extension.activate();
    const { text, codes } = largeLog();
    expected = codes;
    uri = vscode.Uri.joinPath(workspaceRoot(), 'large', 'big-service.log');
    fs.mkdirSync(vscode.Uri.joinPath(workspaceRoot(), 'large').fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, text);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
  });
  after(closeAllEditors);

  const count = (code: string) => ourDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code).length;

  it('is read by the server from disk, and its findings reach the Problems panel', async () => {
    await waitFor(() => count('AIS.0101') === expected, 30000, `${expected} AIS.0101 diagnostics`);
    assert.ok(api.isReadFromDisk(uri), 'the server reads it from disk');
    await hoverAt(uri, new vscode.Position(250, 72), /AIS\.0101/);
  });

  it('is read on when the file grows on disk', async () => {
    fs.appendFileSync(uri.fsPath, '2024-06-18 09:42:00,001 ERROR huaweicloudsdkocr - {"error_code": "ModelArts.4204", "error_msg": "The service has not been subscribed."}\n');
    await waitFor(() => count('ModelArts.4204') === 1, 30000, 'the diagnostic of the appended line');
    assert.ok(api.isReadFromDisk(uri), 'still read from disk');
    assert.strictEqual(count('AIS.0101'), expected);
  });

  it('sends its text at the first edit and follows its edits, and goes back to the disk when they are reverted', async () => {
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'ERROR {"error_code": "APIG.0308", "error_msg": "The request exceeds the default rate limit of the service."}\n'));
    await waitFor(() => count('APIG.0308') === 1, 30000, 'the diagnostic of the edit');
    assert.ok(!api.isReadFromDisk(uri), 'edited: the server has the text');
    assert.strictEqual(count('AIS.0101'), expected);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => count('APIG.0308') === 0 && api.isReadFromDisk(uri), 30000, 'the file read from disk again after the revert');
    assert.strictEqual(count('AIS.0101'), expected);
    assert.strictEqual(count('ModelArts.4204'), 1);
  });
});

describe('a large saved log opened in an editor', () => {
  after(closeAllEditors);

  it('is read ahead while VS Code loads its text, and its findings are those of the file', async () => {
    const api = await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate();
    // Large enough that VS Code takes a while to load it (under the 10 MB over which code-server asks first).
    const { text, codes } = largeLog(3);
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'large', 'opened-in-editor.log');
    fs.mkdirSync(vscode.Uri.joinPath(workspaceRoot(), 'large').fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, text);
    // As Quick Open and the Explorer open a file: its editor first, then its text.
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    const aisCount = () => ourDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === 'AIS.0101').length;
    // Its findings may come before its text does: they are published once the file is read ahead.
    await waitFor(() => aisCount() === codes, 60000, `${codes} AIS.0101 diagnostics`);
    assert.ok(api.wasReadAhead(uri), 'the server was told to read it ahead before its document opened');
    await waitFor(() => api.isReadFromDisk(uri), 60000, 'its document open, and read from disk by the server');
    assert.strictEqual(aisCount(), codes);
    await hoverAt(uri, new vscode.Position(250, 72), /AIS\.0101/);
  });

  it('has its findings in Problems before its text comes, and withdrawn when its editor closes first', async () => {
    // Over 10 MB: the editor asks whether to open it at all, and loads no text until it is told to.
    const { text, codes } = largeLog(5);
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'large', 'closed-at-once.log');
    fs.writeFileSync(uri.fsPath, text);
    const isOpen = () => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
    await waitFor(() => ourDiagnostics(uri).length > 0, 60000, 'its findings');
    assert.ok(!isOpen(), 'its document is not open');
    assert.strictEqual(ourDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === 'AIS.0101').length, Math.min(codes, 1000));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // Well within the time after which the server drops a file read ahead whose document never opened.
    await waitFor(() => ourDiagnostics(uri).length === 0, 10000, 'its findings withdrawn');
    assert.ok(!isOpen(), 'its document never opened');
  });
});
