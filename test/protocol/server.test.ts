/*
 * The built server, spoken to over stdio as an editor would, on realistic fixture documents.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, fileUri, fixture, positionOf, waitFor } from '../support/lspClient';
import { CatalogStatusResult } from '../../server/src/common/protocol';

describe('language server over stdio (locale en)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'en', clientCommands: ['errorCodebook.copyExplanation'] });
  });
  after(() => client.stop());

  it('publishes one diagnostic per occurrence in an SDK log, with source, code and documentation', async () => {
    const { uri, text } = fixture('huaweicloud-sdk-python.log');
    client.open(uri, 'log', text);
    const diagnostics = await client.waitForDiagnostics(uri);
    const codes = diagnostics.map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes, ['AIS.0101', 'APIG.0308', 'ModelArts.4204', 'APIG.0201', 'APIG.0201', 'AIP.0010', 'APIGW.0301']);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'Error Codebook');
      assert.match(diagnostic.codeDescription!.href, /^https:\/\//);
      assert.ok(diagnostic.message.startsWith(`${diagnostic.code}: `), diagnostic.message);
    }
    const oversized = diagnostics[3];
    assert.match(oversized.message, /Image Recognition/);
    assert.equal(oversized.severity, 2);
    assert.match(diagnostics[4].message, /OCR/);
    // Each says whose error it is and where that came from.
    assert.match(diagnostics[0].message, /\[Huawei Cloud · OCR — from /);
    // A code of a known family that no table lists is information, and says so.
    assert.equal(diagnostics[6].severity, 3);
    assert.match(diagnostics[6].message, /not in the catalogs/);
  });

  it('hovers with the code, provider and service, message, meaning, fix and documentation', async () => {
    const { uri, text } = fixture('huaweicloud-sdk-python.log');
    const hover = await client.hover(uri, positionOf(text, 'ModelArts.4204').line, positionOf(text, 'ModelArts.4204').character);
    assert.ok(hover, 'a hover');
    const value = hover.contents.value;
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(value, /\*\*ModelArts\\\.4204\*\* — Huawei Cloud · /);
    assert.match(value, /subscribed/);
    assert.match(value, /\*\*Fix:\*\*/);
    assert.match(value, /\]\(https:\/\/support\.huaweicloud\.com\/intl\/en-us\/api-ocr\/ocr_03_0028\.html\)/);
  });

  it('picks APIG.0201 by the message next to it', async () => {
    const { uri, text } = fixture('error-bodies.json');
    client.open(uri, 'json', text);
    const first = positionOf(text, 'APIG.0201', 0);
    const second = positionOf(text, 'APIG.0201', 1);
    const oversized = await client.hover(uri, first.line, first.character);
    const timeout = await client.hover(uri, second.line, second.character);
    assert.match(oversized!.contents.value, /Image Recognition/);
    assert.match(timeout!.contents.value, /Huawei Cloud · (?!Image)/);
    const diagnostics = await client.waitForDiagnostics(uri);
    // The code in the body's diagnosis link (Keyword=InvalidMaxKeys) counts as well as the one under Code.
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['APIG.0201', 'APIG.0201', 'InvalidMaxKeys', 'InvalidMaxKeys', '462', 'ServiceUnavailable']);
  });

  it('binds template placeholders and says so in the hover', async () => {
    const { uri, text } = fixture('aliyun-tea-java.log');
    client.open(uri, 'log', text);
    const position = positionOf(text, 'InvalidParameter.SourceURI.Empty');
    const hover = await client.hover(uri, position.line, position.character);
    assert.match(hover!.contents.value, /\*\*Placeholder:\*\* \\\{ParameterName\\\} \\= SourceURI/);
    assert.match(hover!.contents.value, /error-center\.aliyun\.com\/status\/search\?Keyword=InvalidParameter\.SourceURI\.Empty/);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['InvalidParameter.SourceURI.Empty', 'Forbidden.AccountInDebt', 'Throttling', '462', 'InternalError']);
  });

  it('stays silent on access logs and traps', async () => {
    for (const name of ['access.log', 'traps.log']) {
      const { uri, text } = fixture(name);
      client.open(uri, 'log', text);
      assert.deepEqual(await client.waitForDiagnostics(uri), [], name);
    }
  });

  it('gives source files hovers and links but no diagnostics by default', async () => {
    const { uri, text } = fixture('Client.java');
    client.open(uri, 'java', text);
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Throttling', 'ServiceUnavailable', 'InternalError', 'Forbidden.AccountInDebt']);
    const position = positionOf(text, 'Forbidden.AccountInDebt');
    const hover = await client.hover(uri, position.line, position.character);
    assert.match(hover!.contents.value, /Alibaba Cloud/);
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, 4);
    assert.ok(links.every((link) => link.target.startsWith('https://error-center.aliyun.com/status/search?Keyword=')));
  });

  it('offers code actions to open documentation and copy the explanation', async () => {
    const { uri } = fixture('huaweicloud-sdk-python.log');
    const diagnostics = await client.waitForDiagnostics(uri);
    const actions = await client.request<{ title: string; command: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.deepEqual(actions.map((action) => action.command.command), ['errorCodebook.openDocumentation', 'errorCodebook.copyExplanation']);
    assert.match(String(actions[0].command.arguments[0]), /^https:\/\//);
    assert.equal(actions[1].command.arguments[0], 'huaweicloud-ocr:AIS.0101');
  });

  it('offers only the actions whose commands the client runs', async () => {
    const editor = await TestClient.start({ clientCommands: ['errorCodebook.explainEntry', 'errorCodebook.copyExplanation'] });
    const plain = await TestClient.start({ clientCommands: [] });
    try {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      const actionsOf = async (someone: TestClient) => {
        someone.open(uri, 'log', text);
        const [first] = await someone.waitForDiagnostics(uri);
        const actions = await someone.request<{ title: string; command: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: first.range,
          context: { diagnostics: [first] },
        });
        return actions.map((action) => `${action.command.command} ${action.title}`);
      };
      assert.deepEqual(await actionsOf(editor), [
        'errorCodebook.openDocumentation Open documentation for AIS.0101',
        'errorCodebook.explainEntry Show explanation of AIS.0101',
        'errorCodebook.copyExplanation Copy explanation of AIS.0101',
      ]);
      assert.deepEqual(await actionsOf(plain), ['errorCodebook.openDocumentation Open documentation for AIS.0101']);
    } finally {
      await editor.stop();
      await plain.stop();
    }
  });

  it('answers errorCodebook/search in English and Chinese, and errorCodebook/explain', async () => {
    const byCode = await client.request<{ items: { id: string }[] }>('errorCodebook/search', { query: 'ModelArts.42' });
    assert.ok(byCode.items.length >= 4);
    assert.ok(byCode.items.every((item) => item.id.includes('ModelArts.42')));
    const byWords = await client.request<{ items: { id: string }[] }>('errorCodebook/search', { query: 'incorrect padding' });
    assert.equal(byWords.items[0].id.startsWith('alibabacloud-ocr-marketplace:462'), true);
    const byChinese = await client.request<{ items: { id: string; code: string }[] }>('errorCodebook/search', { query: '欠费' });
    assert.ok(byChinese.items.some((item) => item.code === 'Forbidden.AccountInDebt'));
    const explained = await client.request<{ markdown: string; plainText: string; links: { url: string }[] } | null>('errorCodebook/explain', { id: byChinese.items.find((item) => item.code === 'Forbidden.AccountInDebt')!.id });
    assert.ok(explained);
    assert.match(explained.plainText, /The specified account is in debt/);
    assert.ok(explained.links.every((link) => link.url.startsWith('https://')));
    assert.equal(await client.request('errorCodebook/explain', { id: 'no-such:entry' }), null);
  });

  it('lists every finding of a document grouped by code', async () => {
    const { uri } = fixture('huaweicloud-sdk-python.log');
    const findings = await client.request<{ total: number; groups: { code: string; count: number }[] }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.total, 7);
    assert.ok(findings.groups.some((group) => group.code === 'APIG.0201' && group.count === 1));
  });

  it('updates diagnostics after an incremental edit', async () => {
    const { uri, text } = fixture('traps.log');
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'error_code=AIS.0105 ' }]);
    const diagnostics = await client.waitForDiagnostics(uri, version);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character]), [['AIS.0105', 0, 11]]);
    assert.ok(text.length > 0);
  });

  it('reports the catalogs it loaded', async () => {
    const status = await client.request<CatalogStatusResult>('errorCodebook/catalogStatus', undefined);
    assert.deepEqual(status.catalogs.map((catalog) => catalog.id).sort(), ['alibabacloud-imm', 'alibabacloud-ocr-marketplace', 'huaweicloud-apig', 'huaweicloud-image-recognition', 'huaweicloud-ocr']);
    assert.deepEqual(status.problems, []);
    // Each with its entry count, its source pages and their dates, and the hover's provenance line.
    const ocr = status.catalogs.find((catalog) => catalog.id === 'huaweicloud-ocr')!;
    assert.equal(ocr.entries, 39);
    assert.deepEqual(
      ocr.sources.map((source) => [source.language, source.url, source.updated, source.captured]),
      [
        ['en', 'https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html', '2022-10-29 GMT+08:00', '2026-11-22'],
        ['zh-cn', 'https://support.huaweicloud.com/api-ocr/ocr_03_0028.html', undefined, '2026-11-22'],
      ],
    );
    assert.equal(ocr.provenance, 'Huawei Cloud OCR error codes, page updated 2022-10-29');
    assert.ok(status.catalogs.every((catalog) => catalog.sources.every((source) => /^\d{4}-\d{2}-\d{2}$/.test(source.captured ?? ''))));
    await waitFor(() => client.logs.some((line) => line.includes('Loaded catalog huaweicloud-ocr')), 5000, 'catalog log line');
  });
});

describe('language server in Chinese (locale zh-cn)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'zh-cn' });
  });
  after(() => client.stop());

  it('shows the Chinese text of the source, and its own words in Chinese', async () => {
    const { uri, text } = fixture('huaweicloud-sdk-python.log');
    client.open(uri, 'log', text);
    const position = positionOf(text, 'AIS.0101');
    const hover = await client.hover(uri, position.line, position.character);
    assert.match(hover!.contents.value, /华为云/);
    assert.match(hover!.contents.value, /\*\*说明:\*\* 输入参数不符合规范/);
    assert.match(hover!.contents.value, /The input parameter is invalid/);
    const diagnostics = await client.waitForDiagnostics(uri);
    assert.match(diagnostics[0].message, /输入参数不符合规范/);
  });

  it('lets the displayLanguage setting override the locale', async () => {
    const english = await TestClient.start({ locale: 'zh-cn', settings: { displayLanguage: 'en' } });
    try {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      english.open(uri, 'log', text);
      const diagnostics = await english.waitForDiagnostics(uri);
      assert.match(diagnostics[0].message, /The input parameter does not meet the requirements/);
    } finally {
      await english.stop();
    }
  });
});

describe('settings through workspace/configuration', () => {
  it('turns on diagnostics for source files and changes severities', async () => {
    const client = await TestClient.start({
      configuration: () => ({ diagnostics: { source: true, severity: { clientError: 'error' } } }),
    });
    try {
      const python = fixture('client.py');
      client.open(python.uri, 'python', python.text);
      // An Alibaba word in a file that calls Huawei's SDK is not Alibaba's error: it stays silent.
      assert.deepEqual((await client.waitForDiagnostics(python.uri)).map((diagnostic) => diagnostic.code), ['ModelArts.4204', 'APIG.0308', 'AIS.0105']);
      const java = fixture('Client.java');
      client.open(java.uri, 'java', java.text);
      const diagnostics = await client.waitForDiagnostics(java.uri);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['Throttling', 'ServiceUnavailable', 'InternalError', 'Forbidden.AccountInDebt']);
      assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'Throttling')!.severity, 1);
    } finally {
      await client.stop();
    }
  });

  it('caps diagnostics and says how many there are', async () => {
    const client = await TestClient.start({ settings: { diagnostics: { maxPerFile: 3 } } });
    try {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      client.open(uri, 'log', text);
      const diagnostics = await client.waitForDiagnostics(uri);
      assert.equal(diagnostics.length, 4);
      assert.match(diagnostics[0].message, /shows 3 of 7 error codes/);
      // As severe as the most severe entry it stands for, at the top: the Problems panel lists it first.
      const mostSevere = Math.min(...diagnostics.slice(1).map((diagnostic) => diagnostic.severity!));
      assert.equal(diagnostics[0].severity, mostSevere);
      assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 0 });
    } finally {
      await client.stop();
    }
  });
});

describe('errorCodebook/scanFile and encodings', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-encodings-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  // "错误码 AIS.0101" in GBK: 3 Chinese characters and a space before the code, so it stands at column 4.
  const gbk = Buffer.from([0xb4, 0xed, 0xce, 0xf3, 0xc2, 0xeb, 0x20, ...Buffer.from('AIS.0101\n')]);

  async function scan(client: TestClient, file: string, encoding?: string) {
    const uri = fileUri(file);
    const result = await client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri, ...(encoding ? { encoding } : {}) });
    const diagnostics = result.error ? [] : await client.waitForDiagnostics(uri);
    return { result, diagnostics };
  }

  it('reads the encoding the editor reads the file in (files.encoding), and a byte-order mark', async () => {
    const gbkFile = path.join(folder, 'gbk.log');
    fs.writeFileSync(gbkFile, gbk);
    const utf16File = path.join(folder, 'utf16.log');
    fs.writeFileSync(utf16File, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('错误码 ModelArts.4204\n', 'utf16le')]));
    const asked: string[] = [];
    const client = await TestClient.start({
      configuration: (section, scopeUri) => {
        if (section === 'files.encoding') {
          asked.push(scopeUri ?? '');
          return scopeUri?.endsWith('gbk.log') ? 'gbk' : 'utf8';
        }
        return null;
      },
    });
    try {
      const fromGbk = await scan(client, gbkFile);
      assert.deepEqual(fromGbk.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.character]), [['AIS.0101', 4]]);
      assert.ok(asked.includes(fileUri(gbkFile)));
      const fromUtf16 = await scan(client, utf16File);
      assert.deepEqual(fromUtf16.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.character]), [['ModelArts.4204', 4]]);
    } finally {
      await client.stop();
    }
  });

  it('takes the encoding the request names, and says so clearly when it does not know it', async () => {
    const gbkFile = path.join(folder, 'named.log');
    fs.writeFileSync(gbkFile, gbk);
    const client = await TestClient.start();
    try {
      const named = await scan(client, gbkFile, 'gb18030');
      assert.deepEqual(named.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.character]), [['AIS.0101', 4]]);
      // Read as UTF-8, each GBK byte pair is not a character: the code is still found, further right.
      const asUtf8 = await scan(client, gbkFile, 'utf-8');
      assert.equal(asUtf8.diagnostics[0].code, 'AIS.0101');
      assert.notEqual(asUtf8.diagnostics[0].range.start.character, 4);
      const unknown = await scan(client, gbkFile, 'no-such-encoding');
      assert.match(unknown.result.error ?? '', /Unknown encoding "no-such-encoding"/);
    } finally {
      await client.stop();
    }
  });
});

describe('user catalogs', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-user-catalogs-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  function teamCatalog(message: string): string {
    return JSON.stringify({
      version: 1,
      id: 'team-payments',
      provider: { en: 'Example Team' },
      service: { en: 'Payments' },
      languages: ['en'],
      sources: [{ language: 'en', url: 'https://example.com/payments/errors' }],
      entries: [{ code: 'PAY.0042', httpStatus: 402, message: { en: message }, description: { en: `Meaning: ${message}` } }],
    });
  }

  it('are found relative to the workspace folder, watched, and reloaded when they change', async () => {
    fs.mkdirSync(path.join(folder, 'team-catalogs'));
    const file = path.join(folder, 'team-catalogs', 'payments.json');
    fs.writeFileSync(file, teamCatalog('Card declined.'));
    const client = await TestClient.start({ rootUri: fileUri(folder), watchFiles: true, settings: { catalogPaths: ['team-catalogs'] } });
    try {
      const watch = await waitFor(() => client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles'), 5000, 'a file watcher');
      assert.deepEqual(watch.registerOptions, { watchers: [{ globPattern: { baseUri: fileUri(path.join(folder, 'team-catalogs')), pattern: '*.json' } }] });
      const uri = fileUri(path.join(folder, 'app.log'));
      client.open(uri, 'log', 'ERROR payment failed: PAY.0042\n');
      const hoverText = async () => (await client.hover(uri, 0, 25))?.contents.value ?? '';
      assert.match(await hoverText(), /Card declined/);
      const announced = () => client.notifications.filter((notification) => notification.method === 'errorCodebook/catalogsChanged').length;
      const before = announced();
      fs.writeFileSync(file, teamCatalog('Insufficient funds.'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 2 }] });
      await waitFor(async () => /Insufficient funds/.test(await hoverText()), 5000, 'the hover of the edited catalog');
      await waitFor(() => announced() > before, 5000, 'errorCodebook/catalogsChanged');
    } finally {
      await client.stop();
    }
  });

  it('are not watched by a client that cannot watch files, and still load', async () => {
    const file = path.join(folder, 'single.json');
    fs.writeFileSync(file, teamCatalog('Card declined.'));
    const client = await TestClient.start({ settings: { catalogPaths: [file] } });
    try {
      const status = await client.request<{ catalogs: { id: string }[] }>('errorCodebook/catalogStatus', null);
      assert.ok(status.catalogs.some((catalog) => catalog.id === 'team-payments'));
      assert.deepEqual(client.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles'), []);
    } finally {
      await client.stop();
    }
  });
});
