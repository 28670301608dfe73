/*
 * Codes of a table a catalog points to but does not hold (Huawei's APIGW codes): a hover and a
 * link to that table, no diagnostic, and only as whole tokens.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createLanguageService, relatedCodesInLine, relatedTables } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { catalogTexts, huaweiOcr } from '../support/miniCatalogs';

const API_GATEWAY = 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html';
const withRelated = huaweiOcr;
const service = createLanguageService(catalogTexts([withRelated]));
const tables = relatedTables(service.index.catalogs);

describe('codes of related tables', () => {
  it('are found as whole tokens only', () => {
    const codes = (text: string) => relatedCodesInLine(text, tables).map((code) => `${code.start}:${code.code}`);
    assert.deepEqual(codes('{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}'), ['15:APIGW.0301']);
    assert.deepEqual(codes('failed with APIGW.0308.'), ['12:APIGW.0308']);
    assert.deepEqual(codes('XAPIGW.0301 APIGW. APIGW.03.01 APIGW.0301x_y my.APIGW.0301'), ['31:APIGW.0301x_y']);
  });

  it('get a hover and a link to their table, and no diagnostic', () => {
    const document = service.createDocument('2024-06-18 ERROR error_code=APIGW.0301 error_msg=Incorrect IAM authentication information.');
    const hover = service.hover(document, { line: 0, character: 35 }, 'en');
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 38 } });
    assert.match(hover.markdown, /\*\*APIGW\\\.0301\*\* — Huawei Cloud · API Gateway error codes/);
    assert.ok(hover.markdown.includes(`(${API_GATEWAY})`));
    assert.match(service.hover(document, { line: 0, character: 35 }, 'zh-cn')!.markdown, /API网关错误码/);
    assert.deepEqual(service.links(document, 'en').map((link) => [link.range.start.character, link.url]), [[28, API_GATEWAY]]);
    const { diagnostics } = service.diagnostics(document, { language: 'en', severity: defaultSettings()['diagnostics.severity'], maxCount: 10 });
    assert.deepEqual(diagnostics, []);
  });

  it('leave catalogs without related tables as they were', () => {
    const plain = createLanguageService(catalogTexts([{ ...huaweiOcr, documentation: undefined }]));
    const document = plain.createDocument('error_code=APIGW.0301');
    assert.equal(plain.hover(document, { line: 0, character: 14 }, 'en'), undefined);
    assert.deepEqual(plain.links(document, 'en'), []);
  });
});
