/*
 * A document's clues tallied in slices (CodeDocument.tallyDocumentClues), as the server tallies
 * those of a large text: decisions made meanwhile with the clues tallied so far are provisional,
 * are made again once all are known, and end the same as a fresh document's, whatever the slices
 * and the edits between them.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CodeDocument, ResolvedOccurrence, createLanguageService } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const service = createLanguageService(catalogTexts());

function said(found: Iterable<ResolvedOccurrence>): string[] {
  return [...found].map(({ occurrence, resolution }) => `${occurrence.line} ${occurrence.token} ${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind}`);
}

/** Lines with nothing in them: a slice of the tally reads about a thousand lines. */
function filler(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `INFO worker ${index} finished its batch`);
}

/** Go on with the clues tallied so far, tallying none. */
const GO_ON = { tallyWhile: () => false };

/** Tallies one slice: `keepGoing` says yes the first time it is asked, and no after. */
function tallyOneSlice(document: CodeDocument): boolean {
  let asked = 0;
  return document.tallyDocumentClues(() => asked++ === 0);
}

describe('a document\'s clues tallied in slices', () => {
  // APIG.0201 is in two tables; AIP.0010, far below it, is Image Recognition's alone and so makes
  // the document favour Image Recognition. Until the tally reaches it, OCR is the likelier table.
  const lines = ['error_code=APIG.0201', ...filler(5000), 'error_code=AIP.0010'];
  const final = ['0 APIG.0201 huaweicloud-image-recognition:APIG.0201', '5001 AIP.0010 huaweicloud-image-recognition:AIP.0010'];

  it('decides with the clues tallied so far when asked to, and again once all are known', () => {
    const document = service.createDocument(lines.join('\n'));
    assert.equal(tallyOneSlice(document), false);
    assert.deepEqual(said(document.occurrences(GO_ON)), ['0 APIG.0201 huaweicloud-ocr:APIG.0201', '5001 AIP.0010 huaweicloud-image-recognition:AIP.0010']);
    assert.equal(document.hasProvisionalDecisions, true);
    // A hover never shows a provisional decision: it tallies what is left.
    const hover = service.hover(document, { line: 0, character: 13 }, 'en')!.markdown;
    assert.match(hover, /Image Recognition/);
    assert.equal(document.tallyDocumentClues(() => true), true);
    assert.equal(document.hasProvisionalDecisions, false);
    assert.deepEqual(said(document.occurrences(GO_ON)), final);
    assert.deepEqual(said(document.occurrences()), final);
  });

  it('goes on from where a slice stopped, and decides with all the clues when not told to go on without them', () => {
    const document = service.createDocument(lines.join('\n'));
    let slices = 1;
    while (!tallyOneSlice(document)) {
      slices++;
    }
    assert.equal(slices, 5, 'about a thousand lines a slice');
    assert.deepEqual(said(document.occurrences(GO_ON)), final);
    assert.equal(document.hasProvisionalDecisions, false);

    // After an edit, the lines before it stay tallied: the tally goes on from the edit.
    document.applyChanges([{ range: { start: { line: 4500, character: 0 }, end: { line: 4500, character: 0 } }, text: 'from huaweicloudsdkocr.v1 import OcrClient\n' }]);
    assert.equal(tallyOneSlice(document), true, 'the last 500 lines in one slice');
    document.applyChanges([{ text: lines.join('\n') }]);
    assert.equal(tallyOneSlice(document), false, 'a new text is tallied from its start');

    const untallied = service.createDocument(lines.join('\n'));
    assert.deepEqual(said(untallied.occurrences()), final);
    assert.equal(untallied.tallyDocumentClues(() => false), true, 'a final decision tallied them all');
  });

  it('tallies for a code that asks while `tallyWhile` says so, and goes on with what that reached', () => {
    const decided = (at: number) => {
      const text = filler(5000);
      text[0] = 'error_code=APIG.0201';
      text[at] = 'error_code=AIP.0010';
      let asked = 0;
      const document = service.createDocument(text.join('\n'));
      const found = said(document.occurrences({ tallyWhile: () => asked++ < 2 }));
      assert.equal(document.hasProvisionalDecisions, true);
      return found[0];
    };
    // Two slices of about a thousand lines each reach line 1500, not line 2500.
    assert.equal(decided(1500), '0 APIG.0201 huaweicloud-image-recognition:APIG.0201');
    assert.equal(decided(2500), '0 APIG.0201 huaweicloud-ocr:APIG.0201');
  });

  it('tallies nothing for a document none of whose codes read its clues', () => {
    // The SDK on the code's own line names its product: the document is not asked.
    const document = service.createDocument(['[huaweicloudsdkocr] error_code=AIS.0101', ...filler(5000)].join('\n'));
    assert.deepEqual(said(document.occurrences({ tallyWhile: () => true })), ['0 AIS.0101 huaweicloud-ocr:AIS.0101']);
    assert.equal(document.hasProvisionalDecisions, false);
    assert.equal(tallyOneSlice(document), false, 'not tallied yet');
  });

  it('ends with a fresh document\'s decisions, whatever the slices, provisional decisions and edits between them', () => {
    const pool = ['error_code=APIG.0201', 'error_code=AIP.0010', 'from huaweicloudsdkocr.v1 import OcrClient', 'POST https://image.cn-north-4.myhuaweicloud.com/v2/x/image/tagging', 'INFO nothing here', ''];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('slice' as const) }),
      fc.record({ kind: fc.constant('provisional' as const) }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(2999), text: fc.constantFrom(...pool), lines: fc.nat(2) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2999), fc.constantFrom(...pool)), { maxLength: 6 }), fc.array(step, { maxLength: 12 }), (placed, steps) => {
        const text = filler(3000);
        for (const [at, line] of placed) {
          text[at] = line;
        }
        const document = service.createDocument(text.join('\n'));
        for (const action of steps) {
          if (action.kind === 'slice') {
            tallyOneSlice(document);
          } else if (action.kind === 'provisional') {
            Array.from(document.occurrences(GO_ON));
          } else {
            const line = Math.min(action.at, document.lineCount - 1);
            const end = Math.min(line + action.lines, document.lineCount - 1);
            document.applyChanges([{ range: { start: { line, character: 0 }, end: { line: end, character: document.lineText(end).length } }, text: action.text }]);
          }
        }
        assert.equal(document.tallyDocumentClues(() => true), true);
        const fresh = service.createDocument(document.getText());
        assert.deepEqual(said(document.occurrences(GO_ON)), said(fresh.occurrences()));
        assert.deepEqual(document.clueTally(), fresh.clueTally());
      }),
      { numRuns: runs(25, 200), seed: 7307 },
    );
  });
});
