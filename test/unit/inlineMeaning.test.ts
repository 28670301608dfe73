/*
 * Meaning at the end of the line (the core of the inlay hints): one hint per line with codes, at
 * the line's end, from the same resolution as hovers; short or whole; codes no entry explains say
 * so; ignored codes say nothing.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createLanguageService, shortMeaning } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';

const service = createLanguageService(catalogTexts());

const LOG = [
  '2024-06-18 09:41:05,226 INFO starting',
  '2024-06-18 09:41:05,226 ERROR huaweicloudsdkcore.exceptions.ClientRequestException: {"status_code": 400, "error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  '2024-06-18 09:41:07,540 WARN throttled: APIG.0308 and AIS.0101 on one line',
  '2024-06-18 09:41:55,120 WARN gateway refused the call: {"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information"}',
].join('\n');

describe('inline meanings', () => {
  const document = service.createDocument(LOG);
  const lineLength = (line: number) => LOG.split('\n')[line].length;

  it('stand at the end of each line with codes, in a few words by default', () => {
    const hints = service.inlineMeanings(document, { from: 0, to: 3 }, { language: 'en', mode: 'short' });
    assert.deepEqual(
      hints.map((hint) => [hint.line, hint.character]),
      [1, 2, 3].map((line) => [line, lineLength(line)]),
    );
    const [first] = hints;
    assert.equal(first.parts.length, 1);
    assert.equal(first.parts[0].code, 'AIS.0101');
    assert.equal(first.parts[0].entryId, 'huaweicloud-ocr:AIS.0101');
    assert.equal(first.parts[0].label, 'The input parameter does not meet the…');
    assert.match(first.parts[0].tooltip, /^AIS\.0101 — Huawei Cloud · OCR\nThe input parameter does not meet the requirements\.\n/);
  });

  it('name each code when a line has several', () => {
    const [hint] = service.inlineMeanings(document, { from: 2, to: 2 }, { language: 'en', mode: 'short' });
    assert.deepEqual(
      hint.parts.map((part) => part.label),
      ['APIG.0308: The request exceeds the default rate…', 'AIS.0101: The input parameter does not meet the…'],
    );
  });

  it('say the whole meaning in full mode', () => {
    const [hint] = service.inlineMeanings(document, { from: 2, to: 2 }, { language: 'en', mode: 'full' });
    assert.equal(hint.parts[0].label, 'APIG.0308: The request exceeds the default rate limit of the service.');
  });

  it('say "not in the catalogs" for a code no entry explains, with where it is documented', () => {
    const [hint] = service.inlineMeanings(document, { from: 3, to: 3 }, { language: 'en', mode: 'short' });
    assert.equal(hint.parts[0].label, 'not in the catalogs');
    assert.equal(hint.parts[0].entryId, undefined);
    assert.equal(hint.parts[0].documentation, 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html');
    const [full] = service.inlineMeanings(document, { from: 3, to: 3 }, { language: 'en', mode: 'full' });
    assert.match(full.parts[0].label, /API Gateway error codes — not in the catalogs$/);
  });

  it('follow the display language', () => {
    const [hint] = service.inlineMeanings(document, { from: 1, to: 1 }, { language: 'zh-cn', mode: 'short' });
    assert.equal(hint.parts[0].label, '输入参数不符合规范');
  });

  it('leave out lines outside the range, and ignored codes', () => {
    assert.deepEqual(
      service.inlineMeanings(document, { from: 2, to: 3 }, { language: 'en', mode: 'short' }).map((hint) => hint.line),
      [2, 3],
    );
    const hints = service.inlineMeanings(document, { from: 0, to: 3 }, { language: 'en', mode: 'short', ignoredCodes: new Set(['AIS.0101']) });
    assert.deepEqual(
      hints.map((hint) => hint.parts.map((part) => part.code)),
      [['APIG.0308'], ['APIGW.0301']],
    );
  });
});

describe('shortMeaning', () => {
  it('keeps a short meaning whole, without its final stop', () => {
    assert.equal(shortMeaning('Request timed out.'), 'Request timed out');
    assert.equal(shortMeaning('请求超时。'), '请求超时');
  });

  it('takes the first clause of a longer one, marking what it leaves out', () => {
    assert.equal(shortMeaning('The input parameter is invalid. Check it and try again.'), 'The input parameter is invalid…');
    assert.equal(shortMeaning('参数不合法;请检查后重试。'), '参数不合法…');
  });

  it('cuts a long clause at a word, never inside one', () => {
    const short = shortMeaning('Failed to request the service because the service has not been subscribed by this account');
    assert.equal(short, 'Failed to request the service because…');
    assert.ok(short.length <= 41);
  });
});

describe('inline meanings of translations', () => {
  it('keep the translation mark, and leave it room within VS Code\'s 43 characters', () => {
    const translated = createLanguageService(
      catalogTexts([
        {
          version: 1,
          id: 'alibabacloud-imm',
          provider: { en: 'Alibaba Cloud' },
          service: { en: 'IMM' },
          languages: ['zh-cn'],
          sources: [{ language: 'zh-cn', url: 'https://help.aliyun.com/document_detail/91593.html' }],
          errorBody: { codeKeys: ['Code'], messageKeys: ['Message'] },
          entries: [
            {
              code: 'Forbidden.AccountInDebt',
              message: { 'zh-cn': 'The specified account is in debt.' },
              description: { 'zh-cn': '账号欠费。' },
              translations: { description: { en: 'The specified account is in arrears, so the request was refused.' } },
            },
          ],
        },
      ]),
    );
    const document = translated.createDocument('{"Code": "Forbidden.AccountInDebt"}');
    const [hint] = translated.inlineMeanings(document, { from: 0, to: 0 }, { language: 'en', mode: 'short' });
    assert.equal(hint.parts[0].label, 'The specified account is in… (translated)');
    assert.ok(hint.parts[0].label.length <= 43);
  });
});
