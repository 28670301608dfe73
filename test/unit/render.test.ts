/*
 * What a person reads when the source has no text in the display language: the source's own
 * words always, and the project's translation, always marked as one.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CatalogFile, createLanguageService, plainLine } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { alibabaMarket, catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

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

describe('English first', () => {
  const gateway: CatalogFile = {
    ...alibabaMarket,
    id: 'chinese-page',
    entries: [
      // A Chinese page whose message is English text and whose description has no translation.
      { code: '470', httpStatus: 470, message: { 'zh-cn': 'Backend unavailable.' }, description: { 'zh-cn': '后端不可用' }, solution: { 'zh-cn': '检查后端。' } },
      // A Chinese description with the project's translation.
      { code: '471', httpStatus: 471, message: { 'zh-cn': '队列已满' }, description: { 'zh-cn': '后端队列已满' }, translations: { description: { en: 'The backend queue is full.' } } },
    ],
  };
  const local = createLanguageService(catalogTexts([gateway]));

  it('takes a source text that is English, even from a Chinese page, before anything Chinese', () => {
    const document = local.createDocument(`${MARKET} {"code": 470}`);
    const [diagnostic] = local.diagnostics(document, { language: 'en', severity, maxCount: 10 }).diagnostics;
    assert.match(diagnostic.message, /^470: Backend unavailable\. Fix: 检查后端。 \[/);
    // In Chinese the Chinese description comes first, as before.
    const [chinese] = local.diagnostics(document, { language: 'zh-cn', severity, maxCount: 10 }).diagnostics;
    assert.match(chinese.message, /^470: 后端不可用 /);
  });

  it('puts the project\'s marked translation first and the Chinese source text below it', () => {
    const explanation = local.explain('chinese-page:471', 'en');
    assert.ok(explanation);
    const labels = explanation.fields.map((field) => field.label);
    assert.deepEqual(labels.slice(labels.indexOf('Meaning (translation, not from the source)'), labels.indexOf('Meaning') + 1), ['Meaning (translation, not from the source)', 'Meaning']);
    assert.deepEqual(explanation.fields.find((field) => field.label === 'Meaning')?.texts, ['后端队列已满']);
  });
});

describe('hovers that stay short', () => {
  // One code in four tables: one of them gives it in five message variants.
  const table = (id: string, service: string, messages: string[]): CatalogFile => ({
    ...alibabaMarket,
    id,
    service: { en: service },
    entries: messages.map((message) => ({ code: 'Busy.0001', message: { en: message }, description: { en: `${service}: ${message}` } })),
  });
  const local = createLanguageService(
    catalogTexts([
      table('table-a', 'A', ['A is busy.']),
      table('table-b', 'B', ['B one.', 'B two.', 'B three.', 'B four.', 'B five.']),
      table('table-c', 'C', ['C is busy.']),
      table('table-d', 'D', ['D is busy.']),
      table('table-e', 'E', ['E is busy.']),
    ]),
  );
  const line = 'upstream said Busy.0001';
  const hoverOf = (explainLink?: (entryId: string, code: string) => string) => {
    const hover = local.hover(local.createDocument(line), { line: 0, character: line.indexOf('Busy') + 1 }, 'en', explainLink ? { explainLink } : {});
    assert.ok(hover);
    return hover.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  };

  it('list at most three other meanings, a table\'s message variants of the code as one, and a line for the rest', () => {
    const text = hoverOf((entryId, code) => `command:errorCodebook.explainEntry?${encodeURIComponent(JSON.stringify([{ entryId, code }]))}`);
    const others = text.slice(text.indexOf('**Other entries this could be**')).split('\n').filter((item) => item.startsWith('- '));
    assert.equal(others.length, 4, others.join('\n'));
    assert.equal(others[0], '- Alibaba Cloud · B (5 message variants): B one. · B two. · B three. · …');
    assert.equal(others[1], '- Alibaba Cloud · C: C is busy. — C: C is busy.');
    // Eight other entries, five of them quoted: three more, a link to the explanation listing them all.
    assert.match(others[3], /^- \[3 more…\]\(command:errorCodebook\.explainEntry\?%5B%7B%22entryId%22%3A%22table-a%3ABusy\.0001%22%2C%22code%22%3A%22Busy\.0001%22%7D%5D\)$/);
  });

  it('say how many more there are in plain text where no link can open the explanation', () => {
    const text = hoverOf();
    assert.match(text, /^- \*3 more; the explanation lists them\*$/m);
  });

  it('leave the full list to the explanation', () => {
    const explanation = local.explain('table-a:Busy.0001', 'en', 'Busy.0001');
    assert.ok(explanation);
    const others = explanation.fields.find((field) => field.label === 'Elsewhere this code means');
    assert.equal(others?.texts.length, 8);
    assert.ok(others?.texts.includes('Alibaba Cloud · B: B five. — B: B five.'));
  });
});

describe('one plain line of text', () => {
  it('is what replacing control characters and runs of whitespace with a space, then trimming, gives', () => {
    // Its shortcut returns text it finds plain as it is; this is what it must agree with.
    const reference = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
    const pieces = ['a', 'Z', '请求', ' ', '  ', '\t', '\n', '\r\n', '\u0000', '\u001b[1m', '\u007f', '\u0085', '\u009f', '\u00a0', '\u2003', '\u3000', '\ufeff', '.', '—', '😀'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(plainLine(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: runs(2000, 10000), seed: 1130 },
    );
    const plain = 'The input parameter is invalid.';
    assert.equal(plainLine(plain), plain);
  });
});

describe('the link of a diagnostic', () => {
  it('is the source page in the display language, whichever language was asked for before', () => {
    const withOcr = createLanguageService(catalogTexts());
    const document = withOcr.createDocument('huaweicloudsdkocr {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}');
    const hrefIn = (language: 'en' | 'zh-cn') => withOcr.diagnostics(document, { language, severity, maxCount: 10 }).diagnostics.map((diagnostic) => diagnostic.href);
    const english = ['https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html'];
    const chinese = ['https://support.huaweicloud.com/api-ocr/ocr_03_0028.html'];
    assert.deepEqual(hrefIn('en'), english);
    assert.deepEqual(hrefIn('zh-cn'), chinese);
    assert.deepEqual(hrefIn('en'), english);
  });
});
