/*
 * Codes of a known family that no catalog lists (Huawei's APIGW codes, an AIS code the tables
 * leave out): a finding at information severity that names the family and its provider, the
 * nearest entry, and where the provider documents the family; found only as whole tokens.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { catalogTexts, huaweiOcr } from '../support/miniCatalogs';

const API_GATEWAY = 'https://support.huaweicloud.com/devg-apisign/api-sign-errorcode.html';
const service = createLanguageService(catalogTexts());
const severity = defaultSettings()['diagnostics.severity'];

function found(text: string): string[] {
  return [...service.createDocument(text).occurrences()].map(({ occurrence, resolution }) => `${occurrence.start}:${occurrence.token}:${resolution.kind}`);
}

describe('unknown codes of known families', () => {
  it('are found as whole tokens only', () => {
    assert.deepEqual(found('{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information"}'), ['15:APIGW.0301:unknownCode']);
    assert.deepEqual(found('failed with APIGW.0308.'), ['12:APIGW.0308:unknownCode']);
    assert.deepEqual(found('XAPIGW.0301 APIGW. APIGW.03.01 APIGW.0301x_y my.APIGW.0301 AIS.01x'), []);
    assert.deepEqual(found('AIS.0118 AIS.0101'), ['0:AIS.0118:unknownCode', '9:AIS.0101:entry']);
  });

  it('get a hover naming the family and the nearest entry, a link to the family\'s table, and an information diagnostic', () => {
    const document = service.createDocument('2024-06-18 ERROR error_code=APIGW.0301 error_msg=Incorrect IAM authentication information.');
    const hover = service.hover(document, { line: 0, character: 35 }, 'en');
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 0, character: 28 }, end: { line: 0, character: 38 } });
    assert.match(hover.markdown, /\*\*APIGW\\\.0301\*\* — Huawei Cloud · API Gateway error codes — not in the catalogs/);
    assert.ok(hover.markdown.includes(`(${API_GATEWAY})`));
    assert.match(service.hover(document, { line: 0, character: 35 }, 'zh-cn')!.markdown, /API网关错误码/);
    assert.deepEqual(service.links(document, 'en').map((link) => [link.range.start.character, link.url]), [[28, API_GATEWAY]]);
    const { diagnostics } = service.diagnostics(document, { language: 'en', severity, maxCount: 10 });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, 'information');
    assert.equal(diagnostics[0].kind, 'unknownCode');
    assert.match(diagnostics[0].message, /^APIGW\.0301: one of the Huawei Cloud · API Gateway error codes, not in the catalogs\. \[Huawei Cloud — from its error body \(error_msg\)\]$/);
  });

  it('name the nearest entry of their family', () => {
    const document = service.createDocument('{"error_code": "AIS.0102", "error_msg": "something new"}');
    const [{ resolution }] = [...document.occurrences()];
    assert.equal(resolution.kind, 'unknownCode');
    assert.equal(resolution.ranked[0]?.entry.data.code, 'AIS.0101');
    const hover = service.hover(document, { line: 0, character: 18 }, 'en')!.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(hover, /\*\*Nearest entry:\*\* AIS.0101 — /);
  });

  it('stay unknown to a catalog that declares no families', () => {
    const plain = createLanguageService(catalogTexts([{ ...huaweiOcr, families: undefined }]));
    const document = plain.createDocument('error_code=APIGW.0301');
    assert.equal(plain.hover(document, { line: 0, character: 14 }, 'en'), undefined);
    assert.deepEqual(plain.links(document, 'en'), []);
  });
});
