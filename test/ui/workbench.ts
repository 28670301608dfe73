/*
 * What the UI suites share: opening the workbench in Chromium once code-server runs, closing it all
 * again, waiting for the page with a screenshot when it does not come, running a command, closing a
 * tab, opening a view, finding text on screen, and the Problems count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
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

/** Saves a screenshot of the page (or of `clip` of it) as test-results/screenshots/<name>.png, and returns its path. */
export async function screenshot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  return file;
}

/** Runs a command of the command palette by its title (asking again while the workbench still gathers its commands). */
export async function runCommand(page: Page, title: string, timeoutMs: number, prefix = ''): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await waitUntil(
    page,
    async () => {
      if (!(await input.isVisible())) {
        await page.keyboard.press('F1');
        const opened = await input.waitFor({ state: 'visible', timeout: 2000 }).then(
          () => true,
          () => false,
        );
        if (!opened) {
          // Nothing of the workbench has the focus yet: give it to the editor area and ask again.
          await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } });
          return false;
        }
      }
      await input.fill(`>${title}`);
      const found = await row.waitFor({ state: 'visible', timeout: 3000 }).then(
        () => true,
        () => false,
      );
      if (!found) {
        await page.keyboard.press('Escape');
      }
      return found;
    },
    `the command "${title}"`,
    timeoutMs,
    prefix,
  );
  await row.click();
}

/** Closes the editor tab whose title says `title`. */
export async function closeTab(page: Page, title: string): Promise<void> {
  const tab = page.locator('.tab', { hasText: title }).first();
  await tab.hover();
  await tab.locator('.tab-actions .action-label').first().click();
  await tab.waitFor({ state: 'detached' });
}

/** Expands the view whose header says `title` (when it is collapsed), and returns its pane. */
export async function expandedPane(page: Page, title: string | RegExp): Promise<{ header: Locator; pane: Locator }> {
  const header = page.locator('.pane-header', { hasText: title }).first();
  await header.waitFor({ state: 'visible' });
  if ((await header.getAttribute('aria-expanded')) !== 'true') {
    await header.click();
  }
  return { header, pane: page.locator('.pane', { has: header }) };
}

/**
 * The centre on screen of the first `needle` in the rows `rowSelector` finds (in rows whose text
 * starts with `rowStart`, when given), through the DOM of the rendered text; undefined when no row
 * shows it. The needle may span several text nodes (an editor's tokens, a terminal's cells).
 */
export async function textCentre(page: Page, rowSelector: string, needle: string, rowStart = ''): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate(
    ({ selector, wanted, start }) => {
      // Runs in the page; the project's TypeScript has no DOM library, so its globals are typed loosely here.
      /* eslint-disable @typescript-eslint/no-explicit-any */
      const { document, NodeFilter } = globalThis as unknown as { document: any; NodeFilter: any };
      for (const row of Array.from(document.querySelectorAll(selector)) as any[]) {
        const text = String(row.textContent ?? '').replace(/\u00a0/g, ' ');
        const index = text.startsWith(start) ? text.indexOf(wanted) : -1;
        if (index < 0) {
          continue;
        }
        const end = index + wanted.length;
        const range = document.createRange();
        const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = String(node.textContent ?? '').length;
          if (index >= offset && index < offset + length) {
            range.setStart(node, index - offset);
          }
          if (end > offset && end <= offset + length) {
            range.setEnd(node, end - offset);
            const rect = range.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } as { x: number; y: number };
          }
          offset += length;
        }
      }
      return undefined;
    },
    { selector: rowSelector, wanted: needle, start: rowStart },
  );
}

/**
 * The status bar's count of the codes of the file in sight. Its text is the count alone: a scan's
 * progress beside it ("Scanning x.log: read 32 MB, found 2284230 error codes") counts codes too.
 */
export function codeCountItem(page: Page, language: 'en' | 'zh-cn' = 'en'): Locator {
  return page.locator('.statusbar-item', { hasText: language === 'en' ? /^\s*\d+ error codes?\s*$/ : /^\s*\d+ 个错误码\s*$/ }).first();
}
