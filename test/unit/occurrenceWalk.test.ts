/*
 * A document's findings walked in runs (ScannedDocument.walkOccurrences), as the server analyses a
 * document between other messages: the runs together hand exactly what `occurrences` gives, in the
 * same order, wherever they stop, for a text held in memory and for one read from disk. A text's
 * walk hands the decisions it keeps, so walking its findings again makes no object per finding.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ResolvedOccurrence, ScannedDocument, createLanguageService } from '../../server/src/core/index';
import { UTF8_BYTES } from '../../server/src/utf8Bytes';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const service = createLanguageService(catalogTexts());

/** Lines with codes of both providers, clues of origin, another cloud's error (no finding) and nothing. */
const LINES = [
  '2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  'INFO calling imm.cn-hangzhou.aliyuncs.com',
  'ERROR code=APIG.0201 message=Backend timeout.',
  'ERROR {"Code":"InvalidParameter.SourceURI.Empty","Message":"The parameter is empty.","RequestId":"1"}',
  'botocore.exceptions.ClientError: An error occurred (Throttling) when calling the Describe operation',
  'AIS.0101 AIS.0118 APIG.0201 AIP.0010 AIS.0101 AIS.0118 APIG.0201 AIP.0010',
  'DEBUG took 462 ms',
  '',
];

function describeFinding({ occurrence, resolution }: ResolvedOccurrence): string {
  return `${occurrence.line}:${occurrence.start}-${occurrence.end} ${occurrence.token} ${resolution.kind} ${resolution.ranked[0]?.entry.id ?? ''} ${resolution.established} ${resolution.origin?.clue.line ?? ''}`;
}

/**
 * Walks a document's findings in runs; `stops` says after how many questions each run stops
 * (cycled), and the runs are counted.
 */
function walkInRuns(document: ScannedDocument, stops: readonly number[]): { handed: ResolvedOccurrence[]; runs: number } {
  const handed: ResolvedOccurrence[] = [];
  const walk = document.walkOccurrences((found) => handed.push(found));
  let count = 0;
  for (;;) {
    let asked = 0;
    const stopAfter = stops.length === 0 ? Infinity : stops[count % stops.length];
    count++;
    if (walk.run(() => ++asked <= stopAfter)) {
      return { handed, runs: count };
    }
    assert.ok(count < 100_000, 'a walk that never ends');
  }
}

/** The same findings read from disk: each recorded into a disk document, as the disk read records them. */
function diskDocumentOf(findings: readonly ResolvedOccurrence[]): ScannedDocument {
  const document = service.createDiskDocument({ read: () => undefined, decode: UTF8_BYTES.decode });
  for (const found of findings) {
    document.record(found, false, true);
  }
  return document;
}

describe('a document\'s findings walked in runs', () => {
  it('hands what `occurrences` gives, in order, wherever the runs stop, from a text and from disk', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 400, size: 'max' }), fc.array(fc.nat({ max: 3 }), { maxLength: 5 }), (lines, stops) => {
        const text = service.createDocument(lines.join('\n'));
        const expected = [...text.occurrences()];
        const walked = walkInRuns(text, stops);
        assert.deepEqual(walked.handed.map(describeFinding), expected.map(describeFinding));
        assert.deepEqual(walkInRuns(diskDocumentOf(expected), stops).handed.map(describeFinding), expected.map(describeFinding));
      }),
      { numRuns: runs(60, 300), seed: 1130 },
    );
  });

  it('asks whether to go on after a number of findings, each run alike, and stops when told to', () => {
    const document = service.createDocument(Array.from({ length: 40 }, () => LINES[5]).join('\n'));
    const total = [...document.occurrences()].length;
    assert.equal(total, 320);
    let asked = 0;
    const handed: ResolvedOccurrence[] = [];
    const walk = document.walkOccurrences((found) => handed.push(found));
    assert.equal(walk.run(() => (asked++, false)), false);
    assert.equal(asked, 1);
    const perRun = handed.length;
    assert.ok(perRun > 0 && perRun < total, `${perRun} findings before the first question`);
    assert.equal(walk.run(() => true), true);
    assert.equal(handed.length, total, 'the next run goes on from where the first stopped');
    assert.equal(walk.run(() => true), true, 'a finished walk stays finished');
    assert.equal(handed.length, total);
    // Told to stop at every question: each run hands as many as the first did.
    assert.equal(walkInRuns(document, [0]).runs, Math.ceil(total / perRun));
  });

  it('hands the decisions a text keeps: walking its findings again makes no object per finding', () => {
    const document = service.createDocument(Array.from({ length: 8 }, () => LINES.join('\n')).join('\n'));
    const first = walkInRuns(document, []).handed;
    const again = walkInRuns(document, [1]).handed;
    assert.ok(first.length >= 20, `${first.length} findings`);
    assert.equal(again.length, first.length);
    again.forEach((found, index) => assert.equal(found, first[index], `finding ${index} handed again as it was kept`));
    // The generator hands the same decisions, and a hover reads the same one.
    [...document.occurrences()].forEach((found, index) => assert.equal(found, first[index]));
    const { occurrence } = first[3];
    assert.equal(document.occurrenceAt({ line: occurrence.line, character: occurrence.start }), first[3]);

    // An edit decides its line again, and the lines near it, whose evidence it may change; the
    // findings far from it (twice as far as a code's evidence reaches) keep their decisions.
    const FAR = 24;
    const edited = first[first.length - 1].occurrence.line;
    document.applyChanges([{ range: { start: { line: edited, character: 0 }, end: { line: edited, character: 0 } }, text: ' ' }]);
    const after = walkInRuns(document, []).handed;
    assert.equal(after.length, first.length);
    const far = after.filter((found) => found.occurrence.line < edited - FAR);
    assert.ok(far.length >= 10, `${far.length} findings far from the edit`);
    after.forEach((found, index) => {
      if (found.occurrence.line === edited) {
        assert.notEqual(found, first[index], `finding ${index}, on the edited line, decided again`);
      } else if (found.occurrence.line < edited - FAR) {
        assert.equal(found, first[index], `finding ${index}, far from the edit, kept`);
      }
    });
  });
});
