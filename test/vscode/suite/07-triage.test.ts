/*
 * Triage in VS Code: ignoring a code from its quick fix.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, hoverAt, open, ourDiagnostics, positionOf, waitFor } from './helpers';

describe('triage', () => {
  after(closeAllEditors);

  it('"Ignore … in this workspace" writes the code to the workspace\'s errorCodebook.ignoredCodes, and its diagnostics go', async () => {
    const { document } = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    const configuration = () => vscode.workspace.getConfiguration('errorCodebook');
    try {
      const diagnostic = await waitFor(() => ourDiagnostics(document.uri).find((item) => codeOf(item) === 'AIS.0101'), 30000, 'the AIS.0101 diagnostic');
      const actions = await waitFor(async () => {
        const found = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
        return found.find((action) => action.title === 'Ignore AIS.0101 in this workspace');
      }, 20000, 'the Ignore quick fix');
      const written = await vscode.commands.executeCommand<string[]>(actions.command!.command, ...(actions.command!.arguments ?? []));
      assert.deepStrictEqual(written, ['AIS.0101']);
      assert.deepStrictEqual(configuration().inspect<string[]>('ignoredCodes')?.workspaceValue, ['AIS.0101']);
      await waitFor(() => ourDiagnostics(document.uri).length > 0 && !ourDiagnostics(document.uri).some((item) => codeOf(item) === 'AIS.0101'), 20000, 'AIS.0101 to leave the Problems panel');
      await hoverAt(document.uri, positionOf(document, 'AIS.0101'), /You ignore this code here/);
    } finally {
      await configuration().update('ignoredCodes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(() => ourDiagnostics(document.uri).some((item) => codeOf(item) === 'AIS.0101'), 20000, 'AIS.0101 back once no longer ignored');
  });

  it('"Copy … for a support ticket" puts the code\'s facts on the clipboard', async () => {
    const { document } = await open('sdk-logs', 'aliyun-tea-java.log');
    const diagnostic = await waitFor(() => ourDiagnostics(document.uri).find((item) => codeOf(item) === 'InvalidParameter.SourceURI.Empty'), 30000, 'the diagnostic');
    const action = await waitFor(async () => {
      const found = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
      return found.find((candidate) => candidate.title === 'Copy InvalidParameter.SourceURI.Empty for a support ticket (plain text)');
    }, 20000, 'the support ticket quick fix');
    const copied = await vscode.commands.executeCommand<string>(action.command!.command, ...(action.command!.arguments ?? []));
    assert.match(copied, /^Error code InvalidParameter\.SourceURI\.Empty\n/);
    assert.match(copied, /^Request ID: 3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34$/m);
    assert.match(copied, /^Diagnosis: https:\/\/api\.alibabacloud\.com\/troubleshoot\?intl_lang=EN_US&q=InvalidParameter\.SourceURI\.Empty&product=imm&requestId=3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34$/m);
    const clipboard = await vscode.env.clipboard.readText();
    // The browser's clipboard may be out of the extension host's reach; the UI test reads it there.
    if (clipboard !== '') {
      assert.strictEqual(clipboard, copied);
    }
    const markdown = await vscode.commands.executeCommand<string>('errorCodebook.copySupportTicket', document.uri, diagnostic.range.start, 'markdown');
    assert.match(markdown, /^- \*\*Request ID:\*\* `3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34`$/m);
  });

  it('runs the Error Codes view\'s menu commands on a group of the view', async () => {
    // The view's elements are nodes that carry their group; the menu passes the node itself.
    const node = { kind: 'group', group: { code: 'AIS.0101', entryId: 'huaweicloud-ocr:AIS.0101' } };
    const copied = await vscode.commands.executeCommand<string>('errorCodebook.copyExplanation', node);
    assert.ok(copied?.startsWith('AIS.0101'), copied);
    const shown = await vscode.commands.executeCommand<{ code: string } | undefined>('errorCodebook.explainEntry', node);
    assert.strictEqual(shown?.code, 'AIS.0101');
  });
});
