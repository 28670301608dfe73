/*
 * What the UI suites share: opening the workbench in Chromium once code-server runs, closing it all
 * again, waiting for the page with a screenshot when it does not come, and the Problems count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CodeServer, Installation, ROOT, launchBrowser, workbenchUrl } from '../vscode/codeServer';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Opens the workbench on `workspace` and waits until its editor area and Explorer are there. */
export async function openWorkbench(installation: Installation, runDir: string, server: CodeServer, workspace: string, stepTimeout: number): Promise<{ browser: BrowserContext; page: Page }> {
  const browser = await launchBrowser(installation, runDir, server.origin);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(stepTimeout);
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60000 });
  return { browser, page };
}

/** Closes Chromium and code-server, and removes the run folder unless KEEP_RUN_DIR is set. */
export async function closeAll(browser: BrowserContext | undefined, server: CodeServer | undefined, runDir: string): Promise<void> {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (runDir && !process.env.KEEP_RUN_DIR) {
    fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Polls `probe` until it says true; past `timeoutMs`, saves a screenshot named after `what`
 * (test-results/screenshots/failed-<prefix><what>.png) and fails with its path.
 */
export async function waitUntil(page: Page, probe: () => Promise<boolean>, what: string, timeoutMs: number, prefix = ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) {
      const slug = what.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      const file = path.join(SCREENSHOTS, `failed-${prefix}${slug}.png`);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: file }).catch(() => undefined);
      throw new Error(`Timed out waiting for ${what} (screenshot: ${path.relative(ROOT, file)})`);
    }
    await page.waitForTimeout(100);
  }
}

/** What the status bar's Problems item says (its counts by severity). */
export async function problemsLabel(page: Page): Promise<string> {
  return (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
}
