/*
 * Huawei's API Gateway codes with the built-in catalogs: codes only the gateway's table documents
 * hover and diagnose with that page's words; where a service's own table documents the same code and
 * the evidence ties, the service's entry comes first and the gateway's is listed with it; APIGW codes,
 * whose table is not shipped, still point to it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CatalogFile, createLanguageService, parseCatalogText } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { catalogTexts, huaweiOcr } from '../support/miniCatalogs';

const CATALOGS = path.resolve(__dirname, '..', '..', 'catalogs');
const texts = fs
  .readdirSync(CATALOGS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ file: path.join(CATALOGS, name), text: fs.readFileSync(path.join(CATALOGS, name), 'utf8') }));
const service = createLanguageService(texts);
const severity = defaultSettings()['diagnostics.severity'];

/** Hover Markdown with its escapes removed, so assertions read like the page. */
function hoverText(line: string, code: string, language: 'en' | 'zh-cn' = 'en'): string {
  const document = service.createDocument(line);
  const hover = service.hover(document, { line: 0, character: line.indexOf(code) + 2 }, language);
  assert.ok(hover, `no hover on ${code}`);
  return hover.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('API Gateway codes', () => {
  it('hover with the gateway page\'s words where only the gateway\'s table has the code', () => {
    const text = hoverText('{"error_code": "APIG.0106", "error_msg": "Orchestration error."}', 'APIG.0106');
    assert.match(text, /^\*\*APIG\.0106\*\* — Huawei Cloud · API Gateway \(APIG\)/);
    assert.match(text, /HTTP 400/);
    assert.match(text, /\*\*Message:\*\* Orchestration error\./);
    assert.match(text, /\*\*Meaning:\*\* 编排错误/);
    assert.match(text, /\*\*Fix:\*\* 检查API配置的前后端参数是否合理/);
    assert.match(text, /\(https:\/\/support\.huaweicloud\.com\/intl\/zh-cn\/usermanual-apig\/apig-ug-180530090\.html\)/);
    assert.match(text, /\*Huawei Cloud API Gateway \(APIG\) error codes, captured 2026-11-29\*$/);
  });

  it('pick the gateway\'s entry by its message among the variants of one code', () => {
    const text = hoverText('2024-05-11 ERROR gateway said APIG.0201 Request entity too large.', 'APIG.0201');
    assert.match(text, /HTTP 413/);
    assert.match(text, /请求body过大（大于12M）/);
    const message = (line: string, code: string) => {
      const { diagnostics } = service.diagnostics(service.createDocument(line), { language: 'en', severity, maxCount: 10 });
      return diagnostics.find((diagnostic) => diagnostic.code === code)?.message;
    };
    // English first: the page's message is English, though the page is Chinese; the fix has no English.
    assert.equal(
      message('upstream failed: APIG.0613 The IAM service is currently unavailable.', 'APIG.0613'),
      'APIG.0613: The IAM service is currently unavailable. Fix: 联系技术支持 [Huawei Cloud · API Gateway (APIG) — from its message]',
    );
    // The page's {xxx} is a variable part: any protocol name matches.
    assert.match(hoverText('APIG.0607 The following protocol is supported: HTTPS', 'APIG.0607'), /HTTP 400/);
  });

  it('leave a service\'s own entry first when the evidence ties, and list the gateway\'s with it', () => {
    const text = hoverText('{"status_code": 504, "error_code": "APIG.0201", "error_msg": "Backend timeout."}', 'APIG.0201');
    assert.match(text, /^\*\*APIG\.0201\*\* — Huawei Cloud · OCR/);
    // The gateway table's message variants of the code make one line.
    assert.match(text, /Elsewhere this code means[\s\S]*Huawei Cloud · API Gateway \(APIG\) \(7 message variants\): Backend timeout\. · API request error\. · /);
    assert.match(hoverText('retrying after APIG.0308 The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute.', 'APIG.0308'), /^\*\*APIG\.0308\*\* — Huawei Cloud · OCR/);
  });

  it('rank a gateway\'s catalog after a service\'s whatever the load order, and only when marked so', () => {
    const gateway: CatalogFile = {
      ...huaweiOcr,
      id: 'a-gateway',
      service: { en: 'Gateway' },
      scope: 'gateway',
      documentation: undefined,
      entries: [{ code: 'APIG.0201', message: { en: 'Backend timeout.' }, description: { en: 'The gateway timed out.' } }],
    };
    const line = 'APIG.0201 Backend timeout.';
    const first = (catalogs: CatalogFile[]) => {
      const local = createLanguageService(catalogTexts(catalogs));
      return local.hover(local.createDocument(line), { line: 0, character: 2 }, 'en')?.markdown.split('\n')[0];
    };
    assert.equal(first([gateway, huaweiOcr]), '**APIG\\.0201** — Huawei Cloud · OCR');
    assert.equal(first([huaweiOcr, gateway]), '**APIG\\.0201** — Huawei Cloud · OCR');
    // Unmarked, the catalog loaded first wins the tie, as any catalog does.
    assert.equal(first([{ ...gateway, scope: undefined }, huaweiOcr]), '**APIG\\.0201** — Huawei Cloud · Gateway');
    const { problems } = parseCatalogText(JSON.stringify({ ...gateway, scope: 'edge' }), 'gateway.json');
    assert.match(problems[0]?.message ?? '', /"scope" "edge" must be service or gateway/);
  });

  it('keep pointing APIGW codes, whose table is not shipped, to that table', () => {
    const text = hoverText('{"error_code": "APIGW.0301", "error_msg": "Incorrect IAM authentication information: verify aksk signature fail"}', 'APIGW.0301');
    assert.match(text, /^\*\*APIGW\.0301\*\* — Huawei Cloud · API Gateway error codes/);
    assert.match(text, /\(https:\/\/support\.huaweicloud\.com\/devg-apisign\/api-sign-errorcode\.html\)/);
  });
});
