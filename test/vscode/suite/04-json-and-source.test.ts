/*
 * JSON error bodies (the sibling message decides between catalogs) and source files (codes in
 * string literals get hovers; no diagnostics by default).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, hoverAt, hoverText, open, ourDiagnostics, positionOf, waitFor } from './helpers';

describe('JSON error bodies', () => {
  after(closeAllEditors);

  it('reports the codes of both providers', async () => {
    const { document } = await open('json-bodies', 'error-bodies.json');
    const diagnostics = await waitFor(() => {
      const found = ourDiagnostics(document.uri);
      return found.length >= 4 ? found : undefined;
    }, 30000, 'diagnostics of the JSON bodies');
    const codes = new Set(diagnostics.map(codeOf));
    for (const code of ['APIG.0201', 'InvalidMaxKeys', 'ServiceUnavailable']) {
      assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    }
    // Values that are not codes: a timestamp, a duration, a version.
    for (const diagnostic of diagnostics) {
      assert.doesNotMatch(document.lineAt(diagnostic.range.start.line).text, /timestamp|elapsed_ms|version/);
    }
  });

  it('picks Image Recognition for APIG.0201 with "The request body is oversized."', async () => {
    const { document } = await open('json-bodies', 'error-bodies.json');
    await hoverAt(document.uri, positionOf(document, 'APIG.0201', 0), /Huawei Cloud · Image Recognition/);
  });

  it('picks OCR for APIG.0201 with "Backend timeout." even when the message comes first', async () => {
    const { document } = await open('json-bodies', 'error-bodies.json');
    const text = await hoverAt(document.uri, positionOf(document, 'APIG.0201', 1), /APIG\.0201/);
    assert.match(text.split('\n')[0], /Huawei Cloud · OCR/, text);
  });
});

describe('source files', () => {
  after(closeAllEditors);

  it('hovers a code compared in Python, without diagnostics by default', async () => {
    const { document } = await open('source', 'client.py');
    assert.strictEqual(document.languageId, 'python');
    const text = await hoverAt(document.uri, positionOf(document, 'ModelArts.4204'), /subscribed/);
    assert.match(text, /Huawei Cloud/);
    assert.deepStrictEqual(ourDiagnostics(document.uri), []);
  });

  it('hovers a code compared in TypeScript', async () => {
    const { document } = await open('source', 'client.ts');
    assert.strictEqual(document.languageId, 'typescript');
    await hoverAt(document.uri, positionOf(document, 'APIG.0201'), /APIG\.0201/);
    const symbols = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
      return found.some((symbol) => symbol.name.includes('APIG.0201')) ? found : undefined;
    }, 20000, 'a symbol for APIG.0201');
    assert.ok(symbols.length >= 1);
  });
});

describe('scan settings', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('errorCodebook').update('scan.languages', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('take effect at once: a Markdown document is scanned once its language is added', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'The call failed with error_code=AIS.0101 again.\n' });
    await vscode.window.showTextDocument(document);
    const position = positionOf(document, 'AIS.0101');
    const ours = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position));
    assert.doesNotMatch(await ours(), /AIS\.0101/);
    const configuration = vscode.workspace.getConfiguration('errorCodebook');
    const languages = configuration.get<string[]>('scan.languages') ?? [];
    await configuration.update('scan.languages', [...languages, 'markdown'], vscode.ConfigurationTarget.Global);
    await hoverAt(document.uri, position, /does not meet the requirements/);
    await configuration.update('scan.languages', undefined, vscode.ConfigurationTarget.Global);
    await waitFor(async () => !/AIS\.0101/.test(await ours()), 20000, 'the hover to go once Markdown is no longer scanned');
    // Closed without asking to save the untitled text.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
