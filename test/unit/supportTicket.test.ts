/*
 * A support ticket in one action: the facts of a finding read out of the text around it (request
 * id, HostId or endpoint, time), the provider's diagnosis page in the form it documents, the same
 * attribution as the hover, and request ids linked to their diagnosis; and the times log lines carry.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createLanguageService, findTimestamp } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';

const service = createLanguageService(catalogTexts());

const LOG = [
  /* 0 */ '2024-06-18 10:02:11.561 [main] ERROR c.e.media.ConvertJob - IMM call failed',
  /* 1 */ 'com.aliyun.tea.TeaException: The input parameter SourceURI is empty. Please refer to document. request id: 3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34',
  /* 2 */ '\tCaused by: {',
  /* 3 */ '  "Code": "InvalidParameter.SourceURI.Empty",',
  /* 4 */ '  "Message": "The input parameter SourceURI is empty. Please refer to document.",',
  /* 5 */ '  "RequestId": "3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34",',
  /* 6 */ '  "HostId": "imm.cn-hangzhou.aliyuncs.com"',
  /* 7 */ '}',
  /* 8 */ '2024-06-18 10:02:29.318 ERROR {"Recommend":"https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=Forbidden.AccountInDebt&product=imm&requestId=0A1B2C3D-7E8F-4A5B-9C6D-112233445566","RequestId":"0A1B2C3D-7E8F-4A5B-9C6D-112233445566","HostId":"imm.cn-shanghai.aliyuncs.com","Code":"Forbidden.AccountInDebt","Message":"The specified account is in debt. Please check your permission."}',
  /* 9 */ '2024-06-18 10:02:30.000 ERROR {"Recommend":"https://evil.example.com/x","RequestId":"5D6E7F80-1A2B-4C3D-8E9F-A0B1C2D3E4F5","HostId":"imm.cn-shanghai.aliyuncs.com","Code":"Forbidden.AccountInDebt","Message":"The specified account is in debt. Please check your permission."}',
  /* 10 */ '2024-06-18 09:41:05,226 ERROR huaweicloudsdkcore ClientRequestException: POST https://ocr.cn-north-4.myhuaweicloud.com/v2/0a7f/ocr/general-text {"status_code": 400, "request_id": "7c3e0f2a9b1d4c55a0e8", "error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  /* 11 */ 'Jun 18 09:41:55 worker apig.py: huaweicloudsdkcore {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail"}',
].join('\n');

const document = service.createDocument(LOG);
const lines = LOG.split('\n');

function ticketAt(line: number, code: string, language: 'en' | 'zh-cn' = 'en') {
  const ticket = service.supportTicket(document, { line, character: lines[line].indexOf(code) + 1 }, language);
  assert.ok(ticket, `a ticket for ${code} on line ${line + 1}`);
  return ticket;
}

describe('support ticket facts', () => {
  it('read a pretty-printed Alibaba Cloud body: request id, HostId, the time of the log line above, and the troubleshoot page', () => {
    const { facts } = ticketAt(3, 'InvalidParameter.SourceURI.Empty');
    assert.equal(facts.provider, 'Alibaba Cloud');
    assert.equal(facts.product, 'Intelligent Media Management (IMM)');
    assert.equal(facts.entryId, 'alibabacloud-imm:InvalidParameter.{ParameterName}.Empty');
    assert.equal(facts.requestId?.value, '3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34');
    assert.deepEqual(facts.requestId?.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 52 } });
    assert.equal(facts.hostId, 'imm.cn-hangzhou.aliyuncs.com');
    assert.equal(facts.time, '2024-06-18 10:02:11.561');
    // The form of https://www.alibabacloud.com/help/en/openapi/user-guide/api-error-diagnosis.
    assert.deepEqual(facts.diagnosis, {
      url: 'https://api.alibabacloud.com/troubleshoot?intl_lang=EN_US&q=InvalidParameter.SourceURI.Empty&product=imm&requestId=3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34',
      source: 'troubleshoot',
    });
  });

  it('take an Alibaba Cloud body\'s own Recommend link, and only on Alibaba\'s domains', () => {
    const own = ticketAt(8, 'Forbidden.AccountInDebt').facts;
    assert.equal(own.diagnosis?.source, 'recommend');
    assert.match(own.diagnosis?.url ?? '', /^https:\/\/api\.alibabacloud\.com\/troubleshoot\?intl_lang=EN_US&q=Forbidden\.AccountInDebt/);
    assert.equal(own.time, '2024-06-18 10:02:29.318');
    assert.equal(own.hostId, 'imm.cn-shanghai.aliyuncs.com');
    const elsewhere = ticketAt(9, 'Forbidden.AccountInDebt').facts;
    assert.equal(elsewhere.diagnosis?.source, 'troubleshoot');
    assert.match(elsewhere.diagnosis?.url ?? '', /requestId=5D6E7F80-1A2B-4C3D-8E9F-A0B1C2D3E4F5$/);
  });

  it('read a Huawei Cloud line: request_id, the endpoint of its URL, and the page of the code\'s table', () => {
    const { facts } = ticketAt(10, 'AIS.0101');
    assert.equal(facts.provider, 'Huawei Cloud');
    assert.equal(facts.product, 'OCR');
    assert.equal(facts.requestId?.value, '7c3e0f2a9b1d4c55a0e8');
    assert.equal(facts.hostId, undefined);
    assert.equal(facts.endpoint, 'ocr.cn-north-4.myhuaweicloud.com');
    assert.equal(facts.time, '2024-06-18 09:41:05,226');
    assert.deepEqual(facts.diagnosis, { url: 'https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html', source: 'documentation' });
  });

  it('say "not in the catalogs" for a code no entry explains, and that no request id was found', () => {
    const ticket = ticketAt(11, 'APIGW.0301');
    assert.equal(ticket.facts.kind, 'unknownCode');
    assert.equal(ticket.facts.entryId, undefined);
    assert.equal(ticket.facts.meaning, 'not in the catalogs');
    assert.equal(ticket.facts.provider, 'Huawei Cloud');
    assert.equal(ticket.facts.time, 'Jun 18 09:41:55');
    assert.equal(ticket.facts.diagnosis?.url, 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html');
    assert.match(ticket.plainText, /^Request ID: not found near the code$/m);
  });
});

describe('support tickets as text', () => {
  it('are Markdown and plain text with the same facts, labelled in the display language', () => {
    const ticket = ticketAt(10, 'AIS.0101');
    assert.equal(
      ticket.plainText,
      [
        'Error code AIS.0101',
        'Provider: Huawei Cloud',
        'Product: OCR',
        'Catalog entry: huaweicloud-ocr:AIS.0101 (Huawei Cloud · OCR)',
        'Meaning: The input parameter does not meet the requirements.',
        'Request ID: 7c3e0f2a9b1d4c55a0e8',
        'Endpoint: ocr.cn-north-4.myhuaweicloud.com',
        'Time: 2024-06-18 09:41:05,226',
        'Documentation: https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html',
        'Attributed: Huawei Cloud · OCR — from its message',
        '',
      ].join('\n'),
    );
    assert.match(ticket.markdown, /^\*\*Error code AIS\.0101\*\*\n\n- \*\*Provider:\*\* Huawei Cloud\n/);
    assert.match(ticket.markdown, /^- \*\*Request ID:\*\* `7c3e0f2a9b1d4c55a0e8`$/m);
    assert.match(ticket.markdown, /^- \*\*Documentation:\*\* <https:\/\/support\.huaweicloud\.com\/intl\/en-us\/api-ocr\/ocr_03_0028\.html>$/m);
    const chinese = ticketAt(10, 'AIS.0101', 'zh-cn');
    assert.match(chinese.plainText, /^错误码 AIS\.0101\n服务商: 华为云\n产品: 文字识别\n/);
    assert.match(chinese.plainText, /^请求 ID: 7c3e0f2a9b1d4c55a0e8$/m);
  });

  it('keep text from the log from becoming Markdown', () => {
    const hostile = service.createDocument('huaweicloudsdkcore {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid.", "request_id": "abc`<b>"}');
    const ticket = service.supportTicket(hostile, { line: 0, character: 35 }, 'en');
    assert.ok(ticket);
    assert.ok(!ticket.markdown.includes('<b>'));
  });
});

describe('request ids', () => {
  it('link to the diagnosis page of Alibaba Cloud bodies, once each', () => {
    const links = service.links(document, 'en').filter((link) => link.url.includes('troubleshoot'));
    assert.deepEqual(
      links.map((link) => [link.range.start.line, LOG.split('\n')[link.range.start.line].slice(link.range.start.character, link.range.end.character)]),
      [
        [5, '3C9E1A0D-5B8F-4E1B-8E77-2B0C5F1D9A34'],
        [8, '0A1B2C3D-7E8F-4A5B-9C6D-112233445566'],
        [9, '5D6E7F80-1A2B-4C3D-8E9F-A0B1C2D3E4F5'],
      ],
    );
    assert.match(links[1].url, /^https:\/\/api\.alibabacloud\.com\/troubleshoot\?intl_lang=EN_US&q=Forbidden\.AccountInDebt&product=imm/);
  });
});

describe('line timestamps', () => {
  it('find the time a log line carries, as it writes it', () => {
    const cases: [string, string | undefined][] = [
      ['2024-06-18 09:41:05,226 INFO starting', '2024-06-18 09:41:05,226'],
      ['[2024-06-18T10:02:29.461Z] ERROR', '2024-06-18T10:02:29.461Z'],
      ['I0618 host 2024/06/18 10:02:11+08:00 failed', '2024/06/18 10:02:11+08:00'],
      ['10.0.0.1 - - [18/Jun/2024:10:02:11 +0800] "GET / HTTP/1.1" 503', '18/Jun/2024:10:02:11 +0800'],
      ['<13>Jun 18 10:02:11 host app: failed', 'Jun 18 10:02:11'],
      ['Jun  8 10:02:11 host app: failed', 'Jun  8 10:02:11'],
      ['request took 2024 ms at 10:02', undefined],
      ['2024-13-18 09:41:05 is no date', undefined],
      ['version 12024-06-18 09:41:05', undefined],
      ['no time here, Jun 18 10:02:11 in the middle', undefined],
    ];
    for (const [line, expected] of cases) {
      assert.equal(findTimestamp(line)?.text, expected, line);
    }
    const found = findTimestamp('[2024-06-18T10:02:29Z] x');
    assert.deepEqual([found?.start, found?.end], [1, 21]);
  });
});
