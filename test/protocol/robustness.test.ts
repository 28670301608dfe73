/*
 * The built server over stdio, given what a real editor can send: requests for documents it never
 * opened, positions past the end, cancelled requests, versions out of order, binary and oversized
 * documents, malformed user catalogs. It answers each sensibly, reports what it cannot use, and
 * keeps working. Waiting is done by polling, never by sleeping.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { parseCatalogText } from '../../server/src/core/index';
import { ROOT, TestClient, fileUri, waitFor } from '../support/lspClient';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'error-codebook-robustness-'));

/** The 1-based line of the first line of `text` that contains `marker`. */
function lineOf(text: string, marker: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((line) => line.includes(marker));
  assert.ok(index !== -1, `${marker} is not in the text`);
  return index + 1;
}

function write(name: string, text: string): string {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, text);
  return file;
}

function catalogText(id: string, extra: string[] = [], sourceUrl = 'https://example.com/robustness'): string {
  return [
    '{',
    '  "version": 1,',
    `  "id": "${id}",`,
    '  "provider": { "en": "Robust Cloud" },',
    '  "service": { "en": "Robustness" },',
    '  "languages": ["en"],',
    `  "sources": [{ "language": "en", "url": "${sourceUrl}" }],`,
    ...extra,
    '  "entries": [',
    '    { "code": "Robust.0001", "httpStatus": 500, "message": { "en": "The robust service failed." }, "description": { "en": "Something broke robustly." } },',
    '    { "code": "Robust.0002", "httpStatus": 400, "message": { "en": "Bad robust input." } },',
    '    { "code": "Robust.0003", "httpStatus": 404, "message": { "en": "No robust thing." } }',
    '  ]',
    '}',
  ].join('\n');
}

const good = write('good.json', catalogText('robustness-good'));
const brokenText = catalogText('robustness-broken').replace('"version": 1,', '"version": 1');
const broken = write('broken.json', brokenText);
const schemaText = catalogText('robustness-schema', ['  "colour": "red",'], 'http://example.com/robustness');
const schema = write('schema.json', schemaText);
const duplicateText = `\n\n${catalogText('robustness-good')}`;
const duplicate = write('duplicate.json', duplicateText);
const missing = path.join(TMP, 'no-such-catalog.json');

/** The problems the server must log, as `file:line:` prefixes, computed from the texts written. */
const EXPECTED_PROBLEMS = [
  `${missing}:1:`,
  `${broken}:${lineOf(brokenText, '"id"')}:`,
  `${schema}:${lineOf(schemaText, '"colour"')}:`,
  `${schema}:${lineOf(schemaText, 'http://example.com')}:`,
  `${duplicate}:${lineOf(duplicateText, '"id"')}:`,
];

/** The ids of the built-in catalogs that load, whatever state catalogs/ is in. */
function builtInIds(): string[] {
  const folder = path.join(ROOT, 'catalogs');
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => parseCatalogText(fs.readFileSync(path.join(folder, name), 'utf8'), name).catalog?.id)
    .filter((id): id is string => id !== undefined);
}

const ROBUST_TEXT = 'ERROR request failed: Robust.0001 The robust service failed.\nINFO retrying\n';

function isEmpty(result: unknown): boolean {
  return result === null || (Array.isArray(result) && result.length === 0);
}

/**
 * Stops a server the way an editor does: shutdown, then exit once that is written, then waits (by
 * polling) for the process to end before letting go of the connection, so no write is left pending
 * against a closed pipe.
 */
async function stopGently(client: TestClient): Promise<void> {
  try {
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    await waitFor(() => client.process.exitCode !== null || client.process.signalCode !== null, 5_000, 'the server to exit');
  } finally {
    client.connection.dispose();
    client.process.kill();
  }
}

function codes(diagnostics: { code?: string | number }[]): (string | number | undefined)[] {
  return diagnostics.map((diagnostic) => diagnostic.code);
}

describe('a robust language server', () => {
  let client: TestClient;
  const messageRequests: { type: number; message: string; actions?: { title: string }[] }[] = [];
  let acceptDiskScan = false;

  before(async () => {
    client = await TestClient.start({
      locale: 'en',
      settings: { 'scan.maxFileSizeMB': 1, catalogPaths: [missing, broken, schema, good, duplicate] },
    });
    client.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string; actions?: { title: string }[] }) => {
      messageRequests.push(params);
      return acceptDiskScan && params.actions?.[0] ? params.actions[0] : null;
    });
  });

  after(async () => {
    await stopGently(client);
    fs.rmSync(TMP, { recursive: true, force: true });
  });

  it('reports malformed user catalogs as warnings naming file:line, and loads the good ones', async () => {
    await waitFor(() => EXPECTED_PROBLEMS.every((prefix) => client.logs.some((line) => line.includes(`Catalog problem: ${prefix}`))), 10_000, 'a warning for each catalog problem');
    const warnings = client.notifications
      .filter((notification) => notification.method === 'window/logMessage')
      .map((notification) => notification.params as { type: number; message: string })
      .filter((params) => params.message.startsWith('Catalog problem: ') && params.message.includes(TMP));
    assert.equal(warnings.length, EXPECTED_PROBLEMS.length, JSON.stringify(warnings, null, 2));
    warnings.forEach((warning, index) => {
      assert.equal(warning.type, 2, 'a warning');
      assert.ok(warning.message.startsWith(`Catalog problem: ${EXPECTED_PROBLEMS[index]}`), `${warning.message} should start with ${EXPECTED_PROBLEMS[index]}`);
    });
    assert.match(warnings[1].message, /Not valid JSON: comma expected/);
    assert.match(warnings[2].message, /Unknown property "colour"/);
    assert.match(warnings[3].message, /must be an https URL/);
    assert.match(warnings[4].message, /Catalog id "robustness-good" is already used/);

    const status = await client.request<{ catalogs: { id: string; file: string }[]; problems: { file: string; line: number }[] }>('errorCodebook/catalogStatus', {});
    assert.deepEqual(status.catalogs.map((catalog) => catalog.id), [...builtInIds(), 'robustness-good']);
    assert.equal(status.catalogs.find((catalog) => catalog.id === 'robustness-good')?.file, good);
    for (const prefix of EXPECTED_PROBLEMS) {
      assert.ok(status.problems.some((problem) => prefix === `${problem.file}:${problem.line}:`), `${prefix} in the catalog status`);
    }

    const uri = fileUri(path.join(TMP, 'app.log'));
    client.open(uri, 'log', ROBUST_TEXT);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['Robust.0001']);
    const hover = await client.hover(uri, 0, 30);
    assert.ok(hover);
    assert.match(hover.contents.value, /Robust Cloud/);
    assert.match(hover.contents.value, /Something broke robustly/);
  });

  it('answers requests about documents it never opened with null or nothing, not an error', async () => {
    const uri = 'file:///never/opened.log';
    const position = { line: 0, character: 0 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.ok(isEmpty(await client.request('textDocument/documentLink', { textDocument: { uri } })));
    assert.ok(isEmpty(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
    const range = { start: position, end: position };
    assert.ok(isEmpty(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } })));
    const foreign = { range, message: 'not ours', source: 'another linter', code: 'X1' };
    assert.ok(isEmpty(await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [foreign] } })));
    const findings = await client.request<{ total: number; groups: unknown[] }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.total, 0);
    assert.deepEqual(findings.groups, []);
    assert.equal(await client.request('errorCodebook/explain', { id: 'no-such:entry' }), null);
    // Closing and changing a document that is not open are ignored.
    client.notify('textDocument/didClose', { textDocument: { uri } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'Robust.0001' }] });
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position }), null);
  });

  it('survives malformed request parameters', async () => {
    for (const [method, params] of [
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: 'start' }],
      ['textDocument/documentSymbol', null],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///x' } }],
      ['errorCodebook/search', { query: { not: 'a string' }, limit: 'many' }],
      ['errorCodebook/documentFindings', []],
    ] as [string, unknown][]) {
      try {
        await client.request(method, params);
      } catch (error) {
        assert.ok(error instanceof ResponseError, `${method} failed with ${String(error)}`);
      }
    }
    const uri = fileUri(path.join(TMP, 'app.log'));
    // Malformed notifications are ignored; the document keeps its text.
    client.notify('textDocument/didOpen', {});
    client.notify('textDocument/didOpen', { textDocument: { uri: 42, text: null } });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 90 }, contentChanges: 'not a list' });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 91 }, contentChanges: [{ text: 5 }, null] });
    client.notify('textDocument/didClose', {});
    client.notify('errorCodebook/readAhead', null);
    client.notify('errorCodebook/readAhead', { uri: 42 });
    client.notify('errorCodebook/readAhead', { uri: 'not a uri at all' });
    client.notify('errorCodebook/readAhead', { uri: 'untitled:Untitled-1' });
    client.notify('errorCodebook/readAhead', { uri: fileUri(path.join(TMP, 'no-such-file.log')) });
    client.notify('errorCodebook/readAhead', { uri: fileUri(TMP) });
    client.notify('errorCodebook/readAheadClosed', null);
    client.notify('errorCodebook/readAheadClosed', { uri: 42 });
    client.notify('errorCodebook/readAheadClosed', { uri });
    client.notify('errorCodebook/readAheadClosed', { uri: fileUri(path.join(TMP, 'never-read-ahead.log')) });
    assert.ok(await client.hover(uri, 0, 30), 'still answers a normal hover');
    assert.deepEqual(client.logs.filter((line) => /Unexpected|failed/.test(line)), []);
  });

  it('answers positions past the end of a line or of the document', async () => {
    const uri = fileUri(path.join(TMP, 'positions.log'));
    client.open(uri, 'log', 'Robust.0002\r\nshort');
    await client.waitForDiagnostics(uri);
    assert.ok(await client.hover(uri, 0, 11), 'right after the code is still on it');
    for (const [line, character] of [
      [0, 12],
      [0, 999],
      [1, 999],
      [2, 0],
      [999, 999],
      [2 ** 31 - 1, 2 ** 31 - 1],
      [-1, -1],
    ]) {
      assert.equal(await client.hover(uri, line, character), null, `hover at ${line}:${character}`);
    }
    // An edit whose range lies past the end appends.
    const version = client.change(uri, [{ range: { start: { line: 40, character: 3 }, end: { line: 50, character: 0 } }, text: ' Robust.0003' }]);
    const diagnostics = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]), [
      ['Robust.0002', 0, 0],
      ['Robust.0003', 1, 6],
    ]);
  });

  it('keeps working after cancelled requests', async () => {
    const uri = fileUri(path.join(TMP, 'app.log'));
    const outcomes: string[] = [];
    const settle = async (promise: Promise<unknown>) => {
      try {
        await promise;
        outcomes.push('answered');
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, -32800, 'a cancelled request fails only as cancelled');
        outcomes.push('cancelled');
      }
    };
    // Cancelled at once, and cancelled after a moment.
    for (let round = 0; round < 5; round++) {
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 30 } }, source.token);
      source.cancel();
      await settle(request);
    }
    // A cancellation for a request that does not exist, or never did.
    client.notify('$/cancelRequest', { id: 987_654_321 });
    client.notify('$/cancelRequest', { id: 'no-such-request' });
    // A long request cancelled while it runs: a disk scan of a large file.
    const large = write('large.log', 'INFO fine\nERROR Robust.0001 The robust service failed.\n'.repeat(200_000));
    const source = new CancellationTokenSource();
    const scan = client.connection.sendRequest('errorCodebook/scanFile', { uri: fileUri(large) }, source.token) as Promise<{ cancelled: boolean; total: number; error?: string }>;
    source.cancel();
    try {
      const result = await scan;
      assert.equal(result.error, undefined);
      assert.ok(result.cancelled || result.total === 200_000, JSON.stringify(result));
      outcomes.push(result.cancelled ? 'scan cancelled' : 'scan finished');
    } catch (error) {
      assert.ok(error instanceof ResponseError && error.code === -32800, String(error));
      outcomes.push('scan cancelled');
    }
    assert.equal(outcomes.length, 6);
    const hover = await client.hover(uri, 0, 30);
    assert.ok(hover, 'a normal hover after the cancellations');
    assert.match(hover.contents.value, /Robust Cloud/);
  });

  it('ignores a change of an older version than the one it holds', async () => {
    const uri = fileUri(path.join(TMP, 'versions.log'));
    client.open(uri, 'log', 'Robust.0001');
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, 1)), ['Robust.0001']);
    client.change(uri, [{ text: 'Robust.0002' }], 3);
    // Older and equal versions arrive late: both are ignored.
    client.change(uri, [{ text: 'Robust.0003' }], 2);
    client.change(uri, [{ text: 'Robust.0003 Robust.0003' }], 3);
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Robust.0001 ' }], 1);
    const findings = await client.request<{ total: number; groups: { code: string }[] }>('errorCodebook/documentFindings', { uri });
    assert.deepEqual(findings.groups.map((group) => group.code), ['Robust.0002']);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, 3)), ['Robust.0002']);
    // The next version applies to version 3's text.
    const version = client.change(uri, [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: ' Robust.0001' }], 4);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, version)), ['Robust.0002', 'Robust.0001']);
    assert.match((await client.hover(uri, 0, 14))!.contents.value, /Robust\\\.0001/);
  });

  it('skips a binary-looking document without crashing, and scans it once it is text', async () => {
    const uri = fileUri(path.join(TMP, 'binary.log'));
    client.open(uri, 'log', `Robust.0001\u0000\u0000\u0001\u0002 PNG\u001a\n${'\u0000'.repeat(1000)} Robust.0002`);
    assert.deepEqual(await client.waitForDiagnostics(uri, 1), []);
    const findings = await client.request<{ total: number; skippedReason?: string }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.total, 0);
    assert.equal(findings.skippedReason, 'binary');
    assert.equal(await client.hover(uri, 0, 3), null);
    assert.ok(isEmpty(await client.request('textDocument/documentSymbol', { textDocument: { uri } })));
    const version = client.change(uri, [{ text: 'ERROR Robust.0001 now plain text' }]);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri, version)), ['Robust.0001']);
  });

  it('does not scan a document over scan.maxFileSizeMB, and offers the disk scan instead', async () => {
    const line = 'ERROR Robust.0003 No robust thing.\n';
    const count = Math.ceil((1.5 * 1024 * 1024) / line.length);
    const file = write('huge.log', line.repeat(count));
    const uri = fileUri(file);
    acceptDiskScan = true;
    client.open(uri, 'log', line.repeat(count));
    const offer = await waitFor(() => messageRequests.find((request) => request.message.includes('MB limit')), 10_000, 'the offer of a disk scan');
    assert.match(offer.message, /over the 1 MB limit/);
    assert.deepEqual(offer.actions?.map((action) => action.title), ['Scan from disk']);
    assert.equal(await client.hover(uri, 0, 8), null, 'not scanned in the editor');
    // Accepting the offer scans the file from disk and publishes its findings.
    const diagnostics = await waitFor(() => {
      const published = client.diagnostics.get(uri);
      return published && published.diagnostics.length > 0 ? published.diagnostics : undefined;
    }, 20_000, 'diagnostics from the disk scan');
    assert.match(diagnostics[0].message, new RegExp(`shows 1000 of ${count} error codes`));
    assert.ok(diagnostics.slice(1).every((diagnostic) => diagnostic.code === 'Robust.0003'));
    const findings = await client.request<{ total: number }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.total, count);
  });

  it('after all that, still answers a normal hover and has logged no unexpected error', async () => {
    const uri = fileUri(path.join(TMP, 'final.log'));
    client.open(uri, 'log', ROBUST_TEXT);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri)), ['Robust.0001']);
    const hover = await client.hover(uri, 0, 30);
    assert.ok(hover);
    assert.match(hover.contents.value, /\*\*Robust\\\.0001\*\* — Robust Cloud · Robustness/);
    assert.equal(client.process.exitCode, null, 'the server is still running');
    assert.deepEqual(client.logs.filter((line) => /Unexpected (error|rejection)/.test(line)), []);
  });
});

describe('the size limit given as a nested setting', () => {
  let client: TestClient;
  const messageRequests: { message: string }[] = [];

  before(async () => {
    client = await TestClient.start({ locale: 'en', settings: { scan: { maxFileSizeMB: 1 } } });
    client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      messageRequests.push(params);
      return null;
    });
  });

  after(() => stopGently(client));

  it('also keeps a large document from being scanned', async () => {
    const uri = 'untitled:Untitled-1';
    client.open(uri, 'plaintext', 'x'.repeat(2 * 1024 * 1024 + 10));
    const offer = await waitFor(() => messageRequests[0], 10_000, 'the offer of a disk scan');
    assert.match(offer.message, /This file is 2 MB, over the 1 MB limit/);
    const findings = await client.request<{ skippedReason?: string }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.skippedReason, 'tooLarge');
    // A small document is scanned as usual.
    const small = 'untitled:Untitled-2';
    client.open(small, 'plaintext', 'x');
    assert.deepEqual(await client.waitForDiagnostics(small), []);
    assert.equal((await client.request<{ skippedReason?: string }>('errorCodebook/documentFindings', { uri: small })).skippedReason, undefined);
  });
});
