/*
 * Documents the server reads from disk (errorCodebook/openFromDisk): the same diagnostics, hovers,
 * links, symbols and findings as the same text sent with didOpen; the first edit sends the text
 * (didOpen) and the document follows its edits from then on; asked again, the server reads the file
 * again (on from where it was when it only grew); files it cannot read are refused with a reason,
 * and the client sends their text.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { SCAN_THREAD_MIN_BYTES } from '../../server/src/scanThread';
import { TestClient, fileUri, folderAndClientForSuite, waitFor } from '../support/lspClient';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'documents');

/** What a test compares of diagnostics: where, which code, what they say, how severe. */
const strip = (diagnostics: { range: unknown; code?: unknown; message: string; severity?: number }[]) => diagnostics.map(({ range, code, message, severity }) => ({ range, code, message, severity }));

/** Sends `text` as a document of its own (`sentFile`), and waits until `uri`'s diagnostics are the same as its. */
async function waitForDiagnosticsOfText(client: TestClient, uri: string, text: string, sentFile: string): Promise<string> {
  const sent = fileUri(sentFile);
  client.open(sent, 'log', text);
  const fromText = JSON.stringify(strip(await client.waitForDiagnostics(sent, 1, 30_000)));
  await waitFor(() => {
    const now = client.diagnostics.get(uri);
    return now && JSON.stringify(strip(now.diagnostics)) === fromText ? now : undefined;
  }, 30_000, 'the findings of the file as it is now');
  return sent;
}
type Findings = { total: number; groups: { code: string; count: number; firstLine: number }[]; skippedReason?: string };
type OpenResult = { accepted: boolean; reason?: string };

describe('documents read from disk', () => {
  let client: TestClient;
  const folder = folderAndClientForSuite('ecb-disk-docs-', (started) => (client = started));
  // A log of the fixtures' lines, large enough to be worth reading from disk.
  const text = ['huaweicloud-sdk-python.log', 'aliyun-tea-java.log', 'traps.log'].map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')).join('\n').repeat(40);

  const openFromDisk = (uri: string, version = 1) => client.request<OpenResult>('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'log', version } });
  const findings = (uri: string) => client.request<Findings>('errorCodebook/documentFindings', { uri });

  it('answers as the same text sent as text does: diagnostics, findings, hovers, links and symbols', async () => {
    const file = path.join(folder, 'app.log');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    const sent = fileUri(path.join(folder, 'sent.log'));
    client.open(sent, 'log', text);
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    const fromDisk = await client.waitForDiagnostics(uri, 1, 30_000);
    const fromText = await client.waitForDiagnostics(sent, 1, 30_000);
    assert.ok(fromDisk.length > 100);
    assert.deepEqual(strip(fromDisk), strip(fromText));
    assert.deepEqual({ ...(await findings(uri)), uri: sent }, await findings(sent));
    for (const diagnostic of fromDisk.filter((item) => item.code !== undefined).slice(0, 40)) {
      const { line, character } = diagnostic.range.start;
      assert.deepEqual(await client.hover(uri, line, character + 1), await client.hover(sent, line, character + 1));
    }
    for (const method of ['textDocument/documentLink', 'textDocument/documentSymbol']) {
      assert.deepEqual(await client.request(method, { textDocument: { uri } }), await client.request(method, { textDocument: { uri: sent } }), method);
    }
  });

  it('publishes what it read once, however many asked for it while it was reading', async () => {
    const file = path.join(folder, 'once.log');
    // Over a piece (1 MB), so the scan gives way to the publishing the request itself scheduled.
    fs.writeFileSync(file, text.repeat(Math.ceil((1.5 * 1024 * 1024) / text.length)));
    const uri = fileUri(file);
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    await client.waitForDiagnostics(uri, 1, 30_000);
    // The answer comes after anything the server sent for the document before it.
    assert.ok((await findings(uri)).total > 100);
    assert.equal(client.published.filter((params) => params.uri === uri).length, 1);
  });

  it('follows the text once the first edit sends it, and reads the file again when asked', async () => {
    const file = path.join(folder, 'edited.log');
    fs.writeFileSync(file, 'INFO start\nERROR error_code=AIS.0101 error_msg=The input parameter is invalid.\n');
    const uri = fileUri(file);
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).map((item) => item.code), ['AIS.0101']);
    // A client never sends a change the server has no text for: it is ignored, with a word in the log.
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    await waitFor(() => client.logs.some((line) => line.includes('Ignored a didChange') && line.includes('edited.log')), 10_000, 'the note of an ignored change');
    // The first edit: the client sends the whole text.
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'log', version: 3, text: 'ERROR Code: APIG.0308 here\n' } });
    assert.deepEqual((await client.waitForDiagnostics(uri, 3)).map((item) => item.code), ['APIG.0308']);
    client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'error_code=ModelArts.4204\n' }], 4);
    assert.deepEqual((await client.waitForDiagnostics(uri, 4)).map((item) => item.code), ['APIG.0308', 'ModelArts.4204']);
    // Reverted: the file is what counts again.
    assert.deepEqual(await openFromDisk(uri, 5), { accepted: true });
    assert.deepEqual((await client.waitForDiagnostics(uri, 5)).map((item) => item.code), ['AIS.0101']);
  });

  it('reads on from where it was when the file grew on disk', async () => {
    const file = path.join(folder, 'growing.log');
    fs.writeFileSync(file, 'ERROR error_code=AIS.0101 error_msg=The input parameter is invalid.\nINFO half');
    const uri = fileUri(file);
    await openFromDisk(uri);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
    fs.appendFileSync(file, ' a line\nERROR {"error_code": "APIG.0308", "error_msg": "The request exceeds the default rate limit of the service."}\n');
    await openFromDisk(uri, 2);
    const grown = await waitFor(async () => {
      const result = await findings(uri);
      return result.total === 2 ? result : undefined;
    }, 10_000, 'the appended finding');
    assert.deepEqual(grown.groups.map((group) => [group.code, group.firstLine]).sort(), [
      ['AIS.0101', 0],
      ['APIG.0308', 2],
    ]);
    assert.deepEqual(await client.hover(uri, 2, 30).then((hover) => hover?.range), { start: { line: 2, character: 22 }, end: { line: 2, character: 31 } });
  });

  it('reads the file again when it was rewritten while it was read, though nothing says so after', async () => {
    const file = path.join(folder, 'rewritten-while-read.log');
    // Many pieces (1 MB each), so the rewrite comes while it is read.
    fs.writeFileSync(file, text.repeat(Math.ceil((8 * 1024 * 1024) / text.length)));
    const uri = fileUri(file);
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    // Longer, with other codes: a reading that went on into the new bytes would take it for a file that grew.
    const rewritten = `${'INFO rewritten, and longer than it was\n'.repeat(100)}ERROR call failed: error_code=ModelArts.4204 request_id=7a1f\n`.repeat(3000);
    fs.writeFileSync(file, rewritten);
    await waitForDiagnosticsOfText(client, uri, rewritten, path.join(folder, 'rewritten-sent.log'));
    assert.equal((await findings(uri)).total, 3000);
  });

  it('reads a file of 32 MB or more with a second thread, finding what one thread finds', async () => {
    const file = path.join(folder, 'large.log');
    fs.writeFileSync(file, text.repeat(Math.ceil((SCAN_THREAD_MIN_BYTES + 1) / Buffer.byteLength(text))));
    const uri = fileUri(file);
    const [one, two] = await Promise.all(['1', '2'].map((threads) => TestClient.start({ env: { ERROR_CODEBOOK_SCAN_THREADS: threads } })));
    try {
      const read = await Promise.all(
        [one, two].map(async (server) => {
          await server.request('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'log', version: 1 } });
          return { diagnostics: strip(await server.waitForDiagnostics(uri, 1, 60_000)), findings: await server.request<Findings>('errorCodebook/documentFindings', { uri }) };
        }),
      );
      assert.ok(two.logs.some((line) => line.includes(`Reading ${file} with a second thread`)), 'the second thread read its lines');
      assert.ok(!one.logs.some((line) => line.includes('with a second thread')));
      assert.ok(read[0].findings.total > 10_000, `${read[0].findings.total} findings`);
      assert.deepEqual(read[1], read[0]);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('refuses what it cannot read from disk, with a reason, and keeps working', async () => {
    const refusals = await Promise.all([
      openFromDisk('untitled:Untitled-1'),
      openFromDisk(fileUri(path.join(folder, 'missing.log'))),
      openFromDisk(fileUri(folder)),
      (() => {
        const utf16 = path.join(folder, 'utf16.log');
        fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('AIS.0101\n', 'utf16le')]));
        return openFromDisk(fileUri(utf16));
      })(),
      client.request<OpenResult>('errorCodebook/openFromDisk', { textDocument: { uri: 42 } }),
      client.request<OpenResult>('errorCodebook/openFromDisk', null),
    ]);
    assert.ok(refusals.every((result) => result.accepted === false && typeof result.reason === 'string' && result.reason.length > 0), JSON.stringify(refusals));
    assert.match(refusals[3].reason!, /only UTF-8 files/);
    assert.equal((await findings(fileUri(path.join(folder, 'missing.log')))).skippedReason, 'notOpen');
  });

  it('stops and starts being scanned as the scan settings say', async () => {
    const file = path.join(folder, 'selected.log');
    fs.writeFileSync(file, 'error_code=AIS.0101 error_msg=The input parameter is invalid.\n');
    const uri = fileUri(file);
    await openFromDisk(uri);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
    client.notify('workspace/didChangeConfiguration', { settings: { errorCodebook: { scan: { exclude: ['**/selected.log'] } } } });
    await waitFor(async () => (await findings(uri)).skippedReason === 'notSelected', 10_000, 'the document left out');
    await waitFor(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 10_000, 'its diagnostics cleared');
    assert.equal(await client.hover(uri, 0, 14), null);
    client.notify('workspace/didChangeConfiguration', { settings: { errorCodebook: { scan: { exclude: [] } } } });
    const back = await waitFor(async () => {
      const result = await findings(uri);
      return result.total === 1 ? result : undefined;
    }, 10_000, 'the document scanned again');
    assert.equal(back.skippedReason, undefined);
    assert.ok(await client.hover(uri, 0, 14));
  });

  it('scans a gzip log from disk (errorCodebook/scanFile), as the same log uncompressed', async () => {
    const plain = path.join(folder, 'rotated.log');
    fs.writeFileSync(plain, text);
    fs.writeFileSync(`${plain}.gz`, zlib.gzipSync(text));
    const scan = (file: string) => client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri: fileUri(file) });
    const [fromPlain, fromGzip] = [await scan(plain), await scan(`${plain}.gz`)];
    assert.equal(fromGzip.error, undefined);
    assert.ok(fromPlain.total > 100);
    assert.equal(fromGzip.total, fromPlain.total);
    const groups = async (file: string) => (await findings(fileUri(file))).groups.map(({ code, count, firstLine }) => [code, count, firstLine]);
    assert.deepEqual(await groups(`${plain}.gz`), await groups(plain));
  });

  it('closes as any document: its diagnostics are cleared and nothing is kept', async () => {
    const file = path.join(folder, 'closed.log');
    fs.writeFileSync(file, 'error_code=AIS.0101 error_msg=The input parameter is invalid.\n');
    const uri = fileUri(file);
    await openFromDisk(uri);
    assert.equal((await client.waitForDiagnostics(uri, 1)).length, 1);
    client.diagnostics.delete(uri);
    client.close(uri);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    assert.equal((await findings(uri)).skippedReason, 'notOpen');
    assert.equal(await client.hover(uri, 0, 14), null);
  });
});

describe('files read ahead, before their document opens', () => {
  let client: TestClient;
  const folder = folderAndClientForSuite('ecb-read-ahead-', (started) => (client = started));
  const text = ['huaweicloud-sdk-python.log', 'aliyun-tea-java.log', 'traps.log'].map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')).join('\n');
  // Several pieces (1 MB each), so a change of the file can come while it is read ahead.
  const large = text.repeat(Math.ceil((6 * 1024 * 1024) / text.length));

  const openFromDisk = (uri: string) => client.request<OpenResult>('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'log', version: 1 } });
  const findings = (uri: string) => client.request<Findings>('errorCodebook/documentFindings', { uri });
  const readAhead = async (file: string) => {
    const uri = fileUri(file);
    client.notify('errorCodebook/readAhead', { uri });
    await waitFor(() => client.logs.some((line) => line.includes(`Reading ${file} ahead`)), 10_000, `the read ahead of ${path.basename(file)}`);
    return uri;
  };
  const usedAhead = (file: string) => client.logs.some((line) => line.includes(`${file} opened: what was read ahead of it is used`));
  /** What was published for a file before its document opened (no version), once there is some. */
  const publishedAhead = (uri: string, what = 'its findings published ahead') =>
    waitFor(() => client.published.find((params) => params.uri === uri && params.version === undefined && params.diagnostics.length > 0)?.diagnostics, 30_000, what);
  /** What errorCodebook/findingsChanged said of a file, in order. */
  const findingsChanged = (uri: string) =>
    client.notifications.filter(({ method, params }) => method === 'errorCodebook/findingsChanged' && (params as { uri: string }).uri === uri).map(({ params }) => params as { uri: string; total: number });
  /** Resolves once the server has handled what came before (a request about another file). */
  const caughtUp = () => findings('file:///settled.log');

  it('publishes what the file holds once it is read ahead, before its document opens, and the same once it opens', async () => {
    const file = path.join(folder, 'ahead.log');
    const copy = path.join(folder, 'copy.log');
    fs.writeFileSync(file, large);
    fs.writeFileSync(copy, large);
    const uri = await readAhead(file);
    const ahead = await publishedAhead(uri);
    // The Error Codes view is told, and lists them too.
    await waitFor(() => findingsChanged(uri).some(({ total }) => total > 0), 10_000, 'told the findings changed');
    const listedAhead = await findings(uri);
    assert.equal(listedAhead.skippedReason, undefined);
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    assert.deepEqual(await openFromDisk(fileUri(copy)), { accepted: true });
    const opened = await client.waitForDiagnostics(uri, 1, 30_000);
    const plain = await client.waitForDiagnostics(fileUri(copy), 1, 30_000);
    assert.ok(usedAhead(file), 'what was read ahead is used');
    assert.ok(plain.length > 100);
    assert.deepEqual(strip(ahead), strip(plain));
    assert.deepEqual(strip(opened), strip(plain));
    assert.deepEqual({ ...(await findings(uri)), uri: undefined }, { ...(await findings(fileUri(copy))), uri: undefined });
    assert.deepEqual({ ...listedAhead, uri: undefined }, { ...(await findings(fileUri(copy))), uri: undefined });
  });

  it('withdraws what it published ahead when the editor closes before the document opens', async () => {
    const file = path.join(folder, 'closed-early.log');
    fs.writeFileSync(file, text);
    const uri = await readAhead(file);
    await publishedAhead(uri);
    client.notify('errorCodebook/readAheadClosed', { uri });
    await waitFor(() => client.diagnostics.get(uri)?.diagnostics.length === 0, 10_000, 'its findings withdrawn');
    assert.ok(client.logs.some((line) => line.includes(`Dropped what was read ahead of ${file}: its editor closed before its document opened`)));
    await waitFor(() => findingsChanged(uri).at(-1)?.total === 0, 10_000, 'told its findings are gone');
    assert.equal((await findings(uri)).skippedReason, 'notOpen');
    // Opened after all, it is read anew.
    assert.deepEqual(await openFromDisk(uri), { accepted: true });
    assert.ok((await client.waitForDiagnostics(uri, 1, 30_000)).length > 10);
    assert.ok(!usedAhead(file), 'what was read ahead was dropped');
  });

  it('leaves the findings of a scan from disk as they are, before and after the file is read ahead', async () => {
    const file = path.join(folder, 'scanned.log');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    const scanned = await client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri });
    assert.equal(scanned.error, undefined);
    const fromScan = await client.waitForDiagnostics(uri);
    assert.ok(fromScan.length > 10);
    const publishedBefore = client.published.filter((params) => params.uri === uri).length;
    await readAhead(file);
    await waitFor(() => client.logs.some((line) => line.includes(`Read ${file} ahead in`)), 30_000, 'the reading ahead done');
    client.notify('errorCodebook/readAheadClosed', { uri });
    await waitFor(() => client.logs.some((line) => line.includes(`Dropped what was read ahead of ${file}`)), 10_000, 'the reading ahead dropped');
    await caughtUp();
    assert.equal(client.published.filter((params) => params.uri === uri).length, publishedBefore, 'nothing published over the scan\'s findings');
  });

  for (const change of ['rewritten while it is read ahead', 'written to once it was read ahead'] as const) {
    it(`reads what the file holds when it was ${change}, before the document opened`, async () => {
      const appended = change === 'written to once it was read ahead';
      const file = path.join(folder, `changed-${appended ? 'appended' : 'rewritten'}.log`);
      fs.writeFileSync(file, appended ? text : large);
      const uri = await readAhead(file);
      if (appended) {
        await waitFor(() => client.logs.some((line) => line.includes(`Read ${file} ahead in`)), 30_000, 'the reading ahead done');
        fs.appendFileSync(file, 'ERROR recognize failed: error_code=ModelArts.4204 request_id=7a1f\n');
      } else {
        fs.writeFileSync(file, 'INFO rewritten\nERROR call failed: error_code=AIS.0101 The input parameter is invalid.\n');
      }
      assert.deepEqual(await openFromDisk(uri), { accepted: true });
      const sent = await waitForDiagnosticsOfText(client, uri, fs.readFileSync(file, 'utf8'), path.join(folder, `sent-${appended ? 'appended' : 'rewritten'}.log`));
      assert.equal((await findings(uri)).total, (await findings(sent)).total);
      if (appended) {
        assert.ok(usedAhead(file), 'what was read ahead is used, and the file read on');
      }
    });
  }

  it('reads ahead only files whose path alone selects them, and only the newest two', async () => {
    const notes = path.join(folder, 'notes.txt');
    fs.writeFileSync(notes, text);
    client.notify('errorCodebook/readAhead', { uri: fileUri(notes) });
    const files = ['one.log', 'two.log', 'three.log'].map((name) => path.join(folder, name));
    for (const file of files) {
      fs.writeFileSync(file, text);
      await publishedAhead(await readAhead(file));
    }
    assert.ok(!client.logs.some((line) => line.includes(`Reading ${notes} ahead`)), 'a .txt file is scanned by its language, which is not known yet');
    assert.equal(client.published.filter((params) => params.uri === fileUri(notes)).length, 0);
    // The oldest was dropped for the newest: what was published of it is withdrawn.
    await waitFor(() => client.diagnostics.get(fileUri(files[0]))?.diagnostics.length === 0, 10_000, 'the findings of the file dropped withdrawn');
    for (const file of files) {
      assert.deepEqual(await openFromDisk(fileUri(file)), { accepted: true });
      assert.ok((await client.waitForDiagnostics(fileUri(file), 1, 30_000)).length > 10);
    }
    assert.deepEqual(files.map(usedAhead), [false, true, true]);
  });
});

describe('a file read ahead, asked about while it is read', () => {
  let client: TestClient;
  // The client answers questions about settings late: until it does, the file is not done.
  const folder = folderAndClientForSuite('ecb-read-ahead-asked-', (started) => (client = started), () =>
    TestClient.start({ configurationDelayMs: 1500, configuration: (section) => (section === 'errorCodebook' ? {} : null) }),
  );

  it('is said to be read, then its codes are listed once they are published', async () => {
    const file = path.join(folder, 'asked-early.log');
    fs.writeFileSync(file, 'INFO start\nERROR call failed: error_code=AIS.0101 The input parameter is invalid.\n');
    const uri = fileUri(file);
    client.notify('errorCodebook/readAhead', { uri });
    await waitFor(() => client.logs.some((line) => line.includes(`Reading ${file} ahead`)), 10_000, 'the read ahead');
    const findings = () => client.request<Findings>('errorCodebook/documentFindings', { uri });
    assert.equal((await findings()).skippedReason, 'reading');
    await waitFor(() => client.notifications.some(({ method, params }) => method === 'errorCodebook/findingsChanged' && (params as { uri: string }).uri === uri), 10_000, 'its findings published ahead');
    const listed = await findings();
    assert.equal(listed.skippedReason, undefined);
    assert.equal(listed.total, 1);
  });
});

describe('the settings of a file read ahead', () => {
  let client: TestClient;
  const folder = folderAndClientForSuite('ecb-read-ahead-settings-', (started) => (client = started), () => TestClient.startWithSettings());

  const asked = (uri: string) => client.configurationRequests.flat().filter((item) => item.scopeUri === uri).length;
  /** Changes the settings, and waits until the server has asked for them and been answered. */
  const changeSettings = async (settings: Record<string, unknown>) => {
    const before = client.configurationRequests.length;
    client.changeSettings(settings);
    await waitFor(() => client.configurationRequests.length > before && client.configurationAnswered === client.configurationRequests.length, 10_000, 'the new settings, answered');
  };
  const readAheadAndOpen = async (name: string, between: () => Promise<void> = async () => undefined) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, 'INFO start\nERROR call failed: error_code=AIS.0101 The input parameter is invalid.\n');
    const uri = fileUri(file);
    client.notify('errorCodebook/readAhead', { uri });
    await waitFor(() => asked(uri) > 0 && client.configurationAnswered === client.configurationRequests.length, 10_000, 'the question for its settings, answered');
    await between();
    assert.deepEqual(await client.request<OpenResult>('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'log', version: 1 } }), { accepted: true });
    return { uri, diagnostics: await client.waitForDiagnostics(uri, 1, 30_000) };
  };

  it('are asked for as it is read ahead, so its document is not held up by the question', async () => {
    const { uri, diagnostics } = await readAheadAndOpen('asked-once.log');
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['AIS.0101']);
    assert.equal(asked(uri), 1, 'asked once, before the document opened');
  });

  it('say what is published ahead, and say it again when they change before its document opens', async () => {
    const chinese = /[\u4e00-\u9fff]/;
    const ahead = (uri: string) => client.published.filter((params) => params.uri === uri && params.version === undefined);
    const file = fileUri(path.join(folder, 'published-ahead.log'));
    const { uri } = await readAheadAndOpen('published-ahead.log', async () => {
      await waitFor(() => ahead(file).length === 1, 30_000, 'its findings published ahead');
      assert.ok(!chinese.test(ahead(file)[0].diagnostics[0].message));
      client.changeSettings({ displayLanguage: 'zh-CN' });
      await waitFor(() => ahead(file).length === 2, 30_000, 'its findings published ahead again');
      assert.ok(chinese.test(ahead(file)[1].diagnostics[0].message));
    });
    await waitFor(() => chinese.test(client.diagnostics.get(uri)?.diagnostics[0]?.message ?? ''), 10_000, 'its diagnostic in Chinese once open');
    await changeSettings({});
  });

  it('publish nothing ahead for a file whose kind has its diagnostics off (JSON)', async () => {
    // JSON files selected by their path, so they are read ahead; their diagnostics off.
    await changeSettings({ 'scan.include': ['**/*.log', '**/*.json'], 'diagnostics.json': false });
    const file = path.join(folder, 'bodies.json');
    fs.writeFileSync(file, '{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}\n');
    const uri = fileUri(file);
    client.notify('errorCodebook/readAhead', { uri });
    await waitFor(() => client.logs.some((line) => line.includes(`Read ${file} ahead in`)), 30_000, 'the reading ahead done');
    assert.deepEqual(await client.request<OpenResult>('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'json', version: 1 } }), { accepted: true });
    assert.deepEqual(await client.waitForDiagnostics(uri, 1, 30_000), []);
    assert.deepEqual(client.published.filter((params) => params.uri === uri && params.diagnostics.length > 0), [], 'nothing published ahead');
    await changeSettings({});
  });

  it('follow a change made before its document opens', async () => {
    const chinese = /[\u4e00-\u9fff]/;
    const { uri, diagnostics } = await readAheadAndOpen('changed.log', async () => {
      const before = client.configurationRequests.length;
      client.changeSettings({ displayLanguage: 'zh-CN' });
      await waitFor(() => client.configurationRequests.length > before && client.configurationAnswered === client.configurationRequests.length, 10_000, 'the new settings, answered');
    });
    assert.ok(asked(uri) >= 2, 'asked again when the settings changed');
    await waitFor(() => {
      const now = client.diagnostics.get(uri)?.diagnostics ?? diagnostics;
      return now.length === 1 && chinese.test(now[0].message);
    }, 10_000, 'its diagnostic in Chinese');
  });
});
