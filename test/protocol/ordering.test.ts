/*
 * Requests sent without waiting, right after didOpen, didChange and didClose, while the client
 * takes 300 ms to answer workspace/configuration: every answer reflects the text sent before it,
 * and a document closed at once leaves nothing behind. Waiting is done by polling, never by sleeping.
 */
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { TestClient, waitFor } from '../support/lspClient';

const SLOW = 300;
const LOG = 'INFO start\nERROR call failed: error_code=AIS.0101 The input parameter is invalid.\n';

describe('requests right after text changes, with slow settings', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ configuration: () => ({}), configurationDelayMs: SLOW, clientCommands: ['errorCodebook.copyExplanation'] });
  });
  after(() => client.stop());

  it('answers hover, symbols, links, findings and code actions on the text of didOpen', async () => {
    const uri = 'file:///ordering/open.log';
    client.open(uri, 'log', LOG);
    const [hover, symbols, links, findings] = await Promise.all([
      client.hover(uri, 1, 34),
      client.request<{ name: string }[] | null>('textDocument/documentSymbol', { textDocument: { uri } }),
      client.request<{ target: string }[] | null>('textDocument/documentLink', { textDocument: { uri } }),
      client.request<{ total: number; groups: { code: string }[] }>('errorCodebook/documentFindings', { uri }),
    ]);
    assert.match(hover?.contents.value ?? '', /AIS\\\.0101/);
    assert.deepEqual(symbols?.map((symbol) => symbol.name), ['AIS.0101']);
    assert.equal(links?.length, 1);
    assert.deepEqual(findings.groups.map((group) => group.code), ['AIS.0101']);
    // The settings asked for at opening were not answered yet when all of these were.
    assert.ok(client.configurationAnswered < client.configurationRequests.length, 'answered before the settings arrived');
    const diagnostics = await client.waitForDiagnostics(uri, 1);
    const actions = await client.request<{ command: { command: string } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.ok(actions.some((action) => action.command.command === 'errorCodebook.openDocumentation'));
  });

  it('answers on the text of didChange, full and incremental', async () => {
    const uri = 'file:///ordering/change.log';
    client.open(uri, 'log', LOG);
    client.change(uri, [{ text: 'ERROR error_code=ModelArts.4204\n' }]);
    const afterFull = await client.hover(uri, 0, 22);
    assert.match(afterFull?.contents.value ?? '', /ModelArts\\\.4204/);
    client.change(uri, [{ range: { start: { line: 0, character: 17 }, end: { line: 0, character: 31 } }, text: 'APIG.0308' }]);
    const [afterEdit, symbols] = await Promise.all([
      client.hover(uri, 0, 20),
      client.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } }),
    ]);
    assert.match(afterEdit?.contents.value ?? '', /APIG\\\.0308/);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['APIG.0308']);
    const diagnostics = await client.waitForDiagnostics(uri, 3);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['APIG.0308']);
  });

  it('answers nothing right after didClose, and publishes nothing after it', async () => {
    const uri = 'file:///ordering/closed.log';
    client.open(uri, 'log', LOG);
    assert.ok(await client.hover(uri, 1, 34));
    client.close(uri);
    const [hover, findings] = await Promise.all([
      client.hover(uri, 1, 34),
      client.request<{ total: number; skippedReason?: string }>('errorCodebook/documentFindings', { uri }),
    ]);
    assert.equal(hover, null);
    assert.equal(findings.total, 0);
    assert.equal(findings.skippedReason, 'notOpen');
    await client.settle();
    assertNothingLeft(uri);
  });

  it('leaves nothing behind when a document is opened and closed at once', async () => {
    const uri = 'file:///ordering/zombie.log';
    const publishedBefore = client.published.length;
    client.open(uri, 'log', LOG);
    client.close(uri);
    await client.settle();
    // The settings answer for the closed document arrived: still nothing is published for it.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 34 } });
    assertNothingLeft(uri, publishedBefore);
    const findings = await client.request<{ skippedReason?: string }>('errorCodebook/documentFindings', { uri });
    assert.equal(findings.skippedReason, 'notOpen');
  });

  /** After the document's close, only empty diagnostics were published for it. */
  function assertNothingLeft(uri: string, from = 0): void {
    const published = client.published.slice(from).filter((params) => params.uri === uri);
    const closedAt = published.findIndex((params) => params.version === undefined && params.diagnostics.length === 0);
    const afterClose = closedAt === -1 ? published : published.slice(closedAt);
    assert.ok(afterClose.every((params) => params.diagnostics.length === 0), JSON.stringify(afterClose));
    assert.equal(client.diagnostics.get(uri)?.diagnostics.length ?? 0, 0);
  }
});

describe('settings written as people write them', () => {
  for (const [written, pattern] of [
    ['zh-CN', /输入参数不符合规范/],
    ['en-US', /The input parameter does not meet the requirements/],
  ] as const) {
    it(`"${written}" through workspace/configuration and initializationOptions`, async () => {
      for (const start of [{ configuration: () => ({ displayLanguage: written }) }, { settings: { displayLanguage: written } }]) {
        const client = await TestClient.start({ locale: written === 'zh-CN' ? 'en' : 'zh-cn', ...start });
        try {
          const uri = 'file:///settings/app.log';
          client.open(uri, 'log', LOG);
          await client.settle();
          const diagnostics = await waitFor(() => client.diagnostics.get(uri)?.diagnostics, 10_000, 'diagnostics');
          assert.match(diagnostics[0].message, pattern);
          assert.match((await client.hover(uri, 1, 34))?.contents.value ?? '', pattern);
          const links = await client.request<{ tooltip: string }[]>('textDocument/documentLink', { textDocument: { uri } });
          assert.equal(links.length, 1);
          const explained = await client.request<{ plainText: string }>('errorCodebook/explain', { id: 'huaweicloud-ocr:AIS.0101' });
          assert.match(explained.plainText, pattern);
          const search = await client.request<{ items: unknown[] }>('errorCodebook/search', { query: 'AIS.0101', language: written });
          assert.ok(search.items.length > 0);
          assert.deepEqual(client.logs.filter((line) => /Unexpected|Request .* failed/.test(line)), []);
        } finally {
          await client.stop();
        }
      }
    });
  }

  it('falls back to the default for a value it does not know, warning once', async () => {
    const client = await TestClient.start({ locale: 'en', configuration: () => ({ displayLanguage: 'klingon' }) });
    try {
      for (const name of ['a.log', 'b.log', 'c.log']) {
        client.open(`file:///settings/${name}`, 'log', LOG);
      }
      await client.settle();
      const diagnostics = await waitFor(() => client.diagnostics.get('file:///settings/c.log')?.diagnostics, 10_000, 'diagnostics');
      assert.match(diagnostics[0].message, /The input parameter does not meet the requirements/);
      assert.equal(client.logs.filter((line) => line.includes('errorCodebook.displayLanguage: "klingon"')).length, 1);
    } finally {
      await client.stop();
    }
  });
});
