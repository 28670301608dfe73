/*
 * The importer, checked mechanically against the pages the catalogs come from: importing each seed
 * document of test/fixtures/seeds (and each saved page of test/fixtures/pages) rebuilds the shipped
 * catalog's entries exactly, differing only where catalogs/import-exceptions.jsonc says so, with a
 * reason; merging a page into its shipped catalog changes nothing. Then the pieces one by one:
 * tables in HTML and in each plain-text layout, language detection, merging and the diff.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CatalogEntryData, CatalogFile, ImportException, JsonObject, LanguageTag, MergeError, PageImport, PageImportError, applyImportExceptions, detectLanguage, detectProvider, diffMerge, entryKeys, formatCatalog, formatDiff, htmlTables, htmlText, importPage, mergeImport, parseCatalogText, parseImportExceptions, statedUpdated } from '../../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const CATALOGS = path.join(ROOT, 'catalogs');

/** Every page a built-in catalog is imported from, with the catalog and the language it fills. */
const PAGES: { file: string; catalog: string; language: LanguageTag }[] = [
  { file: 'test/fixtures/seeds/000_80d7ab4052ed044b.txt', catalog: 'alibabacloud-ocr-marketplace', language: 'zh-cn' },
  { file: 'test/fixtures/seeds/001_7d7a317a8d1ceec3.txt', catalog: 'huaweicloud-ocr', language: 'en' },
  { file: 'test/fixtures/seeds/002_5e4661e221a25c70.txt', catalog: 'huaweicloud-ocr', language: 'zh-cn' },
  { file: 'test/fixtures/seeds/003_78dc2b0192c2fce1.txt', catalog: 'huaweicloud-image-recognition', language: 'zh-cn' },
  { file: 'test/fixtures/seeds/004_e294b96103268538.txt', catalog: 'alibabacloud-imm', language: 'zh-cn' },
  { file: 'test/fixtures/pages/huaweicloud-apig-zh-cn.md', catalog: 'huaweicloud-apig', language: 'zh-cn' },
];

const EXCEPTIONS = parseImportExceptions(fs.readFileSync(path.join(CATALOGS, 'import-exceptions.jsonc'), 'utf8'));

function readPage(file: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

function shippedText(id: string): string {
  return fs.readFileSync(path.join(CATALOGS, `${id}.json`), 'utf8');
}

function shipped(id: string): CatalogFile {
  return JSON.parse(shippedText(id)) as CatalogFile;
}

/** Imports a page as a catalog's source, the reviewed exceptions applied, as `error-codebook import` does. */
function importFor(text: string, catalog: CatalogFile, language: LanguageTag, exceptions: readonly ImportException[] = EXCEPTIONS.exceptions) {
  const source = catalog.sources.find((item) => item.language === language)!;
  const page = importPage(text, { url: source.url, captured: source.captured, id: catalog.id, service: catalog.service });
  const applied = applyImportExceptions(page.catalog.entries, catalog.id, page.language, exceptions);
  return { page: { ...page, catalog: { ...page.catalog, entries: applied.entries } } as PageImport, applied };
}

/** What the importer produces of an entry; the project's own fields (translations, repairs) are not. */
const IMPORTED_FIELDS = ['code', 'kind', 'httpStatus', 'module', 'message', 'messageVariables', 'description', 'cause', 'solution'] as const;

function importedPart(entry: CatalogEntryData): Partial<CatalogEntryData> {
  return Object.fromEntries(IMPORTED_FIELDS.filter((field) => entry[field] !== undefined).map((field) => [field, entry[field]]));
}

/** The catalog a set of pages builds from nothing, and how it differs from the shipped one, field by field. */
function fidelityProblems(id: string, pages: { text: string; language: LanguageTag }[], exceptions: readonly ImportException[] = EXCEPTIONS.exceptions): string[] {
  const target = shipped(id);
  let built: JsonObject | undefined;
  for (const { text, language } of pages) {
    built = mergeImport(built, importFor(text, target, language, exceptions).page).catalog;
  }
  const catalog = built as unknown as CatalogFile;
  const problems: string[] = [];
  const count = Math.max(catalog.entries.length, target.entries.length);
  const keys = entryKeys(target.entries);
  for (let index = 0; index < count; index++) {
    const made = catalog.entries[index] ? importedPart(catalog.entries[index]) : undefined;
    const kept = target.entries[index] ? importedPart(target.entries[index]) : undefined;
    if (JSON.stringify(made) !== JSON.stringify(kept)) {
      problems.push(`${id} entry ${index + 1} (${keys[index] ?? 'none'}): imported ${JSON.stringify(made)}, shipped ${JSON.stringify(kept)}`);
    }
  }
  for (const key of ['languages', 'sources', 'errorBody'] as const) {
    if (JSON.stringify(catalog[key]) !== JSON.stringify(target[key])) {
      problems.push(`${id} ${key}: imported ${JSON.stringify(catalog[key])}, shipped ${JSON.stringify(target[key])}`);
    }
  }
  return problems;
}

const BY_CATALOG = [...new Set(PAGES.map((page) => page.catalog))];

describe('importing the pages the built-in catalogs come from', () => {
  it('reads the reviewed exceptions file without a problem, each exception once and with a reason', () => {
    assert.deepEqual(EXCEPTIONS.problems, []);
    const keys = EXCEPTIONS.exceptions.map((exception) => `${exception.catalog} ${exception.language} ${exception.entry} ${exception.field}`);
    assert.equal(new Set(keys).size, keys.length, 'an exception is listed twice');
    for (const exception of EXCEPTIONS.exceptions) {
      assert.ok(BY_CATALOG.includes(exception.catalog), `${exception.catalog} is not a built-in catalog with a page`);
      assert.match(exception.reason, /^[A-Z].*\.$/, 'a reason is a full sentence');
    }
  });

  for (const id of BY_CATALOG) {
    const pages = PAGES.filter((page) => page.catalog === id);
    it(`rebuilds ${id} from ${pages.map((page) => path.basename(page.file)).join(' and ')}, entry by entry`, () => {
      assert.deepEqual(fidelityProblems(id, pages.map((page) => ({ text: readPage(page.file), language: page.language }))), []);
    });

    it(`leaves ${id} unchanged, to the byte, when its pages are imported into it`, () => {
      for (const page of pages) {
        const { page: imported } = importFor(readPage(page.file), shipped(id), page.language);
        assert.equal(imported.language, page.language, `${page.file} is read as ${imported.language}`);
        const result = mergeImport(JSON.parse(shippedText(id)) as JsonObject, imported);
        const diff = diffMerge(result);
        assert.deepEqual(formatDiff(diff, id).slice(1), [], `${page.file} changes ${id}`);
        assert.equal(formatCatalog(result.catalog), shippedText(id));
      }
    });
  }

  it('applies every listed exception exactly once, and nothing else differs', () => {
    const used = new Map<ImportException, number>();
    for (const page of PAGES) {
      const { applied } = importFor(readPage(page.file), shipped(page.catalog), page.language);
      assert.deepEqual(applied.unused, [], `${page.file}: an exception no longer matches the page`);
      for (const exception of applied.applied) {
        used.set(exception, (used.get(exception) ?? 0) + 1);
      }
    }
    for (const exception of EXCEPTIONS.exceptions) {
      assert.equal(used.get(exception), 1, `${exception.catalog} ${exception.entry} ${exception.field}`);
    }
  });

  it('fails on a changed character in a page, a dropped row, or a dropped exception', () => {
    const ocrEnglish = readPage(PAGES[1].file);
    const changed = fidelityProblems('huaweicloud-ocr', [
      { text: ocrEnglish.replace('Check the image size.', 'Check the image sizes.'), language: 'en' },
      { text: readPage(PAGES[2].file), language: 'zh-cn' },
    ]);
    assert.equal(changed.length, 1, JSON.stringify(changed));
    assert.match(changed[0], /AIS\.0103/);
    const marketplace = readPage(PAGES[0].file);
    const dropped = fidelityProblems('alibabacloud-ocr-marketplace', [{ text: marketplace.replace('408\n\nRequest Timeout\n\n超时\n\n', ''), language: 'zh-cn' }]);
    assert.ok(dropped.length > 0 && dropped[0].includes('408'), JSON.stringify(dropped[0]));
    const withoutRepair = EXCEPTIONS.exceptions.filter((exception) => exception.entry !== '461:2');
    const unrepaired = fidelityProblems('alibabacloud-ocr-marketplace', [{ text: marketplace, language: 'zh-cn' }], withoutRepair);
    assert.equal(unrepaired.length, 1);
    assert.match(unrepaired[0], /461:2/);
  });
});

describe('pages and their layouts', () => {
  it('reads what each page says about itself: language, provider, title, updated date, error body', () => {
    const facts = PAGES.map((page) => {
      const result = importPage(readPage(page.file));
      const [source] = result.catalog.sources;
      return [path.basename(page.file), result.format, result.language, result.provider, source.title, source.updated, result.catalog.errorBody?.codeKeys[0]];
    });
    assert.deepEqual(facts, [
      ['000_80d7ab4052ed044b.txt', 'text', 'zh-cn', 'alibabacloud', '云市场API错误码', '2023-11-29 09:46:49', undefined],
      // The English OCR page names no provider; its address does (see below).
      ['001_7d7a317a8d1ceec3.txt', 'text', 'en', undefined, 'Error Codes', '2022-10-29 GMT+08:00', 'error_code'],
      ['002_5e4661e221a25c70.txt', 'html', 'zh-cn', 'huaweicloud', '错误码', undefined, 'error_code'],
      ['003_78dc2b0192c2fce1.txt', 'text', 'zh-cn', 'huaweicloud', '错误码', undefined, 'error_code'],
      ['004_e294b96103268538.txt', 'text', 'zh-cn', 'alibabacloud', undefined, undefined, 'Code'],
      ['huaweicloud-apig-zh-cn.md', 'html', 'zh-cn', 'huaweicloud', '错误码', undefined, undefined],
    ]);
    assert.equal(detectProvider('', 'https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html'), 'huaweicloud');
    assert.equal(detectProvider('', 'https://help.aliyun.com/document_detail/91593.html'), 'alibabacloud');
  });

  it('keeps rows that span lines, repeated codes and cells holding lists as the pages have them', () => {
    const ocr = importPage(readPage(PAGES[1].file)).catalog.entries;
    // A solution of two paragraphs (AIS.0104), a list split by a blank line (APIG.0101), a module spanning rows.
    assert.equal(ocr.find((entry) => entry.code === 'AIS.0104')?.solution?.en, 'Check the image type and quality.\nCheck whether the called API is correct.');
    assert.equal(ocr.find((entry) => entry.code === 'APIG.0101')?.solution?.en?.split('\n').length, 4);
    assert.deepEqual([...new Set(ocr.map((entry) => entry.module?.en))], ['OCR', 'Platform', 'APIG']);
    const marketplace = importPage(readPage(PAGES[0].file)).catalog.entries;
    assert.equal(marketplace.filter((entry) => entry.code === '462').length, 12);
    // A row of one text cell keeps it as the message; the prose after the table is not a cell.
    assert.deepEqual(importedPart(marketplace.find((entry) => entry.code === '450')!), { code: '450', httpStatus: 450, message: { 'zh-cn': '后端服务队列满,请求被拒绝,重试即可' } });
    assert.equal(marketplace.at(-1)?.description?.['zh-cn'], 'API网关等待超时断开连接');
    const imm = importPage(readPage(PAGES[4].file));
    assert.deepEqual(imm.tables, ['httpStatus, code, message, description: 38 rows', 'common errors: code, cause, solution: 5 rows']);
    assert.equal(imm.catalog.entries.find((entry) => entry.code === 'SDK.InvalidRegionId')?.solution?.['zh-cn'], '请确保已设置正确的地域同时使用的SDK为最新版本。\n关于智能媒体管理已开通的Region请参见 服务地域');
    const html = importPage(readPage(PAGES[2].file));
    assert.deepEqual(html.skippedRows, ['其他 | 如若出现其他无法解决的错误码，请联系华为云支持人员。']);
  });

  it('reads HTML tables in any column order, with spans, entities, lists and line breaks', () => {
    const page = [
      '<html><head><title>错误码_API参考</title><link rel="canonical" href="https://support.huaweicloud.com/api-demo/errorcode.html"></head><body>',
      '<h1>错误码</h1><p>更新时间：2024-09-23 GMT+08:00</p>',
      '<table><tr><th>错误码</th><th>HTTP状态码</th><th colspan="2">错误信息</th><th>解决方案</th></tr>',
      '<tr><td rowspan="2">Demo.0001</td><td>400</td><td colspan="2">Bad &lt;input&gt; &amp; more.</td><td><ol><li>检查参数。</li><li>重试<br>一次。</li></ol></td></tr>',
      '<tr><td>401</td><td colspan="2">Token&nbsp;expired.</td><td><ul><li><a href="x">联系</a>技术支持。</li></ul></td></tr>',
      '<tr><td>其他</td><td colspan="4">联系技术支持。</td></tr>',
      '</table><script>var t = "<table><tr><th>Error Code</th><th>Message</th></tr></table>";</script></body></html>',
    ].join('\n');
    const result = importPage(page);
    assert.equal(result.catalog.sources[0].url, 'https://support.huaweicloud.com/api-demo/errorcode.html');
    assert.equal(result.catalog.sources[0].title, '错误码');
    assert.equal(result.catalog.sources[0].updated, '2024-09-23 GMT+08:00');
    assert.equal(result.provider, 'huaweicloud');
    assert.deepEqual(result.catalog.entries.map(importedPart), [
      { code: 'Demo.0001', httpStatus: 400, message: { 'zh-cn': 'Bad <input> & more.' }, solution: { 'zh-cn': '1. 检查参数。\n2. 重试\n一次。' } },
      { code: 'Demo.0001', httpStatus: 401, message: { 'zh-cn': 'Token\u00a0expired.' }, solution: { 'zh-cn': '• 联系技术支持。' } },
    ]);
    assert.deepEqual(result.skippedRows, ['其他 | 联系技术支持。']);
    assert.deepEqual(htmlTables('<table><tr><td>a<table><tr><td>b</td></tr></table></td><td>c</td></tr></table>')[0].rows, [['a\nb', 'c']]);
    assert.equal(htmlText('<p>one &#x4e00;</p><script>two</script><p>three</p>'), 'one 一\nthree');
  });

  it('reads an Alibaba Cloud page whose tables hold templated codes and common errors', () => {
    // A minimal page in the shape of IMM's error-handling page (its two tables), not a saved page.
    const page = [
      '<h1>错误处理</h1><pre>{"Code": "InvalidMaxKeys", "Message": "Specified parameter MaxKeys is not valid."}</pre>',
      '<table><thead><tr><td>HTTP Status Code</td><td>Code</td><td>Message</td><td>描述</td></tr></thead>',
      '<tbody><tr><td>400</td><td>Invalid{ParameterName}</td><td>Specified parameter {ParameterName} is not valid.</td><td>参数不合法。</td></tr>',
      '<tr><td>200</td><td>NoError</td><td>Request success. Powered by IMM.</td><td>请求成功。</td></tr></tbody></table>',
      '<table><tr><td>常见错误</td><td>产生原因</td><td>处理方法</td></tr>',
      '<tr><td>Throttling.User</td><td>API调用过于频繁，超过流量控制。</td><td><p>请检查调用过程中是否存在循环。</p><p>该限制触发后会在一定时间内解除。</p></td></tr></table>',
    ].join('\n');
    const result = importPage(page, { url: 'https://help.aliyun.com/document_detail/91593.html' });
    assert.equal(result.provider, 'alibabacloud');
    assert.equal(result.language, 'zh-cn');
    assert.deepEqual(result.catalog.errorBody, { codeKeys: ['Code'], messageKeys: ['Message'] });
    assert.equal(result.catalog.documentation?.codeUrlTemplate, 'https://error-center.aliyun.com/status/search?Keyword={code}');
    assert.deepEqual(result.catalog.entries.map(importedPart), [
      { code: 'Invalid{ParameterName}', httpStatus: 400, message: { 'zh-cn': 'Specified parameter {ParameterName} is not valid.' }, description: { 'zh-cn': '参数不合法。' } },
      { code: 'NoError', kind: 'success', httpStatus: 200, message: { 'zh-cn': 'Request success. Powered by IMM.' }, description: { 'zh-cn': '请求成功。' } },
      { code: 'Throttling.User', kind: 'commonError', cause: { 'zh-cn': 'API调用过于频繁，超过流量控制。' }, solution: { 'zh-cn': '请检查调用过程中是否存在循环。\n该限制触发后会在一定时间内解除。' } },
    ]);
  });

  it('tells the language from the text, not from the page', () => {
    assert.equal(detectLanguage('The input parameter is invalid. Check the entered parameter.'), 'en');
    assert.equal(detectLanguage('The input parameter is invalid. 输入参数不符合规范。请检查输入参数。'), 'zh-cn');
    // A Chinese word on an English page does not make it Chinese.
    assert.equal(detectLanguage(`${'Check the request parameters and try again. '.repeat(20)}华为云`), 'en');
    assert.equal(statedUpdated('Updated on 2022-10-29 GMT+08:00'), '2022-10-29 GMT+08:00');
    assert.equal(statedUpdated('更新时间:2023-11-29 09:46:49'), '2023-11-29 09:46:49');
  });

  it('says so when a page has no error-code table', () => {
    assert.throws(() => importPage('<p>Nothing here.</p><table><tr><td>a</td><td>b</td></tr></table>'), PageImportError);
    assert.throws(() => importPage('Error Codes\n\nThere are none.'), PageImportError);
    assert.throws(() => importPage('<table><tr><th>Error Code</th><th>Message</th></tr><tr><td>其他</td><td>Contact us.</td></tr></table>'), /No row of the page's error-code tables holds a code \(rows left out: 1\)/);
  });
});

describe('merging an import into a catalog', () => {
  const ocr = () => JSON.parse(shippedText('huaweicloud-ocr')) as JsonObject;
  const englishPage = () => importFor(readPage(PAGES[1].file), shipped('huaweicloud-ocr'), 'en').page;

  it('keeps fields it does not produce: unknown ones at any level, translations, repairs, documentation', () => {
    const catalog = ocr();
    catalog.origin = { capturedBy: 'seed', reviewed: true };
    const entries = catalog.entries as JsonObject[];
    entries[0].origin = { row: 1 };
    entries[0].notes = ['Checked against the console.'];
    entries[0].translations = { description: { 'zh-cn': '输入参数不合法。' } };
    (catalog.sources as JsonObject[])[0].archived = 'https://web.archive.org/web/2024/https://support.huaweicloud.com/';
    const result = mergeImport(catalog, englishPage());
    assert.deepEqual(result.catalog.origin, { capturedBy: 'seed', reviewed: true });
    const first = (result.catalog.entries as JsonObject[])[0];
    assert.deepEqual(first.origin, { row: 1 });
    assert.deepEqual(first.notes, ['Checked against the console.']);
    assert.deepEqual(first.translations, { description: { 'zh-cn': '输入参数不合法。' } });
    assert.equal((result.catalog.sources as JsonObject[])[0].archived, 'https://web.archive.org/web/2024/https://support.huaweicloud.com/');
    assert.deepEqual(result.catalog.documentation, shipped('huaweicloud-ocr').documentation);
    assert.deepEqual((result.catalog.entries as JsonObject[]).find((entry) => entry.code === 'APIG.0301')?.repairs, shipped('huaweicloud-ocr').entries.find((entry) => entry.code === 'APIG.0301')?.repairs);
    assert.equal(diffMerge(result).changed.length, 0);
  });

  it('reports added, removed and changed entries, and changes only the page\'s language', () => {
    const text = readPage(PAGES[1].file)
      .replace('Check the image size.', 'Check the image size and format.')
      .replace('ModelArts.0203\n\nInvalid token.\n\nThe token is invalid.\n\nCheck whether the token is correct.\n\n', '')
      .replace('APIG.0308\n', 'APIG.0309\n\nNew message.\n\nNew description.\n\nNew solution.\n\nAPIG.0308\n');
    const page = importFor(text, shipped('huaweicloud-ocr'), 'en').page;
    const result = mergeImport(ocr(), page);
    const diff = diffMerge(result);
    assert.deepEqual(diff.added.map((entry) => entry.code), ['APIG.0309']);
    // ModelArts.0203 is still on the Chinese page: it stays, without its English text.
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(diff.changed.map((change) => [change.code, change.changes.map((item) => item.field)]), [
      ['AIS.0103', ['solution (en)']],
      ['ModelArts.0203', ['module (en)', 'message (en)', 'description (en)', 'solution (en)']],
    ]);
    const entries = result.catalog.entries as JsonObject[];
    assert.deepEqual(entries.find((entry) => entry.code === 'AIS.0103')?.solution, { en: 'Check the image size and format.', 'zh-cn': '请检查图片尺寸，各服务支持图片尺寸请参考使用限制。' });
    assert.deepEqual(entries.find((entry) => entry.code === 'ModelArts.0203')?.message, { 'zh-cn': 'Invalid token.' });
    assert.deepEqual(entries.map((entry) => entry.code).slice(-3), ['APIG.0301', 'APIG.0309', 'APIG.0308']);
    const lines = formatDiff(diff, 'huaweicloud-ocr (en)');
    assert.equal(lines[0], 'huaweicloud-ocr (en): 1 added, 0 removed, 2 changed, 37 unchanged');
    assert.ok(lines.includes('  + APIG.0309: New message.'));
    assert.ok(lines.includes('      - Check the image size.') && lines.includes('      + Check the image size and format.'));
    // An entry only one page had is removed when that page drops it.
    const marketplace = importFor(readPage(PAGES[0].file).replace('408\n\nRequest Timeout\n\n超时\n\n', ''), shipped('alibabacloud-ocr-marketplace'), 'zh-cn').page;
    const removed = diffMerge(mergeImport(JSON.parse(shippedText('alibabacloud-ocr-marketplace')) as JsonObject, marketplace));
    assert.deepEqual(removed.removed.map((entry) => entry.code), ['408']);
  });

  it('asks a reviewer to look at translations and repairs whose source text changed', () => {
    const page = importFor(readPage(PAGES[0].file).replace('URL错误', 'URL地址错误'), shipped('alibabacloud-ocr-marketplace'), 'zh-cn').page;
    const diff = diffMerge(mergeImport(JSON.parse(shippedText('alibabacloud-ocr-marketplace')) as JsonObject, page));
    assert.deepEqual(diff.changed.map((change) => [change.code, change.review]), [
      ['400', ['its translation of description was kept; check it still says what the new text says']],
    ]);
  });

  it('adds a page in a new language as a new source, matching entries by code', () => {
    const chineseOnly = JSON.parse(shippedText('huaweicloud-ocr')) as JsonObject;
    const englishOnly = mergeImport(undefined, englishPage()).catalog;
    const result = mergeImport(englishOnly, importFor(readPage(PAGES[2].file), shipped('huaweicloud-ocr'), 'zh-cn').page);
    assert.deepEqual(result.catalog.languages, ['en', 'zh-cn']);
    assert.deepEqual((result.catalog.entries as JsonObject[]).map((entry) => entry.message), (chineseOnly.entries as JsonObject[]).map((entry) => entry.message));
  });

  it('needs an id, the service and the address for a new catalog, which a page does not state', () => {
    const page = importPage(readPage(PAGES[3].file));
    assert.throws(() => mergeImport(undefined, page), (error: Error) => error instanceof MergeError && /an id, the service's name, the page's address/.test(error.message));
    const made = mergeImport(undefined, importPage(readPage(PAGES[3].file), { id: 'demo-images', service: { en: 'Image Recognition' }, url: 'https://support.huaweicloud.com/api-image/image_03_0010.html', captured: '2026-11-29' }));
    const loaded = parseCatalogText(formatCatalog(made.catalog), 'demo-images.json');
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.catalog?.entries.length, 77);
  });
});
