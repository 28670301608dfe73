/*
 * Runs inside VS Code's extension host (code-server, started by bench/lib/vscodeE2e.ts as an
 * extension-tests entry point). It is itself the do-nothing extension: it only notes when a
 * document reaches the extension host. For each run it opens the large log and times, in this one
 * process, from the document reaching the extension host to VS Code holding Error Codebook's
 * diagnostics for it (what the Problems panel lists), then closes its editor. The first runs open
 * it as a person does (`vscode.open`, as Quick Open and the Explorer do: the editor first, then its
 * text), the others as an extension does (`openTextDocument`: the text first, no editor before it).
 * It also notes the extension host's memory before, after each run, and a while after the editors
 * were closed (with how many of the large documents VS Code still held then). The results go to
 * the file named by ERROR_CODEBOOK_BENCH_RESULTS.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'error-codebook.error-codebook';
const RUNS = Number(process.env.ERROR_CODEBOOK_BENCH_RUNS ?? 3);

interface Run {
  /** How it was opened: `editor` with vscode.open, `api` with openTextDocument and then showTextDocument. */
  opened: 'editor' | 'api';
  /** Opening → its editor's tab listed. */
  toTabMs: number;
  /** Whether Error Codebook told its server to read the file ahead, before the document opened. */
  readAhead: boolean;
  /** Opening → the document in the extension host (VS Code's own part). */
  toExtensionHostMs: number;
  /**
   * The document in the extension host → Error Codebook's diagnostics held by VS Code; negative when
   * they were held before the document came (a file read ahead publishes them once it is read).
   */
  toDiagnosticsMs: number;
  diagnostics: number;
  /** Whether the server read it from disk (the extension's answer). */
  readFromDisk: boolean;
  /** The extension host's RSS once the findings were there. */
  rss: number;
}

function ours(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Error Codebook').length;
}

/** Resolves when `probe` holds, checked every 20 ms. */
async function until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > end) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves when `probe` holds, checked at each event and at once. */
function when(event: vscode.Event<unknown>, probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (probe()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event(() => {
      if (probe()) {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  });
}

export async function run(): Promise<void> {
  const resultsFile = process.env.ERROR_CODEBOOK_BENCH_RESULTS!;
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const small = vscode.Uri.joinPath(folder, 'small.log');
  const api = await vscode.extensions.getExtension<{ isReadFromDisk(uri: vscode.Uri): boolean; wasReadAhead(uri: vscode.Uri): boolean }>(EXTENSION_ID)!.activate();
  // The server started and warm: a small log first.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(small));
  await when(vscode.languages.onDidChangeDiagnostics, () => ours(small) > 0, 60_000, 'the small log\'s diagnostics');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const rssBefore = process.memoryUsage().rss;
  const runs: Run[] = [];
  for (let index = 0; index < 2 * RUNS; index++) {
    const opened = index < RUNS ? 'editor' : 'api';
    // A copy of its own for each run: a document VS Code still holds would not be opened again.
    const big = vscode.Uri.joinPath(folder, `big-${index + 1}.log`);
    let reached = NaN;
    const reaching = vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.uri.toString() === big.toString() && Number.isNaN(reached)) {
        reached = performance.now();
      }
    });
    const diagnosed = when(vscode.languages.onDidChangeDiagnostics, () => ours(big) > 0, 120_000, 'the large log\'s diagnostics').then(() => performance.now());
    let tabbed = NaN;
    const tabbing = vscode.window.tabGroups.onDidChangeTabs(({ opened }) => {
      if (Number.isNaN(tabbed) && opened.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === big.toString())) {
        tabbed = performance.now();
      }
    });
    const opening = performance.now();
    if (opened === 'editor') {
      await vscode.commands.executeCommand('vscode.open', big, { preview: false });
      await when(vscode.workspace.onDidOpenTextDocument, () => !Number.isNaN(reached), 120_000, 'the document');
    } else {
      const document = await vscode.workspace.openTextDocument(big);
      await vscode.window.showTextDocument(document, { preview: false });
    }
    tabbing.dispose();
    const done = await diagnosed;
    reaching.dispose();
    // Findings published ahead may come before the document: the run ends once the server reads it.
    await until(() => api.isReadFromDisk(big), 60_000, 'the large log read from disk by the server').catch(() => undefined);
    runs.push({ opened, toTabMs: tabbed - opening, readAhead: api.wasReadAhead(big), toExtensionHostMs: reached - opening, toDiagnosticsMs: done - reached, diagnostics: ours(big), readFromDisk: api.isReadFromDisk(big), rss: process.memoryUsage().rss });
    // Closing the editor lets VS Code dispose of the document when it sees fit (it then tells the server).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  // The extension host collects when it sees fit: give it a while, as a person would leave it.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const stillOpen = vscode.workspace.textDocuments.filter((document) => /big-\d+\.log$/.test(document.uri.path)).length;
  fs.writeFileSync(resultsFile, JSON.stringify({ runs, rssBefore, rssAfterClosing: process.memoryUsage().rss, largeDocumentsStillOpen: stillOpen }, null, 2));
}
