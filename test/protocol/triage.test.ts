/*
 * The built server's triage features over stdio: the meaning at the end of the line (inlay hints).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient, fileUri, fixture, positionOf } from '../support/lspClient';

interface LabelPart {
  value: string;
  tooltip?: string;
  command?: { command: string; arguments?: unknown[] };
}

interface InlayHint {
  position: { line: number; character: number };
  label: string | LabelPart[];
  paddingLeft?: boolean;
}

function inlayHints(client: TestClient, uri: string, lines: number): Promise<InlayHint[] | null> {
  return client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } });
}

function lineOf(text: string, needle: string): number {
  const line = text.split(/\r?\n/).findIndex((candidate) => candidate.includes(needle));
  assert.ok(line >= 0, `${needle} not found`);
  return line;
}

describe('inlay hints: the meaning at the end of the line', () => {
  describe('in a client that runs the explanation command (VS Code)', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ locale: 'en', clientCommands: ['errorCodebook.explainEntry'] });
    });
    after(() => client.stop());

    it('puts the meaning of each line\'s codes at its end, each part opening its explanation', async () => {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      client.open(uri, 'log', text);
      const hints = await inlayHints(client, uri, text.split('\n').length);
      assert.ok(hints && hints.length > 0, 'hints');
      const lines = text.split(/\r?\n/);
      const line = lineOf(text, '"error_code": "AIS.0101"');
      const hint = hints.find((candidate) => candidate.position.line === line);
      assert.ok(hint, `a hint on line ${line + 1}`);
      assert.equal(hint.position.character, lines[line].length);
      assert.equal(hint.paddingLeft, true);
      assert.ok(Array.isArray(hint.label));
      const [part] = hint.label;
      assert.equal(part.value, 'The input parameter does not meet the…');
      assert.deepEqual(part.command?.command, 'errorCodebook.explainEntry');
      assert.deepEqual(part.command?.arguments, ['huaweicloud-ocr:AIS.0101']);
      assert.match(part.tooltip ?? '', /Huawei Cloud · OCR/);
      const unlisted = hints.find((candidate) => candidate.position.line === lineOf(text, 'APIGW.0301'));
      assert.ok(unlisted && Array.isArray(unlisted.label));
      assert.equal(unlisted.label[0].value, 'not in the catalogs');
      assert.equal(unlisted.label[0].command?.command, 'errorCodebook.openDocumentation');
    });
  });

  describe('in another editor', () => {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ locale: 'en' });
    });
    after(() => client.stop());

    it('gives plain labels', async () => {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      client.open(uri, 'log', text);
      const hints = await inlayHints(client, uri, text.split('\n').length);
      const hint = hints?.find((candidate) => candidate.position.line === lineOf(text, '"error_code": "AIS.0101"'));
      assert.equal(hint?.label, 'The input parameter does not meet the…');
    });

    it('gives none for documents it does not scan, or unknown ones', async () => {
      assert.equal(await inlayHints(client, 'file:///nowhere/unknown.log', 10), null);
    });
  });

  describe('with errorCodebook.inlineMeaning', () => {
    it('off: gives none; full: the whole meaning', async () => {
      const { uri, text } = fixture('huaweicloud-sdk-python.log');
      let mode = 'off';
      const client = await TestClient.start({ locale: 'en', configuration: (section) => (section === 'errorCodebook' ? { inlineMeaning: mode } : null) });
      try {
        client.open(uri, 'log', text);
        await client.settle();
        assert.equal(await inlayHints(client, uri, 100), null);
        mode = 'full';
        client.notify('workspace/didChangeConfiguration', { settings: null });
        await client.settle();
        const hints = await inlayHints(client, uri, 100);
        const hint = hints?.find((candidate) => candidate.position.line === lineOf(text, 'APIG.0308'));
        assert.equal(hint?.label, 'The request exceeds the default rate limit of the service.');
      } finally {
        await client.stop();
      }
    });
  });
});

describe('the user\'s control over codes and catalogs', () => {
  it('ignores codes (no diagnostic, no hint, said in the hover) and offers to, in clients that can write settings', async () => {
    const { uri, text } = fixture('huaweicloud-sdk-python.log');
    let ignored: string[] = [];
    const client = await TestClient.start({
      locale: 'en',
      clientCommands: ['errorCodebook.ignoreCode'],
      configuration: (section) => (section === 'errorCodebook' ? { ignoredCodes: ignored, diagnostics: { severityByCode: { 'APIG.0308': 'error' } } } : null),
    });
    try {
      client.open(uri, 'log', text);
      await client.settle();
      let diagnostics = await client.waitForDiagnostics(uri);
      const ais = diagnostics.find((diagnostic) => diagnostic.code === 'AIS.0101')!;
      assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'APIG.0308')?.severity, 1);
      const actions = await client.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: ais.range,
        context: { diagnostics: [ais] },
      });
      const ignore = actions.find((action) => action.command?.command === 'errorCodebook.ignoreCode');
      assert.equal(ignore?.title, 'Ignore AIS.0101 in this workspace');
      assert.deepEqual(ignore?.command?.arguments, ['AIS.0101']);
      ignored = ['AIS.0101'];
      client.diagnostics.delete(uri);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await client.settle();
      diagnostics = await client.waitForDiagnostics(uri);
      assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'AIS.0101'));
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'APIG.0308'));
      const hints = await inlayHints(client, uri, 100);
      assert.ok(!hints?.some((hint) => hint.position.line === lineOf(text, 'AIS.0101')));
      const hover = await client.hover(uri, ais.range.start.line, ais.range.start.character + 2);
      assert.match(hover?.contents.value ?? '', /You ignore this code here/);
    } finally {
      await client.stop();
    }
  });

  it('turns catalogs off by id, and lists them as turned off', async () => {
    const client = await TestClient.start({ locale: 'en', settings: { catalogs: { disabled: ['huaweicloud-apig', 'no-such-catalog'] } } });
    try {
      const status = await client.request<{ catalogs: { id: string }[]; disabled: { id: string }[] }>('errorCodebook/catalogStatus', null);
      assert.ok(!status.catalogs.some((catalog) => catalog.id === 'huaweicloud-apig'));
      assert.deepEqual(status.disabled.map((catalog) => catalog.id), ['huaweicloud-apig']);
      const result = await client.request<{ items: { catalogId: string }[] }>('errorCodebook/search', { query: 'APIG.0101' });
      assert.ok(!result.items.some((item) => item.catalogId === 'huaweicloud-apig'));
      assert.ok(client.logs.some((line) => /"no-such-catalog", which is the id of no catalog/.test(line)), client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });
});

describe('support tickets', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'en', clientCommands: ['errorCodebook.copySupportTicket'] });
  });
  after(() => client.stop());

  it('answers errorCodebook/supportTicket with the facts around a code, as Markdown and plain text', async () => {
    const { uri, text } = fixture('aliyun-tea-java.log');
    client.open(uri, 'log', text);
    const ticket = await client.request<{ code: string; markdown: string; plainText: string; requestId?: string; diagnosis?: string } | null>('errorCodebook/supportTicket', {
      uri,
      position: positionOf(text, 'InvalidParameter.SourceURI.Empty'),
    });
    assert.ok(ticket);
    assert.equal(ticket.code, 'InvalidParameter.SourceURI.Empty');
    assert.equal(ticket.requestId, '3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34');
    assert.equal(ticket.diagnosis, 'https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=InvalidParameter.SourceURI.Empty&product=imm&requestId=3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34');
    assert.match(ticket.plainText, /^Provider: Alibaba Cloud$/m);
    assert.match(ticket.plainText, /^Product: Intelligent Media Management \(IMM\)$/m);
    assert.match(ticket.plainText, /^HostId: imm\.cn-hangzhou\.aliyuncs\.com$/m);
    assert.match(ticket.plainText, /^Time: 2024-06-02 14:03:11\.561$/m);
    assert.match(ticket.markdown, /^- \*\*Request ID:\*\* `3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34`$/m);
    assert.equal(await client.request('errorCodebook/supportTicket', { uri, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request('errorCodebook/supportTicket', { uri, position: { line: -1, character: 'x' } }), null);
    assert.equal(await client.request('errorCodebook/supportTicket', { uri: 'file:///nowhere.log', position: { line: 0, character: 0 } }), null);
  });

  it('links the request id of an Alibaba Cloud body to its diagnosis page', async () => {
    const { uri, text } = fixture('aliyun-tea-java.log');
    client.open(uri, 'log', text);
    const links = await client.request<{ range: { start: { line: number; character: number } }; target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    const line = lineOf(text, '"Code":"InvalidParameter.SourceURI.Empty"');
    const requestId = links.find((link) => link.range.start.line === line && link.target.startsWith('https://api.alibabacloud.com/troubleshoot'));
    assert.ok(requestId, JSON.stringify(links));
    assert.equal(text.split(/\r?\n/)[line].slice(requestId.range.start.character, requestId.range.start.character + 36), '3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34');
  });

  it('offers copying a diagnostic\'s code for a support ticket, as Markdown or plain text', async () => {
    const { uri, text } = fixture('aliyun-tea-java.log');
    client.open(uri, 'log', text);
    const diagnostics = await client.waitForDiagnostics(uri);
    const diagnostic = diagnostics.find((item) => item.code === 'InvalidParameter.SourceURI.Empty')!;
    const actions = await client.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const copies = actions.filter((action) => action.command?.command === 'errorCodebook.copySupportTicket');
    assert.deepEqual(
      copies.map((action) => [action.title, action.command?.arguments]),
      [
        ['Copy InvalidParameter.SourceURI.Empty for a support ticket (Markdown)', [uri, diagnostic.range.start, 'markdown']],
        ['Copy InvalidParameter.SourceURI.Empty for a support ticket (plain text)', [uri, diagnostic.range.start, 'plainText']],
      ],
    );
  });
});

describe('an open log you can browse', () => {
  it('groups its findings with the times of their lines, asked right after it opens and after an edit', async () => {
    const client = await TestClient.start({ locale: 'en' });
    try {
      const line = (second: number) => `2024-06-18 10:00:${String(second).padStart(2, '0')},000 ERROR huaweicloudsdkcore {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}`;
      const uri = fileUri(path.join(os.tmpdir(), 'ecb-open-times.log'));
      client.open(uri, 'log', [line(1), 'INFO nothing here', line(5), line(9)].join('\n'));
      type Findings = { groups: { code: string; firstTime?: string; lastTime?: string; occurrences?: { line: number; time?: string }[] }[] };
      const timesOf = async () => {
        const [group] = (await client.request<Findings>('errorCodebook/documentFindings', { uri })).groups;
        return [group.firstTime, group.lastTime, ...(group.occurrences ?? []).map((occurrence) => `${occurrence.line} ${occurrence.time}`)];
      };
      assert.deepEqual(await timesOf(), ['2024-06-18 10:00:01,000', '2024-06-18 10:00:09,000', '0 2024-06-18 10:00:01,000', '2 2024-06-18 10:00:05,000', '3 2024-06-18 10:00:09,000']);
      // The last line's time changes: the findings asked for right after say so.
      client.change(uri, [{ range: { start: { line: 3, character: 17 }, end: { line: 3, character: 19 } }, text: '59' }]);
      assert.deepEqual(await timesOf(), ['2024-06-18 10:00:01,000', '2024-06-18 10:00:59,000', '0 2024-06-18 10:00:01,000', '2 2024-06-18 10:00:05,000', '3 2024-06-18 10:00:59,000']);
    } finally {
      await client.stop();
    }
  });
});

describe('a disk scan you can browse', () => {
  it('groups the findings of a file scanned from disk with their occurrences and the times of their lines', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-disk-'));
    const client = await TestClient.start({ locale: 'en' });
    try {
      const line = (second: number, code: string) => `2024-06-18 10:00:${String(second).padStart(2, '0')},000 ERROR huaweicloudsdkcore {"error_code": "${code}", "error_msg": "The input parameter is invalid."}`;
      const lines = [line(1, 'AIS.0101'), 'INFO nothing here', line(5, 'AIS.0101'), line(9, 'AIS.0101')];
      const file = path.join(folder, 'archive.log');
      fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
      const uri = fileUri(file);
      const result = await client.request<{ total: number; error?: string }>('errorCodebook/scanFile', { uri });
      assert.equal(result.error, undefined);
      assert.equal(result.total, 3);
      const findings = await client.request<{ groups: { code: string; count: number; firstLine: number; lastLine: number; firstTime?: string; lastTime?: string; occurrences?: { line: number; time?: string }[] }[] }>(
        'errorCodebook/documentFindings',
        { uri },
      );
      const [group] = findings.groups;
      assert.equal(group.code, 'AIS.0101');
      assert.equal(group.count, 3);
      assert.deepEqual([group.firstLine, group.lastLine], [0, 3]);
      assert.deepEqual([group.firstTime, group.lastTime], ['2024-06-18 10:00:01,000', '2024-06-18 10:00:09,000']);
      assert.deepEqual(group.occurrences?.map((occurrence) => [occurrence.line, occurrence.time]), [
        [0, '2024-06-18 10:00:01,000'],
        [2, '2024-06-18 10:00:05,000'],
        [3, '2024-06-18 10:00:09,000'],
      ]);
    } finally {
      await client.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('codes in text that is in no document (a terminal line)', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ locale: 'en' });
  });
  after(() => client.stop());

  it('are found and decided as in a document of that text alone', async () => {
    const { findings } = await client.request<{ findings: { line: number; start: number; end: number; code: string; entryId?: string; kind: string; meaning: string; documentation?: string }[] }>(
      'errorCodebook/textFindings',
      { text: '$ tail app.log → ModelArts.4204 then APIGW.0301, took 461 ms' },
    );
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.start, finding.end, finding.kind]),
      [
        ['ModelArts.4204', 17, 31, 'entry'],
        ['APIGW.0301', 37, 47, 'unknownCode'],
      ],
    );
    assert.match(findings[0].entryId ?? '', /:ModelArts\.4204$/);
    assert.match(findings[0].meaning, /subscribed/);
    assert.equal(findings[1].documentation, 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html');
  });

  it('answers nothing for plain words, bad input or nothing at all', async () => {
    for (const params of [{ text: 'Throttling is enabled for this client; backing off 461 ms' }, { text: 42 }, {}, null]) {
      const { findings } = await client.request<{ findings: unknown[] }>('errorCodebook/textFindings', params);
      assert.deepEqual(findings, [], JSON.stringify(params));
    }
    const { findings } = await client.request<{ findings: unknown[] }>('errorCodebook/textFindings', { text: 'AIS.0101 '.repeat(50_000) });
    assert.equal(findings.length, 200);
  });
});

describe('Markdown', () => {
  it('is scanned for hovers and links, with no diagnostics unless errorCodebook.diagnostics.markdown says so', async () => {
    const text = ['# Troubleshooting', '', 'When the API answers `ModelArts.4204`, subscribe to it first.', ''].join('\n');
    const uri = 'file:///docs/README.md';
    const position = positionOf(text, 'ModelArts.4204');
    const quiet = await TestClient.start({ locale: 'en' });
    try {
      quiet.open(uri, 'markdown', text);
      const hover = await quiet.hover(uri, position.line, position.character);
      assert.match(hover?.contents.value ?? '', /ModelArts\\\.4204/);
      const links = await quiet.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
      assert.ok(links.some((link) => link.target.startsWith('https://')));
      assert.deepEqual(await quiet.waitForDiagnostics(uri), []);
    } finally {
      await quiet.stop();
    }
    const loud = await TestClient.start({ locale: 'en', settings: { diagnostics: { markdown: true } } });
    try {
      loud.open(uri, 'markdown', text);
      assert.deepEqual((await loud.waitForDiagnostics(uri)).map((diagnostic) => diagnostic.code), ['ModelArts.4204']);
    } finally {
      await loud.stop();
    }
  });
});

describe('hovers that stay short', () => {
  it('link their "N more" line to the explanation in clients that run it, and say it plainly elsewhere', async () => {
    const { uri, text } = fixture('aliyun-tea-java.log');
    const { line, character } = positionOf(text, '462');
    for (const [clientCommands, expected] of [
      [['errorCodebook.explainEntry'], /\[\d+ more…\]\(command:errorCodebook\.explainEntry\?%5B%7B%22entryId%22%3A%22alibabacloud-ocr-marketplace%3A462%3A\d+%22%2C%22code%22%3A%22462%22%7D%5D\)/],
      [[], /\*\d+ more; the explanation lists them\*/],
    ] as const) {
      const client = await TestClient.start({ locale: 'en', clientCommands: [...clientCommands] });
      try {
        client.open(uri, 'log', text);
        const hover = await client.hover(uri, line, character);
        const value = (hover?.contents.value ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
        assert.match(value, expected);
        // At most three other meanings and the line for the rest.
        const others = value.slice(value.indexOf('---')).split('\n').filter((item) => item.startsWith('- '));
        assert.ok(others.length <= 4, others.join('\n'));
      } finally {
        await client.stop();
      }
    }
  });

  it('open onto an explanation that lists every meaning of the code as the text writes it', async () => {
    const client = await TestClient.start({ locale: 'en' });
    try {
      const explanation = await client.request<{ fields: { label: string; texts: string[] }[] } | null>('errorCodebook/explain', { id: 'alibabacloud-ocr-marketplace:462:1', code: '462' });
      const others = explanation?.fields.find((field) => field.label === 'Elsewhere this code means');
      assert.ok(others && others.texts.length >= 10, JSON.stringify(explanation?.fields.map((field) => field.label)));
    } finally {
      await client.stop();
    }
  });
});
