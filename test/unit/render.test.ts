/*
 * What a person reads when the source has no text in the display language: the source's own
 * words always, and the project's translation, always marked as one.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CatalogFile, createLanguageService } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { alibabaMarket, catalogTexts } from '../support/miniCatalogs';

const translated: CatalogFile = {
  ...alibabaMarket,
  entries: [
    {
      code: '450',
      httpStatus: 450,
      message: { 'zh-cn': '后端服务队列满,请求被拒绝,重试即可' },
      translations: { message: { en: 'The backend queue is full and the request was refused; retry it.' } },
    },
    {
      code: '400',
      httpStatus: 400,
      message: { 'zh-cn': 'Invalid URL' },
      description: { 'zh-cn': 'URL错误' },
      solution: { 'zh-cn': '检查URL。\n再试一次。' },
      translations: { description: { en: 'The URL is wrong.' }, solution: { en: 'Check the URL.\nTry again.' } },
    },
  ],
};

const service = createLanguageService(catalogTexts([translated]));
/** The Marketplace's host: the text must show whose error a bare number is. */
const MARKET = 'POST https://ocr.market.alicloudapi.com/rest/160601/ocr/ocr_idcard.json';
const severity = defaultSettings()['diagnostics.severity'];

function diagnosticOf(text: string, language: 'en' | 'zh-cn'): string {
  const document = service.createDocument(text);
  const { diagnostics } = service.diagnostics(document, { language, severity, maxCount: 10 });
  assert.equal(diagnostics.length, 1, text);
  return diagnostics[0].message;
}

describe('translations', () => {
  it('are used, marked, in one-line messages when the source has no text in the display language', () => {
    assert.equal(
      diagnosticOf(`${MARKET} {"code": 400}`, 'en'),
      '400: The URL is wrong. (translated) Fix: Check the URL. (translated) [Alibaba Cloud · OCR (Cloud Marketplace) — from the host ocr.market.alicloudapi.com]',
    );
    assert.match(diagnosticOf(`${MARKET} {"code": 450}`, 'en'), /^450: The backend queue is full and the request was refused; retry it\. \(translated\) \[/);
  });

  it('never replace the source text in its own language', () => {
    assert.equal(diagnosticOf(`${MARKET} {"code": 400}`, 'zh-cn'), '400: URL错误 处理方法: 检查URL。 [阿里云 · 文字识别(云市场) — 依据主机 ocr.market.alicloudapi.com]');
  });

  it('stand next to the source text in hovers and explanations, labelled as translations', () => {
    const document = service.createDocument(`${MARKET} {"code": 450}`);
    const hover = service.hover(document, { line: 0, character: MARKET.length + 10 }, 'en');
    assert.ok(hover);
    const plain = hover.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(plain, /\*\*Message:\*\* 后端服务队列满,请求被拒绝,重试即可/);
    assert.match(plain, /\*\*Message \(translation, not from the source\):\*\* The backend queue is full/);
    const explanation = service.explain('alibabacloud-ocr-marketplace:400', 'en');
    assert.ok(explanation);
    assert.match(explanation.plainText, /^Meaning: URL错误$/m);
    assert.match(explanation.plainText, /^Meaning \(translation, not from the source\): The URL is wrong\.$/m);
    assert.match(explanation.plainText, /^Fix \(translation, not from the source\): Check the URL\.\nTry again\.$/m);
  });

  it('are found by search in the language they are written in', () => {
    const [first] = service.search('backend queue', 'en');
    assert.equal(first?.id, 'alibabacloud-ocr-marketplace:450');
    assert.match(first.title, /\(translated\)$/);
  });
});
