/*
 * Settings as people write them: locales in any spelling are normalised, and a value that cannot
 * be used falls back to its default with a sentence saying so, whatever its type.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultSettings, displayLanguageOf, normaliseDisplayLanguage, resolveSettings } from '../../server/src/common/settings';
import { LANGUAGE_TAGS, stringsFor } from '../../server/src/core/index';
import { runs } from '../support/runs';

function resolved(raw: unknown): { settings: ReturnType<typeof resolveSettings>; problems: string[] } {
  const problems: string[] = [];
  return { settings: resolveSettings(raw, (message) => problems.push(message)), problems };
}

describe('display languages', () => {
  it('normalises the ways people write Chinese and English', () => {
    for (const written of ['zh-CN', 'zh', 'zh-Hans', 'zh_cn', 'ZH-cn', ' zh-cn ', 'zh-Hans-CN']) {
      assert.equal(normaliseDisplayLanguage(written), 'zh-cn', written);
      assert.equal(resolved({ displayLanguage: written }).settings.displayLanguage, 'zh-cn', written);
    }
    for (const written of ['en', 'en-US', 'en-GB', 'EN', 'en_us']) {
      assert.equal(resolved({ displayLanguage: written }).settings.displayLanguage, 'en', written);
    }
    assert.equal(resolved({ displayLanguage: 'AUTO' }).settings.displayLanguage, 'auto');
  });

  it('follows the setting, else the locale of the editor or the system: Chinese for any Chinese one', () => {
    for (const locale of ['zh-CN', 'zh-cn', 'zh', 'zh-TW', ' zh-Hans ', 'zh_CN.UTF-8', 'zh_TW', 'zh@pinyin']) {
      assert.equal(displayLanguageOf('auto', locale), 'zh-cn', locale);
    }
    for (const locale of ['en-US', 'en', 'de', 'C.UTF-8', 'zhx', '', undefined]) {
      assert.equal(displayLanguageOf('auto', locale), 'en', String(locale));
    }
    assert.equal(displayLanguageOf(undefined, 'zh-CN'), 'zh-cn');
    assert.equal(displayLanguageOf('en', 'zh-CN'), 'en');
    assert.equal(displayLanguageOf('zh-cn', 'en-US'), 'zh-cn');
  });

  it('falls back to auto with one sentence for anything else', () => {
    for (const written of ['klingon', 'english', '', 'e', 42, true, ['zh-cn'], { en: true }]) {
      const { settings, problems } = resolved({ displayLanguage: written });
      assert.equal(settings.displayLanguage, 'auto', JSON.stringify(written));
      assert.equal(problems.length, 1, JSON.stringify(written));
      assert.match(problems[0], /^Setting errorCodebook\.displayLanguage: .* is not a display language \(auto, en or zh-cn\); using the default "auto"\.$/);
    }
  });

  it('resolves to a language the core has strings for, for any value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('zh', 'en', 'zh-TW', 'en-', 'zh-', 'auto')), (written) => {
        const language = resolveSettings({ displayLanguage: written }).displayLanguage;
        assert.ok(language === 'auto' || (LANGUAGE_TAGS as readonly string[]).includes(language), written);
        if (language !== 'auto') {
          assert.ok(stringsFor(language), written);
        }
      }),
      { numRuns: runs(300, 1000), seed: 10 },
    );
  });
});

describe('other settings', () => {
  it('keeps good values, nested or flat', () => {
    const nested = resolved({ scan: { maxFileSizeMB: 2, include: ['**/*.txt'] }, diagnostics: { source: true, maxPerFile: 7.9, severity: { clientError: 'Error' } } });
    assert.deepEqual(nested.problems, []);
    assert.equal(nested.settings['scan.maxFileSizeMB'], 2);
    assert.deepEqual(nested.settings['scan.include'], ['**/*.txt']);
    assert.equal(nested.settings['diagnostics.source'], true);
    assert.equal(nested.settings['diagnostics.maxPerFile'], 7);
    assert.deepEqual(nested.settings['diagnostics.severity'], { ...defaultSettings()['diagnostics.severity'], clientError: 'error' });
    const flat = resolved({ 'scan.maxFileSizeMB': 3, catalogPaths: ['a'] });
    assert.equal(flat.settings['scan.maxFileSizeMB'], 3);
    assert.deepEqual(flat.settings.catalogPaths, ['a']);
  });

  it('falls back to the default of each bad value, saying which', () => {
    const { settings, problems } = resolved({
      scan: { maxFileSizeMB: -1, languages: 'log', exclude: [1] },
      diagnostics: { logs: 'yes', maxPerFile: Number.NaN, severity: { serverError: 'fatal', teapot: 'hint', success: 3 } },
    });
    const defaults = defaultSettings();
    assert.equal(settings['scan.maxFileSizeMB'], defaults['scan.maxFileSizeMB']);
    assert.deepEqual(settings['scan.languages'], defaults['scan.languages']);
    assert.deepEqual(settings['scan.exclude'], defaults['scan.exclude']);
    assert.equal(settings['diagnostics.logs'], true);
    assert.equal(settings['diagnostics.maxPerFile'], 1000);
    assert.deepEqual(settings['diagnostics.severity'], defaults['diagnostics.severity']);
    assert.deepEqual(
      problems.map((problem) => problem.slice(0, problem.indexOf(':'))),
      [
        'Setting errorCodebook.scan.languages',
        'Setting errorCodebook.scan.exclude',
        'Setting errorCodebook.scan.maxFileSizeMB',
        'Setting errorCodebook.diagnostics.logs',
        'Setting errorCodebook.diagnostics.maxPerFile',
        'Setting errorCodebook.diagnostics.severity.serverError',
        'Setting errorCodebook.diagnostics.severity',
        'Setting errorCodebook.diagnostics.severity.success',
      ],
    );
  });

  it('takes severities by code, leaving out each bad one with a sentence, and any code as a code', () => {
    const { settings, problems } = resolved({
      inlineMeaning: 'FULL',
      ignoredCodes: ['AIS.0101'],
      catalogs: { disabled: ['huaweicloud-apig'] },
      diagnostics: { severityByCode: { 'APIG.0308': 'Information', Throttling: 'off', __proto__: 'hint', 'AIS.0103': 'fatal', '': 'error' } },
    });
    assert.equal(settings.inlineMeaning, 'full');
    assert.deepEqual(settings.ignoredCodes, ['AIS.0101']);
    assert.deepEqual(settings['catalogs.disabled'], ['huaweicloud-apig']);
    assert.deepEqual({ ...settings['diagnostics.severityByCode'] }, { 'APIG.0308': 'information', Throttling: 'off' });
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /^Setting errorCodebook\.diagnostics\.severityByCode\.AIS\.0103: "fatal" is not one of error, warning, information, hint, off; it is ignored\.$/);
    const object = resolved({ diagnostics: { severityByCode: JSON.parse('{"__proto__": "hint"}') } });
    assert.deepEqual(Object.entries(object.settings['diagnostics.severityByCode']), [['__proto__', 'hint']]);
    assert.equal(resolved({ diagnostics: { severityByCode: ['AIS.0101'] } }).problems.length, 1);
    assert.equal(resolved({ inlineMeaning: 'long' }).settings.inlineMeaning, 'short');
  });

  it('never throws and always gives settings of the right shape, for any input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (top, nested) => {
        for (const raw of [top, { displayLanguage: top, scan: nested, diagnostics: { severity: nested, severityByCode: nested } }, { 'diagnostics.severity': top, 'diagnostics.severityByCode': top }]) {
          const settings = resolveSettings(raw);
          assert.ok(['auto', 'en', 'zh-cn'].includes(settings.displayLanguage));
          assert.ok(Array.isArray(settings['scan.languages']) && settings['scan.languages'].every((item) => typeof item === 'string'));
          assert.ok(Number.isFinite(settings['scan.maxFileSizeMB']) && settings['scan.maxFileSizeMB'] >= 0);
          for (const level of Object.values(settings['diagnostics.severity'])) {
            assert.ok(['error', 'warning', 'information', 'hint', 'off'].includes(level));
          }
          assert.deepEqual(Object.keys(settings['diagnostics.severity']).sort(), ['clientError', 'serverError', 'success', 'unknownStatus']);
          for (const level of Object.values(settings['diagnostics.severityByCode'])) {
            assert.ok(['error', 'warning', 'information', 'hint', 'off'].includes(level));
          }
        }
      }),
      { numRuns: runs(300, 1000), seed: 11 },
    );
  });
});
