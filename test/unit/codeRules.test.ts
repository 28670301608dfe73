/*
 * The user's control over findings: a severity of their own for a code, codes they ignore (no
 * diagnostic, listed as ignored, said so in the hover), and catalogs turned off by id.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLanguageService, loadCatalogs } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const service = createLanguageService(catalogTexts());
const severity = defaultSettings()['diagnostics.severity'];

const LOG = [
  'huaweicloudsdkcore ClientRequestException: {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  'huaweicloudsdkcore ClientRequestException: {"error_code": "APIG.0308", "error_msg": "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 minute."}',
  'huaweicloudsdkcore ClientRequestException: {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
].join('\n');

describe('severities of particular codes', () => {
  it('win over the severity by HTTP status, and "off" leaves the code out of the Problems panel', () => {
    const document = service.createDocument(LOG);
    const plain = service.diagnostics(document, { language: 'en', severity, maxCount: 10 }).diagnostics;
    assert.deepEqual(plain.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['AIS.0101', 'warning'], ['APIG.0308', 'warning'], ['AIS.0101', 'warning']]);
    const own = service.diagnostics(document, { language: 'en', severity, maxCount: 10, codes: { severityByCode: { 'AIS.0101': 'error', 'APIG.0308': 'off' } } }).diagnostics;
    assert.deepEqual(own.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['AIS.0101', 'error'], ['AIS.0101', 'error']]);
  });

  it('set the severity of the code\'s group in the Error Codes view', () => {
    const report = service.createScanReport({ language: 'en', severity, maxCount: 10, codes: { severityByCode: { 'APIG.0308': 'information' } } });
    for (const found of service.createDocument(LOG).occurrences()) {
      report.add(found);
    }
    const group = report.result().groups.find((candidate) => candidate.code === 'APIG.0308');
    assert.equal(group?.severity, 'information');
  });
});

describe('the cap on diagnostics', () => {
  it('keeps the most severe, the first among equals, in text order, however many there are', () => {
    const lines = LOG.split('\n');
    const rank = { error: 0, warning: 1, information: 2, hint: 3 } as const;
    const level = fc.constantFrom('error' as const, 'warning' as const, 'information' as const, 'hint' as const);
    // One code common, the other rare: its few can rank above all the common one's, early or late.
    const pick = fc.oneof({ arbitrary: fc.constant(0), weight: 60 }, { arbitrary: fc.constant(1), weight: 1 }, { arbitrary: fc.constant(2), weight: 20 });
    fc.assert(
      fc.property(fc.array(pick, { minLength: 1050, maxLength: 1600 }), level, level, fc.nat({ max: 40 }), (picks, first, second, maxCount) => {
        const document = service.createDocument(picks.map((pick) => lines[pick]).join('\n'));
        const codes = { severityByCode: { 'AIS.0101': first, 'APIG.0308': second } };
        const all = service.diagnostics(document, { language: 'en', severity, maxCount: 1_000_000, codes }).diagnostics;
        const capped = service.diagnostics(document, { language: 'en', severity, maxCount, codes });
        const expected = all
          .map((diagnostic, order) => ({ diagnostic, order }))
          .sort((a, b) => rank[a.diagnostic.severity] - rank[b.diagnostic.severity] || a.order - b.order)
          .slice(0, maxCount)
          .sort((a, b) => a.order - b.order)
          .map(({ diagnostic }) => `${diagnostic.range.start.line}:${diagnostic.code}:${diagnostic.severity}`);
        const kept = capped.diagnostics.filter((diagnostic) => diagnostic.code !== undefined);
        assert.deepEqual(kept.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.code}:${diagnostic.severity}`), expected);
        assert.equal(capped.total, all.length);
        assert.equal(capped.diagnostics.length - kept.length, all.length > maxCount ? 1 : 0);
      }),
      {
        numRuns: runs(15, 100),
        seed: 4101,
        // A few errors among a thousand warnings, some after the first thousand: they push out warnings kept before.
        examples: [[Array.from({ length: 1100 }, (_, at) => ([10, 500, 1050, 1080].includes(at) ? 1 : 0)), 'warning', 'error', 20]],
      },
    );
  });
});

describe('ignored codes', () => {
  const codes = { ignoredCodes: new Set(['AIS.0101']) };

  it('give no diagnostics, and are listed as ignored', () => {
    const document = service.createDocument(LOG);
    const { diagnostics, total } = service.diagnostics(document, { language: 'en', severity, maxCount: 10, codes });
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['APIG.0308']);
    assert.equal(total, 1);
    const report = service.createScanReport({ language: 'en', severity, maxCount: 10, codes });
    for (const found of document.occurrences()) {
      report.add(found);
    }
    const groups = report.result().groups;
    assert.deepEqual(groups.map((group) => [group.code, group.count, group.ignored ?? false]), [['AIS.0101', 2, true], ['APIG.0308', 1, false]]);
  });

  it('are said to be ignored in the hover, which still explains them', () => {
    const document = service.createDocument(LOG);
    const hover = service.hover(document, { line: 0, character: LOG.indexOf('AIS.0101') + 2 }, 'en', codes);
    assert.ok(hover);
    const lines = hover.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1').split('\n\n');
    assert.match(lines[0], /^\*\*AIS.0101\*\* — Huawei Cloud · OCR$/);
    assert.match(lines[1], /^\*You ignore this code here \(errorCodebook.ignoredCodes\)/);
    assert.ok(lines.some((line) => line.includes('does not meet the requirements')));
    const other = service.hover(document, { line: 1, character: LOG.split('\n')[1].indexOf('APIG.0308') + 2 }, 'en', codes);
    assert.doesNotMatch(other?.markdown ?? '', /ignore/);
  });
});

describe('catalogs turned off by id', () => {
  it('are left out of the index, and said to be', () => {
    const loaded = loadCatalogs(catalogTexts(), [], ['huaweicloud-ocr']);
    assert.ok(!loaded.catalogs.some(({ catalog }) => catalog.id === 'huaweicloud-ocr'));
    assert.deepEqual(loaded.disabled, [{ id: 'huaweicloud-ocr', file: 'huaweicloud-ocr.json' }]);
    assert.deepEqual(loaded.problems, []);
    const without = createLanguageService(catalogTexts(), ['huaweicloud-ocr']);
    const document = without.createDocument('huaweicloudsdkcore {"error_code": "ModelArts.4204", "error_msg": "Request api error! The API ocr-id-card is not subscribed."}');
    const found = [...document.occurrences()];
    assert.ok(found.every(({ resolution }) => resolution.kind !== 'entry' || resolution.ranked.every((candidate) => candidate.entry.catalog.id !== 'huaweicloud-ocr')));
  });
});
