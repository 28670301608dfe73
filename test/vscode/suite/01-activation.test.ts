/*
 * The extension activates lazily (on a scanned language), and contributes its commands and view.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, open, waitFor } from './helpers';

// A root hook: when the server cannot start, every test fails at once instead of each timing out.
before(async function () {
  this.timeout(60000);
  await open('sdk-logs', 'huaweicloud-sdk-python.log');
  const answer = await waitFor(
    () => vscode.commands.executeCommand<{ code: string } | undefined>('errorCodebook.lookUp', { query: 'AIS.0101', pick: 'first', show: false }),
    45000,
    'the language server to answer errorCodebook/search',
  );
  assert.strictEqual(answer.code, 'AIS.0101');
});

describe('activation', () => {
  after(closeAllEditors);

  it('declares lazy activation only', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const events: string[] = extension.packageJSON.activationEvents;
    assert.ok(events.length > 0);
    assert.ok(events.every((event) => event.startsWith('onLanguage:')), events.join(', '));
  });

  it('activates when a log is opened, and registers every command', async () => {
    await open('sdk-logs', 'huaweicloud-sdk-python.log');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await waitFor(() => extension.isActive, 20000, 'the extension to activate');
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const { command } of extension.packageJSON.contributes.commands as { command: string }[]) {
      assert.ok(commands.has(command), `${command} is registered`);
    }
    // The server executes this one itself; the language client registers it for it.
    await waitFor(async () => (await vscode.commands.getCommands(true)).includes('errorCodebook.openDocumentation'), 20000, 'the server command');
  });
});
