/*
 * Workspace Trust, through the UI of the installed extension: a workspace opened in Restricted Mode
 * gets its codes explained by the built-in catalogs, while the catalogs its own settings name
 * (errorCodebook.catalogPaths) are not loaded until the workspace is trusted.
 *
 *   npm run test:ui            (packages first)
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { readCatalogFiles } from '../../server/src/catalogFiles';
import { createLanguageService } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { testCatalog } from '../support/miniCatalogs';
import { CodeServer, ROOT, findInstallation, installExtension, makeRunDir, onSignals, startCodeServer } from '../vscode/codeServer';
import { closeAll, codeCountItem, openWorkbench, problemsLabel, runCommand, screenshot, waitUntil as waitFor } from './workbench';

const VSIX = path.join(ROOT, 'error-codebook.vsix');
const STEP_TIMEOUT = 30000;

/** A catalog the workspace brings along, for a code no built-in catalog has. */
const WORKSPACE_CATALOG = testCatalog('workspace-only', [
  { code: 'WorkspaceOnly.0001', message: { en: 'Brought by the workspace.' }, description: { en: 'A code only the workspace catalog explains.' } },
]);
/** The workspace's code first, and far from the Huawei Cloud SDK's line, whose name would speak for it. */
const LOG = [
  '2024-06-18 09:41:04,001 ERROR upstream said WorkspaceOnly.0001',
  ...Array.from({ length: 20 }, (_, index) => `2024-06-18 09:41:05,${String(index).padStart(3, '0')} INFO still working`),
  '2024-06-18 09:41:05,226 ERROR huaweicloudsdkcore.exceptions.ClientRequestException: {"status_code": 400, "error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  '',
].join('\n');

let runDir = '';
let server: CodeServer | undefined;
let browser: BrowserContext | undefined;
let page: Page;
let unhook = () => {};

async function cleanup(): Promise<void> {
  await closeAll(browser, server, runDir);
  browser = undefined;
  server = undefined;
}

function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs = STEP_TIMEOUT): Promise<void> {
  return waitFor(page, probe, what, timeoutMs, 'trust-');
}

/** How many problems the status bar counts, of every severity. */
async function problemCount(): Promise<number> {
  return [...(await problemsLabel(page)).matchAll(/(\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe('Error Codebook in Restricted Mode (installed .vsix, through the UI)', { timeout: 180000 }, () => {
  before(async () => {
    // The workspace's catalog is good: with it the log has two findings, without it one.
    const builtIn = readCatalogFiles([path.join(ROOT, 'catalogs')]).texts;
    const severity = defaultSettings()['diagnostics.severity'];
    const count = (texts: typeof builtIn) => {
      const service = createLanguageService(texts);
      return service.diagnostics(service.createDocument(LOG), { language: 'en', severity, maxCount: 10 }).diagnostics.length;
    };
    assert.equal(count(builtIn), 1);
    assert.equal(count([...builtIn, WORKSPACE_CATALOG]), 2);

    const installation = findInstallation();
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:ui does it)`);
    runDir = makeRunDir('error-codebook-trust');
    unhook = onSignals(cleanup);
    const workspace = path.join(runDir, 'downloaded-logs');
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.mkdirSync(path.join(workspace, 'catalogs'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'catalogs', WORKSPACE_CATALOG.file), WORKSPACE_CATALOG.text);
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'errorCodebook.catalogPaths': ['catalogs'] }, null, 2));
    fs.writeFileSync(path.join(workspace, 'app.log'), LOG);
    await installExtension(installation, runDir, VSIX);
    server = await startCodeServer(installation, {
      runDir,
      workspace,
      workspaceTrust: true,
      logFile: path.join(ROOT, 'test-results', 'ui-trust-code-server.log'),
      settings: {
        'security.workspace.trust.enabled': true,
        // Untrusted at once, without the question: Restricted Mode.
        'security.workspace.trust.startupPrompt': 'never',
        'errorCodebook.displayLanguage': 'en',
      },
    });
    ({ browser, page } = await openWorkbench(installation, runDir, server, workspace, STEP_TIMEOUT));
  });

  after(async () => {
    await cleanup();
    unhook();
  });

  it('explains codes with the built-in catalogs, not with the workspace\'s own, until the workspace is trusted', async () => {
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible' });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app.log' }).first().click();
    await page.locator('.editor-instance .view-lines', { hasText: 'WorkspaceOnly' }).first().waitFor({ state: 'visible' });
    const status = codeCountItem(page);
    await waitUntil(async () => (await status.isVisible()) && (await problemCount()) > 0, 'the built-in catalogs to explain AIS.0101');
    assert.equal((await status.textContent())?.trim(), '1 error code');
    assert.equal(await problemCount(), 1, await problemsLabel(page));
    await screenshot(page, 'restricted-mode');

    // Trusting the workspace lets its catalogPaths through: its catalog explains the second code.
    await runCommand(page, 'Workspaces: Manage Workspace Trust', STEP_TIMEOUT, 'trust-');
    const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ state: 'visible' });
    await trust.click();
    await waitUntil(async () => (await problemCount()) === 2, 'the workspace catalog once trusted');
    await waitUntil(async () => (await status.textContent())?.trim() === '2 error codes', 'the status bar to count both codes');
  });
});
