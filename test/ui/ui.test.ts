/*
 * The installed extension (error-codebook.vsix, from `npm run package`) driven through VS Code's
 * UI: code-server on 127.0.0.1 with the samples/ folder, headless Chromium via playwright-core.
 * It reads what a person would see — the hover widget, the Problems panel, the Error Codes view,
 * the status bar, the command palette's results, the explanation view — and saves screenshots in
 * test-results/screenshots/. `npm run screenshots` runs it with ERROR_CODEBOOK_README_IMAGES=1, which
 * also copies the inline-meaning, hover and Problems ones to images/*.png for the README.
 *
 *   npm run test:ui            (packages first)
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import {
  CodeServer,
  ROOT,
  copyFolder,
  findInstallation,
  installExtension,
  makeRunDir,
  onSignals,
  startCodeServer,
} from '../vscode/codeServer';
import { closeAll, closeTab, codeCountItem, expandedPane, openWorkbench, problemsLabel, runCommand, screenshot, textCentre, waitUntil as waitFor } from './workbench';

const VSIX = path.join(ROOT, 'error-codebook.vsix');
const IMAGES = path.join(ROOT, 'images');
/** Whether this run refreshes the README's screenshots. */
const UPDATE_README_IMAGES = process.env.ERROR_CODEBOOK_README_IMAGES === '1';
const STEP_TIMEOUT = 30000;

/** A log over the 50 MB VS Code hands to extensions, written for the run. */
const LARGE_LOG = 'large-archive.log';
/** Every how many lines of the large log an AIS.0101 stands, and how many lines it has. */
const LARGE_LOG_EVERY = 97;
const LARGE_LOG_LINES = 420_000;
/** A log of about 12 MB, over the 10 MB above which VS Code asks before it loads a file's text, and its lines (under 1000 codes, all of them in Problems). */
const ASKED_LOG = 'loaded-ahead.log';
const ASKED_LOG_LINES = 90_000;
/** A log of thirty codes on each of its lines (35 MB): its scan takes seconds, time to cancel it. */
const CANCELLED_LOG = 'errors-to-cancel.log';
const CANCELLED_LOG_LINES = 100_000;
const CANCELLED_LOG_LINE = Array.from({ length: 10 }, () => 'AIS.0101 ModelArts.4204 APIG.0201').join(' ; ');

/** The time of line `index` of the large log: one line per 10 ms from 2024-06-18 08:00:00. */
function largeLogTime(index: number): string {
  const at = new Date(Date.UTC(2024, 5, 18, 8, 0, 0) + index * 10);
  return at.toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
}

function writeLargeLog(file: string, lines = LARGE_LOG_LINES): void {
  const out = fs.openSync(file, 'w');
  try {
    let chunk = '';
    for (let index = 0; index < lines; index++) {
      chunk +=
        index % LARGE_LOG_EVERY === 5
          ? `${largeLogTime(index)} ERROR [worker-${index % 7}] ocr_client.py:88 - huaweicloudsdkcore.exceptions.ClientRequestException: {"status_code": 400, "request_id": "r${index}", "error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}\n`
          : `${largeLogTime(index)} INFO  [worker-${index % 7}] ocr_client.py:71 - recognize_general_text image=s3://invoices/2024/06/${index}.jpg took ${index % 900} ms, ${index % 400} words\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(out, chunk);
        chunk = '';
      }
    }
    fs.writeSync(out, chunk);
  } finally {
    fs.closeSync(out);
  }
}

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

/** Copies a screenshot into images/ for the README, when this run is asked to. */
function keepForReadme(file: string, name: string): void {
  if (UPDATE_README_IMAGES) {
    fs.copyFileSync(file, path.join(IMAGES, name));
  }
}

/** How many problems the status bar's Problems item says there are, of every severity. */
function problemCount(label: string): number {
  return [...label.matchAll(/\d+/g)].reduce((sum, [count]) => sum + Number(count), 0);
}

function normalise(text: string | null | undefined): string {
  return (text ?? '').replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
}

/** Quick Open (Ctrl+P) a file of the workspace. */
async function quickOpen(name: string): Promise<void> {
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } });
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  // Clicked, not Enter: the list may still be updating, with another file first.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Quick Open (Ctrl+P) a file of the workspace, and wait for its text. */
async function openFile(name: string, expectedText: string): Promise<void> {
  await quickOpen(name);
  await page.locator('.editor-instance .view-lines', { hasText: expectedText }).first().waitFor({ state: 'visible' });
}

/**
 * The text of the logical line (its wrapped screen lines together) whose last screen line ends
 * with `needle`, or undefined when no line does.
 */
async function lineEnding(needle: string): Promise<string | undefined> {
  return page.evaluate((wanted) => {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const { document } = globalThis as unknown as { document: any };
    const lines: any[] = Array.from(document.querySelectorAll('.editor-instance .view-lines .view-line'));
    const ordered = lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((line) => String(line.textContent ?? '').replace(/\u00a0/g, ' '));
    const index = ordered.findIndex((text) => text.trimEnd().endsWith(wanted));
    return index < 0 ? undefined : ordered.slice(Math.max(0, index - 3), index + 1).join('').trimEnd();
  }, needle);
}

function waitUntil(probe: () => Promise<boolean>, what: string, timeoutMs = STEP_TIMEOUT): Promise<void> {
  return waitFor(page, probe, what, timeoutMs);
}

/** The centre of a word's text on screen, in the editor's rendered lines. */
async function wordCentre(word: string): Promise<{ x: number; y: number }> {
  const point = await textCentre(page, '.editor-instance .view-lines .view-line', word);
  assert.ok(point, `${word} is not on screen`);
  return point;
}

/** Chooses "Scan Log File…" on a file of the Explorer. */
async function scanFromExplorer(name: string): Promise<void> {
  // The extension's menu entries are there once its view is.
  await page.locator('.pane-header', { hasText: 'Error Codes' }).first().waitFor({ state: 'visible' });
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.click({ button: 'right' });
  const menuItem = page.locator('.monaco-menu .action-item', { hasText: 'Scan Log File…' }).first();
  await menuItem.waitFor({ state: 'visible' });
  // A menu lets a click through only once it has settled: click until it closes.
  await waitUntil(async () => {
    if (await menuItem.isVisible()) {
      await menuItem.click({ timeout: 2000 }).catch(() => undefined);
    }
    return !(await menuItem.isVisible());
  }, 'the Scan Log File… menu entry to be chosen');
}

/** The frame inside a webview's iframes that holds the extension's HTML. */
async function webviewFrame(hasSelector: string): Promise<Frame> {
  let found: Frame | undefined;
  await waitUntil(async () => {
    for (const frame of page.frames()) {
      if ((await frame.locator(hasSelector).count().catch(() => 0)) > 0) {
        found = frame;
        return true;
      }
    }
    return false;
  }, `a webview with ${hasSelector}`);
  return found!;
}

describe('Error Codebook in VS Code (installed .vsix, through the UI)', { timeout: 240000 }, () => {
  before(async () => {
    const installation = findInstallation();
    assert.ok(fs.existsSync(VSIX), `${VSIX} is missing: run npm run package (npm run test:ui does it)`);
    runDir = makeRunDir('error-codebook-ui');
    unhook = onSignals(cleanup);
    const workspace = path.join(runDir, 'samples');
    copyFolder(path.join(ROOT, 'samples'), workspace);
    writeLargeLog(path.join(workspace, LARGE_LOG));
    writeLargeLog(path.join(workspace, ASKED_LOG), ASKED_LOG_LINES);
    fs.writeFileSync(path.join(workspace, CANCELLED_LOG), `${CANCELLED_LOG_LINE}\n`.repeat(CANCELLED_LOG_LINES));
    fs.mkdirSync(path.join(runDir, 'extensions'), { recursive: true });
    await installExtension(installation, runDir, VSIX);
    server = await startCodeServer(installation, {
      runDir,
      workspace,
      logFile: path.join(ROOT, 'test-results', 'ui-code-server.log'),
      settings: {
        'errorCodebook.displayLanguage': 'en',
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.activityBar.location': 'default',
        // The DOM renderer, so the terminal's text can be found on the page.
        'terminal.integrated.gpuAcceleration': 'off',
      },
    });
    ({ browser, page } = await openWorkbench(installation, runDir, server, workspace, STEP_TIMEOUT));
  });

  after(async () => {
    await cleanup();
    unhook();
  });

  it('explains a code on hover', async () => {
    await openFile('huaweicloud-ocr-worker.log', 'ModelArts.4204');
    await waitUntil(async () => /Warnings: [1-9]|Errors: [1-9]/.test(await problemsLabel(page)), 'the server to publish problems');
    // The meanings at the ends of lines move the text when they arrive: aim once they are there.
    await waitUntil(async () => (await lineEnding('Failed to request the service because…')) !== undefined, 'the meanings at the ends of lines');
    // Lines wrap, and the code may be split across two screen lines: aim at its first part.
    const { x, y } = await wordCentre('ModelArts');
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents').first();
    await waitUntil(async () => {
      await page.mouse.move(x - 40, y + 40);
      await page.mouse.move(x, y, { steps: 4 });
      return hover.waitFor({ state: 'visible', timeout: 2000 }).then(
        () => true,
        () => false,
      );
    }, 'the hover');
    await waitUntil(async () => /ModelArts\.4204/.test(normalise(await hover.textContent())), 'the hover to show ModelArts.4204');
    const text = normalise(await hover.textContent());
    assert.match(text, /Huawei Cloud/);
    assert.match(text, /subscribed/);
    assert.match(text, /Fix:/);
    const editor = await page.locator('.monaco-workbench .part.editor').boundingBox();
    const file = await screenshot(page, 'hover', editor ?? undefined);
    keepForReadme(file, 'hover.png');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('counts the codes of the active file in the status bar', async () => {
    const item = codeCountItem(page);
    await item.waitFor({ state: 'visible' });
    const text = normalise(await item.textContent()).trim();
    // AIS.0101, APIG.0308, ModelArts.4204, APIG.0201 twice, AIP.0010, AIS.0103 and APIGW.0301.
    assert.equal(text, '8 error codes');
  });

  it('lists the findings in the Problems panel', async () => {
    await page.locator('[id="status.problems"]').click();
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ state: 'visible' });
    await waitUntil(async () => (await rows.allTextContents()).some((row) => row.includes('ModelArts.4204')), 'a Problems row for ModelArts.4204');
    const texts = (await rows.allTextContents()).map(normalise);
    const row = texts.find((candidate) => candidate.includes('ModelArts.4204'))!;
    assert.match(row, /Error Codebook/);
    assert.match(row, /not been subscribed|subscribed/);
    assert.ok(texts.some((candidate) => /APIG\.0201.*Image Recognition/.test(candidate)), texts.join('\n'));
    const file = await screenshot(page, 'problems');
    keepForReadme(file, 'problems.png');
  });

  it('groups the codes of the file in the Error Codes view', async () => {
    const { pane } = await expandedPane(page, 'Error Codes');
    const rows = pane.locator('.monaco-list-row');
    // APIG.0201 occurs twice, meaning a different entry each time (Image Recognition, OCR): two groups.
    await waitUntil(
      async () => (await rows.allTextContents()).filter((row) => normalise(row).startsWith('APIG.0201 ×1')).length === 2,
      'two APIG.0201 groups',
    );
    const texts = (await rows.allTextContents()).map(normalise);
    assert.ok(texts.some((row) => row.startsWith('ModelArts.4204 ×1')), texts.join('\n'));
    assert.match(normalise(await pane.locator('.pane-header').first().textContent()), /huaweicloud-ocr-worker\.log/);
    await page.mouse.move(700, 20);
    await screenshot(page, 'error-codes-view');
  });

  it('lists only the Huawei and Alibaba codes of a mixed-cloud log in Problems, each saying where its origin came from', async () => {
    // Closing the other editors clears their problems: the panel then shows this log's alone.
    await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>View: Close All Editors');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'View: Close All Editors' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await openFile('mixed-cloud.log', 'botocore');
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await page.locator('[id="status.problems"]').click();
    }
    const rows = panel.locator('.monaco-list-row');
    const ours = ['AIS.0103', 'InvalidMaxKeys', 'AIS.0014', 'InvalidArgument'];
    await waitUntil(async () => {
      const texts = (await rows.allTextContents()).map(normalise);
      return ours.every((code) => texts.some((row) => row.includes(code))) && !texts.some((row) => /huaweicloud-ocr-worker/.test(row));
    }, 'the Problems rows of the mixed-cloud log');
    const texts = (await rows.allTextContents()).map(normalise);
    const markers = texts.filter((row) => /Error Codebook/.test(row));
    // Information and above show in Problems; the two other Alibaba products' codes are hints, seen in the editor only.
    assert.equal(markers.length, 6, markers.join('\n'));
    for (const row of markers) {
      assert.match(row, /(Huawei Cloud|Alibaba Cloud)[^\]]* — from /, row);
    }
    for (const theirs of ['AccessDenied', 'Throttling', 'AuthFailure', 'resource_missing', 'Unavailable', 'Forbidden']) {
      assert.ok(!markers.some((row) => row.startsWith(theirs) || row.includes(`${theirs}:`)), `${theirs} is another cloud's: ${markers.join('\n')}`);
    }
    assert.ok(markers.some((row) => /AIS\.0103.*Huawei Cloud · OCR — from its message/.test(row)), markers.join('\n'));
    assert.ok(markers.some((row) => /InvalidMaxKeys.*Alibaba Cloud · Intelligent Media Management \(IMM\) — from the host imm\.cn-hangzhou\.aliyuncs\.com/.test(row)), markers.join('\n'));
    await screenshot(page, 'mixed-cloud-problems');
  });

  it('stays silent on an nginx access log', async () => {
    await openFile('nginx-access.log', 'kube-probe');
    const item = codeCountItem(page);
    await waitUntil(async () => normalise(await item.textContent()).trim() === '0 error codes', 'the status bar to say 0 error codes');
    await screenshot(page, 'nginx-silent');
  });

  it('says what a line\'s code means at its end, and opens the explanation when it is clicked', async () => {
    await openFile('huaweicloud-ocr-worker.log', 'ModelArts.4204');
    const hint = 'input parameter does not meet the…';
    await waitUntil(async () => (await lineEnding(hint)) !== undefined, 'the meaning of AIS.0101 at the end of its line');
    // The hint is the last text of its screen line, after the log line's own last character.
    const ending = await lineEnding(hint);
    assert.match(ending!, /"The input parameter is invalid\."\}\s*The input parameter does not meet the…$/);
    const editor = await page.locator('.monaco-workbench .part.editor').boundingBox();
    keepForReadme(await screenshot(page, 'inline-meaning', editor ?? undefined), 'inline-meaning.png');
    const { x, y } = await wordCentre(hint);
    await page.mouse.move(x, y);
    await page.keyboard.down('Control');
    await page.mouse.click(x, y);
    await page.keyboard.up('Control');
    await page.locator('.tab', { hasText: 'Error Code AIS.0101' }).first().waitFor({ state: 'visible' });
    const frame = await webviewFrame('#explanation');
    assert.match(normalise(await frame.locator('#explanation').textContent()), /AIS\.0101/);
    await closeTab(page, 'Error Code AIS.0101');
  });

  it('copies a code for a support ticket from its quick fix, with the request id and diagnosis page', async () => {
    await openFile('aliyun-imm-tea-java.log', 'InvalidParameter.SourceURI.Empty');
    await waitUntil(async () => /Errors: [1-9]|Warnings: [1-9]/.test(await problemsLabel(page)), 'the server to publish problems');
    const { x, y } = await wordCentre('SourceURI.Empty');
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'for a support ticket (plain text)' }).first();
    await item.waitFor({ state: 'visible' });
    await screenshot(page, 'support-ticket-quick-fix');
    await item.click();
    let copied = '';
    await waitUntil(async () => {
      copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
      return copied.startsWith('Error code InvalidParameter.SourceURI.Empty');
    }, 'the ticket on the clipboard');
    assert.match(copied, /^Provider: Alibaba Cloud$/m);
    assert.match(copied, /^Request ID: 3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34$/m);
    assert.match(copied, /^HostId: imm\.cn-hangzhou\.aliyuncs\.com$/m);
    assert.match(copied, /^Time: 2024-06-18 10:02:11\.561$/m);
    assert.match(copied, /^Diagnosis: https:\/\/api\.alibabacloud\.com\/troubleshoot\?intl_lang=EN_US&q=InvalidParameter\.SourceURI\.Empty&product=imm&requestId=3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34$/m);
  });

  it('scans a file over 50 MB from disk and lists its codes in the Error Codes view, with times, and goes to an occurrence', async () => {
    const size = fs.statSync(path.join(runDir, 'samples', LARGE_LOG)).size;
    assert.ok(size > 50 * 1024 * 1024, `${LARGE_LOG} is ${size} bytes`);
    await scanFromExplorer(LARGE_LOG);
    const expected = Math.ceil((LARGE_LOG_LINES - 5) / LARGE_LOG_EVERY);
    const status = codeCountItem(page);
    await waitUntil(async () => normalise(await status.textContent()).trim() === `${expected} error codes`, 'the scan to finish', 120000);
    const { header, pane } = await expandedPane(page, 'Error Codes');
    await waitUntil(async () => normalise(await header.textContent()).includes(LARGE_LOG), 'the Error Codes view to show the scanned file');
    const group = pane.locator('.monaco-list-row', { hasText: `AIS.0101 ×${expected}` }).first();
    await group.waitFor({ state: 'visible' });
    const lastIndex = 5 + (expected - 1) * LARGE_LOG_EVERY;
    const description = normalise(await group.textContent());
    assert.ok(description.includes(`lines 6–${lastIndex + 1}`), description);
    assert.ok(description.includes(`${largeLogTime(5)} → ${largeLogTime(lastIndex).slice(11)}`), description);
    await group.locator('.monaco-tl-twistie').click();
    const second = pane.locator('.monaco-list-row', { hasText: `Line ${5 + LARGE_LOG_EVERY + 1}` }).first();
    await second.waitFor({ state: 'visible' });
    assert.match(normalise(await second.textContent()), new RegExp(largeLogTime(5 + LARGE_LOG_EVERY).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await screenshot(page, 'error-codes-view-large-file');
    await second.click();
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    const cursorOn = async (line: number) => normalise(await cursor.textContent().catch(() => '')).includes(`Ln ${line},`);
    // VS Code may ask before it shows a file this large ("Open Anyway"); either way the file opens at the occurrence.
    const openAnyway = page.locator('.monaco-workbench .part.editor .monaco-button, .monaco-workbench .part.editor a', { hasText: 'Open Anyway' }).first();
    await waitUntil(async () => (await openAnyway.isVisible()) || (await cursorOn(5 + LARGE_LOG_EVERY + 1)), 'the large file to open at the second occurrence', 120000);
    if (await openAnyway.isVisible()) {
      await openAnyway.click();
      await waitUntil(() => cursorOn(5 + LARGE_LOG_EVERY + 1), 'the large file to open at the second occurrence', 120000);
    }
    // Another file, then the large file's tab again: VS Code hands that file to no extension, and the
    // view still lists its codes, from the disk scan.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'nginx-access.log' }).first().click();
    await waitUntil(async () => normalise(await header.textContent()).includes('nginx-access.log'), 'the view to follow the other file');
    await page.locator('.tab', { hasText: LARGE_LOG }).first().click();
    await waitUntil(async () => normalise(await header.textContent()).includes(LARGE_LOG) && (await group.isVisible()), 'the view to list the large file\'s codes again');
    if ((await pane.locator('.monaco-list-row', { hasText: 'Line 6' }).count()) === 0) {
      await group.locator('.monaco-tl-twistie').click();
    }
    const third = pane.locator('.monaco-list-row', { hasText: `Line ${5 + 2 * LARGE_LOG_EVERY + 1}` }).first();
    await third.click();
    await waitUntil(() => cursorOn(5 + 2 * LARGE_LOG_EVERY + 1), 'the cursor on the third occurrence');
    await screenshot(page, 'large-file-occurrence');
    await closeTab(page, LARGE_LOG);
  });

  it('cancels a scan from its notification, keeping the codes found before it stopped', async () => {
    await scanFromExplorer(CANCELLED_LOG);
    // The scan's progress is a silent notification: a spinner in the status bar that opens it, and
    // an entry in the Notifications center, each with a Cancel button.
    const center = page.locator('.notifications-center');
    const bell = page.locator('.statusbar-item[id*="notifications"]').first();
    await bell.click();
    await center.first().waitFor({ state: 'visible' });
    const entries = center.locator('.notification-list-item');
    const scanning = entries.filter({ hasText: `Scanning ${CANCELLED_LOG}` }).first();
    await scanning.waitFor({ state: 'visible' });
    await screenshot(page, 'scan-in-progress');
    await scanning.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
    // The center closes once the progress it listed is gone: open it again for the message that follows.
    const cancelled = entries.filter({ hasText: `Scan of ${CANCELLED_LOG} cancelled` }).first();
    await waitUntil(async () => {
      if (!(await center.first().isVisible())) {
        await bell.click();
      }
      return cancelled.isVisible();
    }, 'the message that the scan was cancelled');
    const said = normalise(await cancelled.textContent());
    const found = Number(/cancelled: (\d+) error codes? found before stopping/.exec(said)?.[1] ?? NaN);
    assert.ok(found >= 0 && found < CANCELLED_LOG_LINES * 30, said);
    const status = codeCountItem(page);
    await waitUntil(async () => normalise(await status.textContent()).trim() === `${found} error codes`, 'the status bar to count the codes read before the scan stopped');
    await screenshot(page, 'scan-cancelled');
    await page.keyboard.press('Escape');
    const { header } = await expandedPane(page, 'Error Codes');
    await waitUntil(async () => normalise(await header.textContent()).includes(CANCELLED_LOG), 'the Error Codes view to show the file scanned in part');
  });

  it('lists the codes of a large log while VS Code asks whether to show it, and withdraws them when its tab closes first', async () => {
    const name = ASKED_LOG;
    const expected = Math.ceil((ASKED_LOG_LINES - 5) / LARGE_LOG_EVERY);
    const problemsBefore = problemCount(await problemsLabel(page));
    await quickOpen(name);
    const openAnyway = page.locator('.monaco-workbench .part.editor .monaco-button, .monaco-workbench .part.editor a', { hasText: 'Open Anyway' }).first();
    await openAnyway.waitFor({ state: 'visible' });
    // Its text not shown, its codes are counted, grouped and in Problems: the server read the file ahead.
    const status = codeCountItem(page);
    await waitUntil(async () => normalise(await status.textContent()).trim() === `${expected} error codes`, 'the codes counted before the text is shown');
    const { header, pane } = await expandedPane(page, 'Error Codes');
    await waitUntil(async () => normalise(await header.textContent()).includes(name), 'the Error Codes view to show the file');
    await pane.locator('.monaco-list-row', { hasText: `AIS.0101 ×${expected}` }).first().waitFor({ state: 'visible' });
    await waitUntil(async () => normalise(await pane.textContent()).includes(`${expected} occurrences of 1 code.`), 'the view\'s summary');
    await waitUntil(async () => problemCount(await problemsLabel(page)) === problemsBefore + expected, 'its codes in Problems');
    assert.ok(await openAnyway.isVisible(), 'the text is still not shown');
    await screenshot(page, 'read-ahead-before-text');
    await closeTab(page, name);
    await waitUntil(
      async () => problemCount(await problemsLabel(page)) === problemsBefore && !normalise(await header.textContent()).includes(name),
      'its codes withdrawn from Problems and the view',
    );
  });

  it('makes a code printed in the integrated terminal a link to its explanation', async () => {
    await runCommand(page, 'Terminal: Create New Terminal', STEP_TIMEOUT);
    const rows = page.locator('.terminal-wrapper .xterm-rows').first();
    await rows.waitFor({ state: 'visible' });
    await page.locator('.terminal-wrapper .xterm').first().click();
    await page.keyboard.type('echo "  ModelArts.4204 came back"');
    await page.keyboard.press('Enter');
    // The output line, not the command line: it starts with the two spaces.
    const point = () => textCentre(page, '.terminal-wrapper .xterm-rows > div', 'ModelArts.4204', '  ModelArts.4204 came back');
    await waitUntil(async () => (await point()) !== undefined, 'the code printed in the terminal');
    const { x, y } = (await point())!;
    // The terminal finds its links when the pointer comes over the line: come again until it has.
    const tooltip = page.locator('.monaco-hover, .workbench-hover', { hasText: 'show the explanation' });
    await waitUntil(async () => {
      if ((await tooltip.count()) > 0) {
        return true;
      }
      await page.mouse.move(x, y + 30);
      await page.mouse.move(x, y, { steps: 3 });
      return (await tooltip.first().waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false));
    }, 'the link\'s tooltip');
    await screenshot(page, 'terminal-link');
    await page.keyboard.down('Control');
    await page.mouse.click(x, y);
    await page.keyboard.up('Control');
    await page.locator('.tab', { hasText: 'Error Code ModelArts.4204' }).first().waitFor({ state: 'visible' });
    await closeTab(page, 'Error Code ModelArts.4204');
    await runCommand(page, 'View: Toggle Panel Visibility', STEP_TIMEOUT);
  });

  it('looks up a code from the command palette and shows its explanation', async () => {
    await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } });
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('>Error Codebook: Look Up Error Code');
    const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Error Codebook: Look Up Error Code…' }).first();
    await command.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await waitUntil(async () => /Look Up Error Code/.test(normalise(await page.locator('.quick-input-widget .quick-input-title').textContent())), 'the look-up quick pick');
    await input.fill('AIS.0101');
    const results = page.locator('.quick-input-list .monaco-list-row');
    await waitUntil(async () => (await results.allTextContents()).some((row) => row.includes('AIS.0101')), 'search results for AIS.0101');
    const texts = (await results.allTextContents()).map(normalise);
    assert.ok(texts[0].includes('AIS.0101'), texts.join('\n'));
    assert.match(texts[0], /Huawei Cloud/);
    await screenshot(page, 'look-up');
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Error Code AIS.0101' }).first().waitFor({ state: 'visible' });
    const frame = await webviewFrame('#explanation');
    const explanation = normalise(await frame.locator('#explanation').textContent());
    assert.match(explanation, /AIS\.0101/);
    assert.match(explanation, /Huawei Cloud/);
    assert.ok((await frame.locator('#links a[href^="https://"]').count()) > 0, 'documentation links');
    await frame.locator('#copy').click();
    await waitUntil(async () => normalise(await frame.locator('#status').textContent()) === 'Copied', 'the Copy button to report success');
    await screenshot(page, 'explanation');
  });

  it('searches by words of the meaning, in Chinese too', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>Error Codebook: Look Up Error Code');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Error Codebook: Look Up Error Code…' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await waitUntil(async () => /Look Up Error Code/.test(normalise(await page.locator('.quick-input-widget .quick-input-title').textContent())), 'the look-up quick pick');
    await input.fill('欠费');
    const results = page.locator('.quick-input-list .monaco-list-row');
    await waitUntil(async () => (await results.allTextContents()).some((row) => row.includes('Forbidden.AccountInDebt')), 'Forbidden.AccountInDebt for 欠费');
    await screenshot(page, 'look-up-chinese');
    await page.keyboard.press('Escape');
  });

  it('shows its README on the extension\'s page with its pictures, and only links that go somewhere', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Extensions"]').first().click();
    const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Error Codebook' }).first();
    await entry.waitFor({ state: 'visible' });
    await entry.click();
    await page.locator('.tab', { hasText: 'Extension: Error Codebook' }).first().waitFor({ state: 'visible' });
    const frame = await webviewFrame('img[alt="Hover on ModelArts.4204 in an SDK log"]');
    // The page keeps a picture only when its source is an https URL (it drops relative paths and
    // data: URLs); whether it then loads depends on the repository's host, which this test does not reach.
    const { sources, links } = await frame.evaluate(() => {
      /* eslint-disable @typescript-eslint/no-explicit-any */
      const { document } = globalThis as unknown as { document: any };
      return {
        sources: (Array.from(document.querySelectorAll('img')) as any[]).map((image) => String(image.getAttribute('src'))),
        links: (Array.from(document.querySelectorAll('a[href]')) as any[]).map((anchor) => String(anchor.getAttribute('href'))),
      };
    });
    assert.equal(sources.length, 3, sources.join('\n'));
    assert.deepEqual(sources.filter((source) => !/^https:\/\/.+\/raw\/HEAD\/images\/[a-z-]+\.png$/.test(source)), []);
    assert.ok(links.length > 0);
    assert.deepEqual(links.filter((href) => !/^https:\/\//.test(href) && !href.startsWith('#')), []);
    await screenshot(page, 'extension-page');
    await closeTab(page, 'Extension: Error Codebook');
    await page.locator('.activitybar .action-item a[aria-label^="Explorer"]').first().click();
  });

  it('speaks Chinese in the status bar and the Error Codes view when errorCodebook.displayLanguage says zh-cn', async () => {
    // Set as a person would, in the Settings editor.
    await runCommand(page, 'Preferences: Open User Settings', STEP_TIMEOUT);
    // The search box has the focus when the editor opens.
    await page.locator('.settings-editor .settings-header').first().waitFor({ state: 'visible' });
    await page.keyboard.type('errorCodebook.displayLanguage');
    const select = page.locator('.settings-editor .setting-item-contents', { hasText: 'Display Language' }).locator('select').first();
    await select.waitFor({ state: 'visible' });
    await select.selectOption('zh-cn');
    await closeTab(page, 'Settings');
    await openFile('huaweicloud-ocr-worker.log', 'ModelArts.4204');
    const item = codeCountItem(page, 'zh-cn');
    await waitUntil(async () => normalise(await item.textContent()).trim() === '8 个错误码', 'the status bar in Chinese');
    const { pane } = await expandedPane(page, '错误码');
    await waitUntil(async () => /\d+ 种错误码，共出现 \d+ 次。/.test(normalise(await pane.textContent())), 'the view\'s summary in Chinese');
    const group = pane.locator('.monaco-list-row', { hasText: 'ModelArts.4204 ×1' }).first();
    await waitUntil(async () => /第 \d+ 行/.test(normalise(await group.textContent())), 'the group\'s lines in Chinese');
    // The meaning at the end of the line follows too: Huawei's Chinese page says it.
    await waitUntil(async () => (await lineEnding('没有订阅该API')) !== undefined, 'the meaning at the end of the line in Chinese');
    await screenshot(page, 'zh-cn');
  });
});
