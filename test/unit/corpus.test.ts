/*
 * The real-world corpora (test/corpus, and test/corpus-heldout, built later from other sources and
 * scored once before any change it prompted): public text nobody here wrote, labelled before the
 * tool ran on it. The targets of issue 9 hold on the two counted together: codes of our catalogs and their families are found and
 * attributed to the right table; no finding claims an entry it is not; other products' codes are
 * never explained as an entry of ours; other clouds' errors and generic logs give nothing at all.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { CORPUS, CorpusScore, Miss, builtInService, loadCorpusLabels, scoreCorpus } from '../support/corpus';

const CORPORA = [CORPUS, path.resolve(CORPUS, '..', 'corpus-heldout')];
const service = builtInService();
const scores = CORPORA.map((corpus) => {
  const score = scoreCorpus(service, corpus);
  // Misses name their corpus, so two files of one name in the two stay apart.
  const named = (misses: Miss[]) => misses.map((miss) => ({ ...miss, file: `${path.basename(corpus)}/${miss.file}` }));
  return { ...score, wrongMeanings: named(score.wrongMeanings), claimedOtherProducts: named(score.claimedOtherProducts), unknownNotReported: named(score.unknownNotReported), falseAlarms: named(score.falseAlarms), misses: named(score.misses) };
});
const score: CorpusScore = scores.reduce((sum, each) => ({
  labelled: sum.labelled + each.labelled,
  found: sum.found + each.found,
  right: sum.right + each.right,
  otherProductLabels: sum.otherProductLabels + each.otherProductLabels,
  otherProductsReported: sum.otherProductsReported + each.otherProductsReported,
  wrongMeanings: [...sum.wrongMeanings, ...each.wrongMeanings],
  claimedOtherProducts: [...sum.claimedOtherProducts, ...each.claimedOtherProducts],
  unknownNotReported: [...sum.unknownNotReported, ...each.unknownNotReported],
  falseAlarms: [...sum.falseAlarms, ...each.falseAlarms],
  negativeFindings: sum.negativeFindings + each.negativeFindings,
  misses: [...sum.misses, ...each.misses],
  files: sum.files + each.files,
}));

function list(misses: readonly Miss[]): string {
  return misses.map((miss) => `${miss.file}:${miss.line} ${miss.code}: expected ${miss.expected}, got ${miss.actual}`).join('\n');
}

describe('the real-world corpora', () => {
  it('are read by every feature without an exception', () => {
    const severity = defaultSettings()['diagnostics.severity'];
    for (const [corpus, file] of CORPORA.flatMap((corpus) => Object.keys(loadCorpusLabels(corpus)).map((file) => [corpus, file]))) {
      const document = service.createDocument(fs.readFileSync(path.join(corpus, file), 'utf8'));
      for (const language of ['en', 'zh-cn'] as const) {
        service.diagnostics(document, { language, severity, maxCount: 1000 });
        service.links(document, language);
        service.symbols(document, language);
        service.findings(document, language, severity);
        const describer = service.describer(language, severity);
        for (const found of document.occurrences()) {
          describer.describe(found);
          assert.ok(service.hover(document, { line: found.occurrence.line, character: found.occurrence.start }, language), `${file}: a hover on ${found.occurrence.token}`);
        }
      }
    }
  });

  it('are what their READMEs say: labelled files of real text, every file listed with its source', () => {
    for (const corpus of CORPORA) {
      const labels = loadCorpusLabels(corpus);
      const readme = fs.readFileSync(path.join(corpus, 'README.md'), 'utf8');
      const files = ['positives', 'negatives'].flatMap((folder) => fs.readdirSync(path.join(corpus, folder)).map((name) => `${folder}/${name}`));
      assert.deepEqual(Object.keys(labels).sort(), files.sort(), `every file of ${corpus} is labelled, and every label names a file`);
      for (const file of files) {
        assert.ok(readme.includes(file), `${file} is listed in the README of ${corpus} with its source`);
      }
      assert.ok(Object.entries(labels).every(([file, items]) => !file.startsWith('negatives/') || items.length === 0), 'negatives carry no labels');
    }
    assert.ok(score.labelled >= 200, `${score.labelled} labelled codes of our catalogs`);
  });

  it('finds at least 98% of the labelled codes of our catalogs and their families', () => {
    assert.ok(score.found / score.labelled >= 0.98, `${score.found} of ${score.labelled} found\n${list(score.misses.filter((miss) => miss.actual === 'silent'))}`);
  });

  it('puts the right table\'s entry on top for at least 95% of them', () => {
    assert.ok(score.right / score.labelled >= 0.95, `${score.right} of ${score.labelled} right\n${list(score.misses)}`);
  });

  it('gives no wrong meaning: no code is explained as an entry it is not', () => {
    assert.deepEqual(list(score.wrongMeanings), '');
  });

  it('never explains another product\'s code as an entry of ours', () => {
    assert.deepEqual(list(score.claimedOtherProducts), '');
  });

  it('reports unknown codes of known families as such', () => {
    assert.ok(score.unknownNotReported.length <= 1, list(score.unknownNotReported));
  });

  it('finds nothing in other clouds\' errors, generic logs and prose, and nothing unlabelled anywhere', () => {
    assert.equal(score.negativeFindings, 0, list(score.falseAlarms));
    assert.deepEqual(list(score.falseAlarms), '');
  });
});
