/*
 * Documents whose scanning changes: edited into binary content or past scan.maxFileSizeMB and back,
 * settings that select a document or not, changes of settings that ask for more or less work,
 * hostile catalog paths, paged findings and work that must not hold other requests up.
 * Waiting is done by polling, never by sleeping.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ProgressType, ResponseError } from 'vscode-jsonrpc/node';
import { TestClient, fileUri, folderAndClientForSuite, waitFor } from '../support/lspClient';
import { adjacentPlaceholderLine, hostileCatalogPaths } from '../support/hostile';

const LOG = 'ERROR call failed: error_code=AIS.0101 The input parameter is invalid.\n';
type Findings = { total: number; groups: { code: string; count: number; meaning: string; entryId?: string }[]; groupCount?: number; nextOffset?: number; skippedReason?: string };

function codes(diagnostics: { code?: string | number }[]): (string | number | undefined)[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe('documents that change state', () => {
  let client: TestClient;
  const offers: string[] = [];
  before(async () => {
    client = await TestClient.start({ settings: { scan: { maxFileSizeMB: 0.01 } } });
    client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      offers.push(params.message);
      return null;
    });
  });
  after(() => client.stop());

  const findings = (uri: string) => client.request<Findings>('errorCodebook/documentFindings', { uri });

  it('stops scanning a document edited past the size limit, offers the disk scan, and scans it again once it shrinks', async () => {
    const uri = 'file:///state/grows.log';
    client.open(uri, 'log', LOG);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, 1)), ['AIS.0101']);
    const padding = `${'x'.repeat(99)}\n`.repeat(120);
    const grown = client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: padding }]);
    assert.deepEqual(await client.waitForDiagnostics(uri, grown), []);
    assert.equal((await findings(uri)).skippedReason, 'tooLarge');
    assert.equal(await client.hover(uri, 0, 34), null);
    await waitFor(() => offers.some((offer) => offer.includes('over the 0.01 MB limit')), 10_000, 'the offer of a disk scan');
    const shrunk = client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 121, character: 0 } }, text: '' }]);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, shrunk)), ['AIS.0101']);
    assert.ok(await client.hover(uri, 0, 34));
    assert.equal((await findings(uri)).skippedReason, undefined);
  });

  it('stops scanning a document edited into binary content, and scans it again once cleaned', async () => {
    const uri = 'file:///state/binary.log';
    client.open(uri, 'log', LOG);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, 1)), ['AIS.0101']);
    const dirty = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\u0000\u0001\u0002' }]);
    assert.deepEqual(await client.waitForDiagnostics(uri, dirty), []);
    assert.equal((await findings(uri)).skippedReason, 'binary');
    const clean = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' }]);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, clean)), ['AIS.0101']);
  });
});

describe('one settings channel, and only the work a change asks for', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.startWithSettings();
  });
  after(() => client.stop());

  const changeSettings = async (next: Record<string, unknown>) => {
    client.changeSettings(next);
    await client.settle();
  };
  const publishedFor = (uri: string) => client.published.filter((params) => params.uri === uri).length;

  it('registers for changes of settings once, for its own section', async () => {
    await client.settle();
    const registrations = client.registrations.filter((registration) => registration.method === 'workspace/didChangeConfiguration');
    assert.deepEqual(registrations.map((registration) => registration.registerOptions), [{ section: 'errorCodebook' }]);
  });

  it('scans a document once the scanned languages include it, without a restart', async () => {
    // reStructuredText is not among the languages scanned by default.
    const uri = 'file:///channel/notes.rst';
    client.open(uri, 'restructuredtext', LOG);
    await client.settle();
    assert.equal(await client.hover(uri, 0, 34), null);
    assert.equal((await client.request<Findings>('errorCodebook/documentFindings', { uri })).skippedReason, 'notSelected');
    await changeSettings({ scan: { languages: ['restructuredtext'] }, diagnostics: { source: true } });
    assert.ok(await client.hover(uri, 0, 34));
    const diagnostics = await waitFor(() => client.diagnostics.get(uri)?.diagnostics.length ? client.diagnostics.get(uri)!.diagnostics : undefined, 10_000, 'diagnostics');
    assert.deepEqual(codes(diagnostics), ['AIS.0101']);
    await changeSettings({});
    assert.equal(await client.hover(uri, 0, 34), null);
    await waitFor(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 10_000, 'the diagnostics cleared');
    client.close(uri);
  });

  it('republishes on a change of severity, and does nothing on a change that affects nothing', async () => {
    const uri = 'file:///channel/app.log';
    client.open(uri, 'log', LOG);
    await client.settle();
    const [first] = await client.waitForDiagnostics(uri, 1);
    assert.equal(first.severity, 2);
    await changeSettings({ diagnostics: { severity: { unknownStatus: 'error' } } });
    await waitFor(() => client.diagnostics.get(uri)?.diagnostics[0]?.severity === 1, 10_000, 'diagnostics as errors');
    const published = publishedFor(uri);
    const asked = client.configurationRequests.length;
    // An exclude pattern that matches nothing open, and source diagnostics for a log: nothing to redo.
    await changeSettings({ diagnostics: { severity: { unknownStatus: 'error' }, source: true }, scan: { exclude: ['**/vendor/**'] } });
    assert.equal(client.configurationRequests.length, asked + 1, 'one batched question per change');
    assert.ok(await client.hover(uri, 0, 34));
    assert.equal(publishedFor(uri), published, 'nothing published again');
  });
});

describe('files scanned from disk, when settings or catalogs change', () => {
  let client: TestClient;
  const folder = folderAndClientForSuite('ecb-rescan-', (started) => (client = started), () => TestClient.startWithSettings());

  const changeSettings = (next: Record<string, unknown>) => client.changeSettings(next);
  const findings = (uri: string) => client.request<Findings>('errorCodebook/documentFindings', { uri });
  const published = (uri: string, what: string, test: (diagnostics: { code?: string | number; message: string; data?: unknown }[]) => boolean) =>
    waitFor(() => {
      const diagnostics = client.diagnostics.get(uri)?.diagnostics;
      return diagnostics && test(diagnostics) ? diagnostics : undefined;
    }, 10_000, what);
  const chinese = /[\u4e00-\u9fff]/;

  it('are scanned again in the new display language, severities and ignored codes; dropped once the file is gone', async () => {
    const file = path.join(folder, 'scanned.log');
    fs.writeFileSync(file, `${LOG}ERROR recognize failed: error_code=ModelArts.4204 request_id=7a1f\n`);
    const uri = fileUri(file);
    const result = await client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri });
    assert.equal(result.error, undefined);
    await published(uri, 'the English findings', (diagnostics) => diagnostics.length === 2 && !diagnostics.some((diagnostic) => chinese.test(diagnostic.message)));

    changeSettings({ displayLanguage: 'zh-CN' });
    await published(uri, 'the findings in Chinese', (diagnostics) => diagnostics.length === 2 && diagnostics.every((diagnostic) => chinese.test(diagnostic.message)));
    assert.ok((await findings(uri)).groups.every((group) => chinese.test(group.meaning)), 'the Error Codes view in Chinese too');

    changeSettings({ displayLanguage: 'zh-CN', ignoredCodes: ['AIS.0101'] });
    await published(uri, 'the ignored code gone from Problems', (diagnostics) => codes(diagnostics).join() === 'ModelArts.4204');

    // Gone from disk: the next change finds nothing to scan, and says so instead of keeping old findings.
    fs.rmSync(file);
    changeSettings({ displayLanguage: 'en' });
    await published(uri, 'the findings dropped', (diagnostics) => diagnostics.length === 0);
    assert.equal((await findings(uri)).total, 0);
  });

  it('come back, scanned again, when the same file open in the editor closes', async () => {
    const file = path.join(folder, 'opened.log');
    fs.writeFileSync(file, LOG);
    const uri = fileUri(file);
    await client.request('errorCodebook/scanFile', { uri });
    await published(uri, 'the disk scan\'s finding', (diagnostics) => codes(diagnostics).join() === 'AIS.0101');
    // Opened and edited in the editor: its findings are the editor's text's; the file changes meanwhile.
    client.open(uri, 'log', LOG.replace('AIS.0101', 'ModelArts.4204'));
    await published(uri, 'the editor\'s finding', (diagnostics) => codes(diagnostics).join() === 'ModelArts.4204');
    fs.writeFileSync(file, `${LOG}${LOG.replace('AIS.0101', 'AIS.0102')}`);
    client.close(uri);
    await published(uri, 'the file\'s findings as it is now', (diagnostics) => codes(diagnostics).join() === 'AIS.0101,AIS.0102');
    assert.deepEqual((await findings(uri)).groups.map((group) => group.code).sort(), ['AIS.0101', 'AIS.0102']);
  });

  it('are scanned again when the settings change while the file is being scanned', { timeout: 60_000 }, async () => {
    const file = path.join(folder, 'long.log');
    // Long enough that the settings change reaches the server well before the scan ends.
    const filler = 'INFO request served in 12 ms from cache; nothing to report here at all\n'.repeat(400_000);
    fs.writeFileSync(file, `${LOG}${filler}${LOG.replace('AIS.0101', 'ModelArts.4204')}`);
    const uri = fileUri(file);
    let progressed = false;
    client.connection.onProgress(new ProgressType<{ kind: string; percentage?: number }>(), 'long-scan', (value) => {
      progressed ||= value.kind === 'report' && (value.percentage ?? 0) > 0;
    });
    const scanned = client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri, workDoneToken: 'long-scan' });
    await waitFor(() => progressed || undefined, 30_000, 'the scan under way');
    changeSettings({ ignoredCodes: ['AIS.0101'] });
    const result = await scanned;
    assert.equal(result.error, undefined);
    assert.equal(result.total, 2, 'the scan answers with what it found in the settings it began with');
    await published(uri, 'the findings in the settings of now', (diagnostics) => codes(diagnostics).join() === 'ModelArts.4204');
    const ignored = (await findings(uri)).groups.find((group) => group.code === 'AIS.0101') as { ignored?: boolean } | undefined;
    assert.equal(ignored?.ignored, true, 'the Error Codes view lists the code as ignored');
  });

  it('are scanned again with the catalogs that explain them now', async () => {
    const file = path.join(folder, 'catalogs.log');
    fs.writeFileSync(file, LOG);
    const uri = fileUri(file);
    await client.request('errorCodebook/scanFile', { uri });
    const [before] = (await findings(uri)).groups;
    assert.equal(before.entryId?.startsWith('huaweicloud-ocr'), true, JSON.stringify(before));
    changeSettings({ catalogs: { disabled: ['huaweicloud-ocr'] } });
    await waitFor(async () => {
      const [now] = (await findings(uri)).groups;
      return now && !now.entryId?.startsWith('huaweicloud-ocr') ? now : undefined;
    }, 10_000, 'the findings without the disabled catalog');
  });
});

describe('hostile catalog paths', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-hostile-server-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('are each reported while the server starts at once with the built-ins', { timeout: 20_000 }, async () => {
    const paths = hostileCatalogPaths(folder);
    const client = await TestClient.start({ settings: { catalogPaths: paths } });
    try {
      const status = await client.request<{ catalogs: { id: string }[]; problems: { file: string; message: string }[] }>('errorCodebook/catalogStatus', null);
      assert.ok(status.catalogs.some((catalog) => catalog.id === 'huaweicloud-ocr'));
      assert.ok(status.catalogs.some((catalog) => catalog.id === 'adjacent'));
      assert.deepEqual(
        status.problems.map((problem) => path.basename(problem.file)),
        ['alone.json', 'pipe.json', 'zero', 'deep.json'],
      );
      const uri = 'file:///hostile/app.log';
      client.open(uri, 'log', `${LOG}${adjacentPlaceholderLine()}`);
      assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['AIS.0101', `PH${'a'.repeat(300)}Z`]);
    } finally {
      await client.stop();
    }
  });
});

describe('findings of a large document', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  it('come in pages', async () => {
    const uri = 'file:///large/pages.log';
    client.open(uri, 'log', 'AIS.0101 AIS.0105 APIG.0308\nAIS.0101 ModelArts.4204\n');
    const all = await client.request<Findings>('errorCodebook/documentFindings', { uri });
    assert.equal(all.groupCount, 4);
    assert.equal(all.nextOffset, undefined);
    const first = await client.request<Findings>('errorCodebook/documentFindings', { uri, limit: 3 });
    assert.equal(first.total, 5);
    assert.deepEqual(first.groups, all.groups.slice(0, 3));
    assert.equal(first.nextOffset, 3);
    const rest = await client.request<Findings>('errorCodebook/documentFindings', { uri, offset: first.nextOffset, limit: 3 });
    assert.deepEqual(rest.groups, all.groups.slice(3));
    assert.equal(rest.nextOffset, undefined);
  });

  it('are worked out without holding other requests up, and a cancelled request stops waiting', { timeout: 60_000 }, async () => {
    const uri = 'file:///large/one-line.log';
    // A single line of a million characters, one code every nine.
    client.open(uri, 'log', 'AIS.0101 '.repeat(120_000));
    const order: string[] = [];
    const findings = client.request<Findings>('errorCodebook/documentFindings', { uri }).then((result) => {
      order.push('findings');
      return result;
    });
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('errorCodebook/documentFindings', { uri }, source.token).then(
      () => 'answered',
      (error: unknown) => error,
    );
    source.cancel();
    const hover = client.request('errorCodebook/search', { query: 'AIS.0101' }).then(() => order.push('search'));
    await Promise.all([findings, hover]);
    assert.deepEqual(order, ['search', 'findings'], 'the search was answered while the findings were worked out');
    assert.equal((await findings).total, 120_000);
    const outcome = await cancelled;
    assert.ok(outcome instanceof ResponseError && outcome.code === -32800, String(outcome));
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.match(String(diagnostics[0].message), /shows 1000 of 120000 error codes/);
  });

  // ModelArts.0203 is in the OCR and the Image Recognition tables. Only the end of this 6.6 MB text
  // says OCR, and tallying the clues of its 2.2 million lines takes several times longer than the
  // 50 ms the server's first analysis gives it.
  const settling = `{"error_code": "ModelArts.0203"}\n${'ok\n'.repeat(2_200_000)}error_code=AIS.0101\n[huaweicloudsdkocr]\n`;
  const entryOf = (published: { diagnostics: { code?: string | number; data?: unknown }[] }) =>
    (published.diagnostics.find((diagnostic) => diagnostic.code === 'ModelArts.0203')?.data as { entryId?: string } | undefined)?.entryId;
  const ocr = 'huaweicloud-ocr:ModelArts.0203';
  const publishedFor = (uri: string) => client.published.filter((item) => item.uri === uri);
  const settled = (uri: string) => waitFor(() => publishedFor(uri).some((published) => entryOf(published) === ocr), 30_000, 'the decision made with the whole document\'s clues');

  it('of a large text are published with the clues read so far, then again with the whole document\'s', { timeout: 60_000 }, async () => {
    const uri = 'file:///large/settling.log';
    client.open(uri, 'log', settling);
    await settled(uri);
    const published = publishedFor(uri);
    assert.equal(entryOf(published[0]), 'huaweicloud-image-recognition:ModelArts.0203', 'first published with the clues tallied so far');
    assert.deepEqual(
      published.map((item) => item.version),
      published.map(() => 1),
    );
    const hover = await client.hover(uri, 0, 18);
    assert.match(hover!.contents.value, /ModelArts\\?\.0203/);
    assert.match(hover!.contents.value, /Huawei Cloud OCR error codes/);
    assert.equal((await client.request<Findings>('errorCodebook/documentFindings', { uri })).total, 2);
    assert.equal(entryOf(publishedFor(uri).at(-1)!), ocr);
  });

  it('of a large text are settled though its state changes while its clues are tallied', { timeout: 60_000 }, async () => {
    // A server of its own: the change of settings below republishes every document open in it.
    const own = await TestClient.start();
    try {
      const uri = 'file:///large/settling-changed.log';
      const mine = () => own.published.filter((item) => item.uri === uri);
      own.open(uri, 'log', settling);
      await waitFor(() => mine().length > 0, 30_000, 'the first diagnostics');
      // A change of settings moves the document's state on: the tally goes on in its next analysis.
      own.notify('workspace/didChangeConfiguration', { settings: { errorCodebook: { displayLanguage: 'zh-cn' } } });
      const inChinese = (published: { diagnostics: { code?: string | number; message: string }[] }) =>
        /[\u4e00-\u9fff]/.test(published.diagnostics.find((diagnostic) => diagnostic.code === 'ModelArts.0203')?.message ?? '');
      await waitFor(() => mine().some((published) => entryOf(published) === ocr && inChinese(published)), 30_000, 'the settled decision, in the new display language');
      const last = mine().at(-1)!;
      assert.equal(entryOf(last), ocr);
      assert.ok(inChinese(last));
    } finally {
      await own.stop();
    }
  });
});
