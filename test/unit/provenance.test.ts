/*
 * Dates and provenance: a source records when the project captured it (an ISO date the loader
 * checks), and a hover ends with one quiet line naming the catalog and its page's date, in the
 * display language.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CatalogFile, createLanguageService, parseCatalogText, provenanceLine, sourceFor, updatedDay } from '../../server/src/core/index';
import { catalogTexts, huaweiImage, huaweiOcr } from '../support/miniCatalogs';

const dated: CatalogFile = {
  ...huaweiOcr,
  sources: [
    { ...huaweiOcr.sources[0], updated: '2022-10-29 GMT+08:00', captured: '2026-11-22' },
    { ...huaweiOcr.sources[1], captured: '2026-11-22' },
  ],
};

describe('a source\'s capture date', () => {
  const withCaptured = (captured: unknown) =>
    JSON.stringify({ ...huaweiImage, sources: [{ ...huaweiImage.sources[0], captured }] }, null, 2);

  it('is read when it is a date written as YYYY-MM-DD', () => {
    const { catalog, problems } = parseCatalogText(withCaptured('2026-11-22'), 'dated.json');
    assert.deepEqual(problems, []);
    assert.equal(catalog?.sources[0].captured, '2026-11-22');
  });

  it('is reported at its line when it is another kind of date, a day that does not exist, or not a string', () => {
    for (const [captured, message] of [
      ['22.11.2026', /"captured" "22\.11\.2026" must be a date written as YYYY-MM-DD/],
      ['2026-11-22T10:00:00Z', /must be a date written as YYYY-MM-DD/],
      ['2026-02-30', /"captured" "2026-02-30" is not a date that exists/],
      [20261122, /"captured" must be a string/],
    ] as const) {
      const text = withCaptured(captured);
      const { catalog, problems } = parseCatalogText(text, 'dated.json');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0].message, message);
      const line = text.split('\n').findIndex((row) => row.includes('"captured"')) + 1;
      assert.equal(problems[0].line, line);
      // The catalog still loads, without the date.
      assert.equal(catalog?.sources[0].captured, undefined);
      assert.equal(catalog?.entries.length, huaweiImage.entries.length);
    }
  });
});

describe('the provenance line', () => {
  it('names the page in the display language and its own "updated" day, else the capture date', () => {
    assert.equal(provenanceLine(dated, 'en'), 'Huawei Cloud OCR error codes, page updated 2022-10-29');
    assert.equal(provenanceLine(dated, 'zh-cn'), '华为云文字识别错误码,采集于 2026-11-22');
    assert.equal(sourceFor(dated, 'zh-cn')?.url, huaweiOcr.sources[1].url);
  });

  it('falls back to the first source, and says nothing when no source is dated', () => {
    const onlyChinese: CatalogFile = { ...huaweiImage, sources: [{ ...huaweiImage.sources[0], updated: '更新时间:2023-11-29 09:46:49' }] };
    assert.equal(provenanceLine(onlyChinese, 'en'), 'Huawei Cloud Image Recognition error codes, page updated 2023-11-29');
    assert.equal(provenanceLine(huaweiImage, 'en'), undefined);
    assert.equal(updatedDay('last week'), 'last week');
  });

  it('ends the hover, in italics and escaped, and only when the catalog is dated', () => {
    const service = createLanguageService(catalogTexts([dated]));
    const document = service.createDocument('{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}');
    const english = service.hover(document, { line: 0, character: 18 }, 'en');
    assert.ok(english);
    assert.ok(english.markdown.endsWith('\n\n*Huawei Cloud OCR error codes\\, page updated 2022\\-10\\-29*'), english.markdown);
    const chinese = service.hover(document, { line: 0, character: 18 }, 'zh-cn');
    assert.ok(chinese?.markdown.endsWith('*华为云文字识别错误码\\,采集于 2026\\-11\\-22*'), chinese?.markdown);
    const undated = createLanguageService(catalogTexts([huaweiOcr]));
    const plain = undated.hover(undated.createDocument('{"error_code": "AIS.0101"}'), { line: 0, character: 18 }, 'en');
    assert.ok(plain);
    assert.doesNotMatch(plain.markdown, /error codes, (?:page updated|captured)/);
  });
});
