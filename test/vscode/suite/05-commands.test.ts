/*
 * The extension's own commands, run through vscode.commands with options that pick without a person.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { explanationHtml } from '../../../client/src/explanationView';
import { closeAllEditors, codeOf, fixture, hoverAt, open, ourDiagnostics, positionOf, waitFor } from './helpers';

interface LookUpResult {
  id: string;
  code: string;
  catalogId: string;
  catalog: string;
  query: string;
  explanation: { id: string; code: string; markdown: string; plainText: string; links: { title: string; url: string }[] } | null;
}

interface FindingGroup {
  code: string;
  count: number;
  firstLine: number;
  lastLine: number;
}

describe('commands', () => {
  after(closeAllEditors);

  it('Look Up Error Code… with a query returns the entry and its explanation', async () => {
    const result = await vscode.commands.executeCommand<LookUpResult | undefined>('errorCodebook.lookUp', { query: 'ModelArts.4204', pick: 'first' });
    assert.ok(result, 'an entry was chosen');
    assert.strictEqual(result.code, 'ModelArts.4204');
    // Both Huawei catalogs (OCR, Image Recognition) define it.
    assert.ok(['huaweicloud-ocr', 'huaweicloud-image-recognition'].includes(result.catalogId), result.catalogId);
    assert.match(result.catalog, /Huawei Cloud/);
    assert.ok(result.explanation);
    assert.strictEqual(result.explanation.id, result.id);
    assert.match(result.explanation.plainText, /subscribed|订阅/);
    assert.ok(result.explanation.links.length > 0 && result.explanation.links.every((link) => link.url.startsWith('https://')));
  });

  it('Look Up Error Code… finds entries by the words of their meaning, in Chinese too', async () => {
    const english = await vscode.commands.executeCommand<LookUpResult | undefined>('errorCodebook.lookUp', { query: 'account is in debt', pick: 'first', show: false });
    assert.strictEqual(english?.code, 'Forbidden.AccountInDebt');
    const chinese = await vscode.commands.executeCommand<LookUpResult | undefined>('errorCodebook.lookUp', { query: '欠费', pick: 'first', show: false });
    assert.strictEqual(chinese?.code, 'Forbidden.AccountInDebt');
  });

  it('Look Up Error Code (editor context menu) takes the dotted word under the cursor', async () => {
    const editor = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    const position = positionOf(editor.document, 'ModelArts.4204');
    editor.selection = new vscode.Selection(position, position);
    const result = await vscode.commands.executeCommand<LookUpResult | undefined>('errorCodebook.lookUpAtCursor', editor.document.uri, { pick: 'first', show: false });
    assert.strictEqual(result?.query, 'ModelArts.4204');
    assert.strictEqual(result?.code, 'ModelArts.4204');
  });

  it('Show Error Codes of This File reveals the chosen code', async () => {
    const editor = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    await waitFor(() => ourDiagnostics(editor.document.uri).length > 0, 30000, 'the log to be scanned');
    const group = await waitFor(
      () => vscode.commands.executeCommand<FindingGroup | undefined>('errorCodebook.showDocumentCodes', { pick: 'APIG.0201' }),
      20000,
      'the APIG.0201 group',
    );
    assert.strictEqual(group.code, 'APIG.0201');
    assert.ok(group.count >= 1);
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.strictEqual(active.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(active.selection.active.line, group.firstLine);
  });

  it('Show Error Codes of This File keeps to the log in sight while another kind of editor beside it has focus, and not once it is out of sight', async () => {
    await closeAllEditors();
    const editor = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    await waitFor(() => ourDiagnostics(editor.document.uri).length > 0, 30000, 'the log to be scanned');
    await waitFor(() => vscode.commands.executeCommand<FindingGroup | undefined>('errorCodebook.showDocumentCodes', { pick: 'APIG.0201' }), 20000, "the log's codes");
    // A webview beside the log takes the focus: no text editor is active, but the log is still shown.
    const panel = vscode.window.createWebviewPanel('errorCodebookTest', 'Not a text editor', vscode.ViewColumn.Beside, {});
    try {
      await waitFor(() => panel.active && vscode.window.activeTextEditor === undefined, 10000, 'the webview to take the focus');
      const inSight = await vscode.commands.executeCommand<FindingGroup | undefined>('errorCodebook.showDocumentCodes', { pick: 'APIG.0201' });
      assert.strictEqual(inSight?.code, 'APIG.0201', 'the codes of the log still in sight');
      // The code is revealed in the log's own column, not opened a second time in the webview's.
      const log = editor.document.uri.toString();
      assert.deepStrictEqual(
        vscode.window.visibleTextEditors.filter((visible) => visible.document.uri.toString() === log).map((visible) => visible.viewColumn),
        [vscode.ViewColumn.One],
      );
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), log);
      // The log's editor is closed now, with the webview in focus again.
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      panel.reveal();
      await waitFor(
        () => panel.active && vscode.window.activeTextEditor === undefined && vscode.window.visibleTextEditors.every((visible) => visible.document.uri.toString() !== log),
        10000,
        'the log out of sight and the webview in focus',
      );
      const outOfSight = await vscode.commands.executeCommand<FindingGroup | undefined>('errorCodebook.showDocumentCodes', { pick: 'APIG.0201' });
      assert.strictEqual(outOfSight, undefined, 'no codes of a log no longer shown');
    } finally {
      panel.dispose();
    }
  });

  it('Show Error Codes of This File reveals the code in the active editor of a log shown twice', async () => {
    await closeAllEditors();
    const first = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    await waitFor(() => ourDiagnostics(first.document.uri).length > 0, 30000, 'the log to be scanned');
    const second = await vscode.window.showTextDocument(first.document, vscode.ViewColumn.Two);
    assert.strictEqual(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.Two);
    const group = await waitFor(() => vscode.commands.executeCommand<FindingGroup | undefined>('errorCodebook.showDocumentCodes', { pick: 'APIG.0201' }), 20000, 'the APIG.0201 group');
    assert.strictEqual(vscode.window.activeTextEditor?.viewColumn, vscode.ViewColumn.Two);
    assert.strictEqual(second.selection.active.line, group.firstLine);
    await closeAllEditors();
  });

  it('Scan Log File… scans a file from disk that is not open and publishes its diagnostics', async () => {
    const uri = fixture('disk-scan', 'archive.log');
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()));
    const result = await vscode.commands.executeCommand<{ uri: string; total: number; bytes: number; cancelled: boolean; error?: string }>('errorCodebook.scanLogFile', uri);
    assert.ok(result);
    assert.strictEqual(result.error, undefined);
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(result.total, 2);
    assert.ok(result.bytes > 0);
    const diagnostics = await waitFor(() => {
      const found = ourDiagnostics(uri);
      return found.length >= 2 ? found : undefined;
    }, 20000, 'diagnostics of the scanned file');
    assert.deepStrictEqual(diagnostics.map(codeOf).sort(), ['AIS.0101', 'ModelArts.4204']);
  });

  it('lays out the structured explanation in the view, escaped, with https links only', async () => {
    const real = await vscode.commands.executeCommand<LookUpResult | undefined>('errorCodebook.lookUp', { query: 'ModelArts.4204', pick: 'first', show: false });
    assert.ok(real?.explanation);
    const html = explanationHtml(real.explanation, 'NONCE', 'en');
    assert.match(html, /<dt>Meaning<\/dt>|<dt>说明<\/dt>/);
    assert.ok(!html.includes('**'), 'no Markdown left in the view');
    const hostile = explanationHtml(
      {
        id: 'x:y',
        code: 'X<script>',
        catalog: 'A & B',
        fields: [{ label: 'Meaning"<img src=x>', texts: ['line one\n<b>two</b>'] }, { label: '', texts: ['a note'] }],
        links: [{ title: 'docs', url: 'https://example.com/a' }, { title: 'bad', url: 'javascript:alert(1)' }],
        repairs: ['<i>fixed</i>'],
        markdown: '',
        plainText: '',
      },
      'NONCE',
      'en',
    );
    assert.match(hostile, /default-src 'none'; style-src 'nonce-NONCE'; script-src 'nonce-NONCE';/);
    assert.ok(!/<script>|<img|<b>|<i>/.test(hostile.replace(/<script nonce="NONCE">/, '')), 'catalog text stays text');
    assert.match(hostile, /<dt>Meaning&#34;&#60;img src=x&#62;<\/dt><dd><p>line one<br>&#60;b&#62;two&#60;\/b&#62;<\/p><\/dd>/);
    assert.match(hostile, /<dd class="note"><p>a note<\/p><\/dd>/);
    assert.match(hostile, /<a href="https:\/\/example\.com\/a">docs<\/a>/);
    assert.ok(!hostile.includes('javascript:'));
    assert.match(hostile, /&#60;i&#62;fixed&#60;\/i&#62;/);
  });

  it('Restart Server restarts it, and features work again', async () => {
    const restarted = await vscode.commands.executeCommand<boolean>('errorCodebook.restartServer');
    assert.strictEqual(restarted, true);
    const { document } = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    await hoverAt(document.uri, positionOf(document, 'AIS.0101'), /does not meet the requirements/);
  });
});
