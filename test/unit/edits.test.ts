/*
 * Incremental edits: any sequence of LSP-style range changes applied to a CodeDocument leaves it
 * exactly as a fresh CodeDocument of the final text (same text, occurrences and chosen entries),
 * where the final text is computed independently by vscode-languageserver-textdocument. An edit
 * rescans only the lines it touches.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeDocument, TextChange, createLanguageService } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const service = createLanguageService(catalogTexts());

/** What a document found, in a form to compare: token, place, context and the entry chosen. */
function snapshot(document: CodeDocument): string[] {
  return [...document.occurrences()].map(
    ({ occurrence, resolution }) =>
      `${occurrence.line}:${occurrence.start}-${occurrence.end} ${occurrence.token} [${occurrence.context}] -> ${resolution.ranked[0].entry.id}` +
      ` (${resolution.evidence}${resolution.confident ? ', confident' : ''}; ${resolution.ranked.map((candidate) => candidate.entry.id).join(' ')})`,
  );
}

function hoverAll(document: CodeDocument): string[] {
  const hovers: string[] = [];
  for (const { occurrence } of document.occurrences()) {
    const hover = service.hover(document, { line: occurrence.line, character: occurrence.end }, 'en');
    assert.ok(hover, `a hover at the end of ${occurrence.token}`);
    hovers.push(hover.markdown);
  }
  return hovers;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const CODES = [
  'AIS.0101', 'APIG.0201', 'APIG.0308', 'ModelArts.4204', 'AIP.0010', 'InvalidParameter.SourceURI.Empty', 'QuotaExhausted.CU',
  'Throttling', 'InternalError', '462', '400', '503',
];
const PARTIAL = ['AIS.', '0101', 'APIG', '.0201', 'Invalid', 'Parameter.', 'Modal', 'Arts.42', '46', '2', 'Thrott', 'ling'];
const CONTEXT = [
  '"error_code": ', '"error_msg": "Backend timeout."', '"error_msg": "The request body is oversized."', '"Code": "', '"',
  'code=', 'status: ', '{', '}', '},', '[', ']', ', ', ' Invalid Input - image data error - gif image empty',
  'The request body is oversized.', 'Backend timeout.', 'case "', '" :', '<Code>', '</Code>', 'aliyun', 'huaweicloud',
];
const BREAKS = ['\n', '\r', '\r\n', '\n\n', '\r\r', '\n\r'];
const OTHER = [' ', '\t', 'x', '中文', '\u0000', '\ud83d\ude00', '\ud800', ''];

const fragment = fc.oneof(
  { arbitrary: fc.constantFrom(...CODES), weight: 4 },
  { arbitrary: fc.constantFrom(...PARTIAL), weight: 3 },
  { arbitrary: fc.constantFrom(...CONTEXT), weight: 3 },
  { arbitrary: fc.constantFrom(...BREAKS), weight: 4 },
  { arbitrary: fc.constantFrom(...OTHER), weight: 2 },
);
const insertion = fc.oneof(
  fc.array(fragment, { maxLength: 5 }).map((pieces) => pieces.join('')),
  // A line break leading the insertion, to meet a CR left at the end of the line before.
  fc.tuple(fc.constantFrom(...BREAKS), fc.array(fragment, { maxLength: 3 })).map(([lineBreak, pieces]) => lineBreak + pieces.join('')),
);
/** Lines as error bodies and logs have them, so a code and its message often stand on sibling lines. */
const LINES = [
  '{', '}', '},', '  "error_code": "APIG.0201",', '  "error_msg": "Backend timeout."', '  "error_msg": "The request body is oversized.",',
  '  "status": 400,', '  "Code": "InvalidParameter.SourceURI.Empty"', 'code=462', 'Invalid Input - image data error - gif image empty',
  'AIS.0101', 'APIG.0201 Backend timeout.', '', 'INFO nothing here',
];
const lineText = fc.oneof({ arbitrary: fc.constantFrom(...LINES), weight: 3 }, { arbitrary: fc.array(fragment, { maxLength: 6 }).map((pieces) => pieces.join('')), weight: 1 });
const initialText = fc.oneof(
  fc.array(fragment, { maxLength: 40 }).map((pieces) => pieces.join('')),
  fc
    .array(fc.tuple(lineText, fc.constantFrom(...BREAKS, '\n', '\n', '\r\n')), { maxLength: 16 })
    .map((lines) => lines.map(([text, lineBreak]) => text + lineBreak).join('')),
);

/** A position resolved against the text at the time of the edit: a line (modulo the line count, or far past the end) and a character. */
const place = fc.record({
  line: fc.oneof({ arbitrary: fc.nat({ max: 40 }), weight: 9 }, { arbitrary: fc.constant(10_000), weight: 1 }),
  character: fc.oneof(fc.nat({ max: 12 }), fc.constant(0), fc.constant(1_000)),
});

type Edit =
  | { kind: 'range'; start: { line: number; character: number }; end: { line: number; character: number }; text: string }
  | { kind: 'full'; text: string }
  | { kind: 'query' };

const lineStart = fc.nat({ max: 40 }).map((line) => ({ line, character: 0 }));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('range' as const), start: place, end: place, text: insertion }), weight: 12 },
  // Edits at the start of a line, where a CR ending the line before can meet an LF.
  { arbitrary: fc.record({ kind: fc.constant('range' as const), start: lineStart, end: fc.oneof(lineStart, place), text: insertion }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('full' as const), text: initialText }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'query' as const }), weight: 3 },
);

/** Turns a place into an LSP position of the current text (possibly past a line's or the document's end). */
function toPosition(reference: TextDocument, at: { line: number; character: number }): { line: number; character: number } {
  return { line: at.line >= 10_000 ? at.line : at.line % (reference.lineCount + 1), character: at.character };
}

// ---------------------------------------------------------------------------------------------

describe('incremental edits of a CodeDocument', () => {
  it('give the same text, occurrences and choices as a fresh document of the final text', () => {
    fc.assert(
      fc.property(initialText, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (initial, batches) => {
        const document = service.createDocument(initial);
        let reference = TextDocument.create('file:///t.log', 'log', 0, initial);
        let version = 0;
        for (const batch of batches) {
          const changes: TextChange[] = [];
          for (const item of batch) {
            if (item.kind === 'query') {
              continue;
            }
            // Changes of one notification apply in order, each against the text the previous left.
            const change: TextChange =
              item.kind === 'full' ? { text: item.text } : { range: { start: toPosition(reference, item.start), end: toPosition(reference, item.end) }, text: item.text };
            reference = TextDocument.update(reference, [change], ++version);
            changes.push(change);
          }
          document.applyChanges(changes);
          assert.equal(document.getText(), reference.getText());
          assert.equal(document.lineCount, reference.lineCount);
          if (batch.some((item) => item.kind === 'query') || batches.length % 2 === 0) {
            // Resolve now, so stale cached resolutions would show in the end.
            snapshot(document);
          }
        }
        const fresh = service.createDocument(reference.getText());
        assert.equal(document.getText(), reference.getText());
        assert.equal(document.lineCount, reference.lineCount);
        for (let line = 0; line < reference.lineCount; line++) {
          const expected = reference.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
          assert.equal(document.lineText(line), expected, `line ${line}`);
        }
        assert.deepEqual(snapshot(document), snapshot(fresh));
        assert.deepEqual(hoverAll(document), hoverAll(fresh));
      }),
      { numRuns: runs(600, 3000), seed: 3001 },
    );
  });

  it('handle the line-break cases one by one', () => {
    const cases: [string, TextChange[], string][] = [
      // A lone CR before an inserted LF becomes one CRLF break.
      ['AIS.0101\rAPIG.0201', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }], 'AIS.0101\r\nAPIG.0201'],
      // Deleting the text between a CR and an LF joins them.
      ['a\rb\nAIS.0101', [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '' }], 'a\r\nAIS.0101'],
      // Splitting a code with a line break, then joining it again.
      ['xAIS.0101x', [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '\r\n' }], 'xAIS.\r\n0101x'],
      ['AIS.\r\n0101', [{ range: { start: { line: 0, character: 4 }, end: { line: 1, character: 0 } }, text: '' }], 'AIS.0101'],
      // A range past the end of the line and of the document.
      ['AIS.0101\nb', [{ range: { start: { line: 0, character: 99 }, end: { line: 9, character: 9 } }, text: ' APIG.0201' }], 'AIS.0101 APIG.0201'],
      // A reversed range.
      ['abc AIS.0101', [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 0 } }, text: 'X' }], 'X AIS.0101'],
      // Inserting a CR at the end of a line that ends with LF makes it CRLF.
      ['AIS.0101\nAPIG.0201', [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } }, text: '\r' }], 'AIS.0101\r\nAPIG.0201'],
      // Removing the last line break.
      ['AIS.0101\r\n', [{ range: { start: { line: 0, character: 8 }, end: { line: 1, character: 0 } }, text: '' }], 'AIS.0101'],
    ];
    for (const [initial, changes, expected] of cases) {
      const document = service.createDocument(initial);
      snapshot(document);
      document.applyChanges(changes);
      const reference = TextDocument.update(TextDocument.create('file:///t.log', 'log', 0, initial), changes, 1);
      assert.equal(reference.getText(), expected, 'the reference agrees with the expectation');
      assert.equal(document.getText(), expected);
      assert.deepEqual(snapshot(document), snapshot(service.createDocument(expected)));
    }
  });

  it('re-resolve a code whose sibling message changes a few lines away', () => {
    const text = ['{', '  "error_code": "APIG.0201",', '  "error_msg": "Backend timeout."', '}'].join('\n');
    const document = service.createDocument(text);
    assert.deepEqual([...document.occurrences()].map(({ resolution }) => resolution.ranked[0].entry.id), ['huaweicloud-ocr:APIG.0201']);
    document.applyChanges([{ range: { start: { line: 2, character: 16 }, end: { line: 2, character: 32 } }, text: 'The request body is oversized.' }]);
    assert.deepEqual([...document.occurrences()].map(({ resolution }) => resolution.ranked[0].entry.id), ['huaweicloud-image-recognition:APIG.0201']);
  });

  it('rescan only the lines an edit touches, in a large document', () => {
    const lines = Array.from({ length: 200_000 }, (_, line) => (line % 7 === 0 ? `${line} ERROR {"error_code": "AIS.0101", "error_msg": "x"}` : `${line} INFO ok`));
    const document = service.createDocument(lines.join('\n'));
    assert.equal(document.linesScanned, lines.length);
    const before = [...document.occurrences()].length;
    const edits: [TextChange, number][] = [
      // Typing one character in the middle of a line.
      [{ range: { start: { line: 100_000, character: 3 }, end: { line: 100_000, character: 3 } }, text: 'x' }, 1],
      // Typing a code.
      [{ range: { start: { line: 150_001, character: 0 }, end: { line: 150_001, character: 0 } }, text: 'APIG.0201 ' }, 1],
      // Splitting a line in two.
      [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } }, text: '\r\n' }, 2],
      // Joining two lines.
      [{ range: { start: { line: 70_000, character: 1_000 }, end: { line: 70_001, character: 0 } }, text: '' }, 1],
      // Replacing three lines with one.
      [{ range: { start: { line: 10, character: 0 }, end: { line: 12, character: 4 } }, text: 'APIG.0308 ' }, 1],
      // At the very end and past it.
      [{ range: { start: { line: 999_999, character: 0 }, end: { line: 999_999, character: 0 } }, text: '\nAIS.0101' }, 2],
    ];
    for (const [change, expectedLines] of edits) {
      const scannedBefore = document.linesScanned;
      document.applyChanges([change]);
      assert.equal(document.linesScanned - scannedBefore, expectedLines, JSON.stringify(change));
      // Reading every occurrence again rescans nothing.
      Array.from(document.occurrences());
      assert.equal(document.linesScanned - scannedBefore, expectedLines);
    }
    assert.equal([...document.occurrences()].length, before + 3);
  });

  it('within a long line (over 64 K characters) find and decide what a fresh document of the final text does', () => {
    // A long line is rescanned only around an edit; its other codes keep their places (moved by the
    // edit's length) and their decisions. Edits land near each other and far apart, in one line.
    const unit = fc.array(fragment.filter((piece) => !/[\r\n]/.test(piece)), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''));
    // Lines of 90 K characters have a part beyond what the document reads of a long line for its clues.
    const longLine = fc.tuple(fc.array(unit, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '\n', '\r\n', '\nAIS.0101\n'), fc.constantFrom(70_000, 90_000)).map(([units, after, length]) => {
      let line = '';
      for (let at = 0; line.length < length; at++) {
        line += units[at % units.length] + ' ';
      }
      return line + after;
    });
    const sameLineEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), removed: fc.nat({ max: 12 }), text: unit });
    fc.assert(
      fc.property(longLine, fc.array(sameLineEdit, { minLength: 1, maxLength: 4 }), (initial, edits) => {
        const document = service.createDocument(initial);
        let reference = TextDocument.create('file:///long.log', 'log', 0, initial);
        // Every decision made before the edits, so those the edits reach must be made again.
        snapshot(document);
        for (const [index, { at, removed, text }] of edits.entries()) {
          const length = reference.getText().split(/\r\n|\r|\n/)[0].length;
          const start = Math.floor(at * length);
          const change = { range: { start: { line: 0, character: start }, end: { line: 0, character: Math.min(length, start + removed) } }, text };
          document.applyChanges([change]);
          reference = TextDocument.update(reference, [change], index + 1);
        }
        assert.equal(document.getText(), reference.getText());
        const fresh = service.createDocument(reference.getText());
        assert.deepEqual(snapshot(document), snapshot(fresh));
        assert.deepEqual(document.clueTally(), fresh.clueTally());
      }),
      { numRuns: runs(12, 60), seed: 3003 },
    );
  });

  it('within a long line, leave the document clue tally alone only for edits beyond the part the document reads', () => {
    // The document takes the clues of a long line's first 64 K characters, and the votes of its codes
    // there. An edit near them tallies the document again; one far beyond them keeps the tally.
    let line = '';
    while (line.length < 100_000) {
      line += 'InternalError retrying; AIS.0101 seen ';
    }
    const document = service.createDocument(`${line}\nInternalError\n`);
    const fresh = () => service.createDocument(document.getText());
    const tallyBefore = document.clueTally();
    const insert = (character: number, text: string) => document.applyChanges([{ range: { start: { line: 0, character }, end: { line: 0, character } }, text }]);

    insert(60_000, ' POST https://imm.cn-hangzhou.aliyuncs.com ');
    const tallyNear = document.clueTally();
    assert.notDeepEqual(tallyNear, tallyBefore, 'the host inserted within the part read is a clue of the document');
    assert.deepEqual(tallyNear, fresh().clueTally());
    assert.deepEqual(snapshot(document), snapshot(fresh()));

    insert(95_000, ' POST https://ocr.cn-north-4.myhuaweicloud.com ');
    assert.strictEqual(document.clueTally(), tallyNear, 'an edit beyond the part read keeps the tally itself');
    assert.deepEqual(document.clueTally(), fresh().clueTally());
    assert.deepEqual(snapshot(document), snapshot(fresh()));
  });

  it('rescan at most the lines of the replacement for any single edit', () => {
    fc.assert(
      fc.property(initialText, place, place, insertion, (initial, start, end, inserted) => {
        const document = service.createDocument(initial);
        const reference = TextDocument.create('file:///t.log', 'log', 0, initial);
        const change = { range: { start: toPosition(reference, start), end: toPosition(reference, end) }, text: inserted };
        const scannedBefore = document.linesScanned;
        document.applyChanges([change]);
        const breaks = (inserted.match(/\r\n|\r|\n/g) ?? []).length;
        // The replacement's own lines, plus one when a CR left before the edit joins an inserted LF.
        assert.ok(document.linesScanned - scannedBefore <= breaks + 2, `${document.linesScanned - scannedBefore} lines for ${JSON.stringify(change)}`);
        assert.equal(document.getText(), TextDocument.update(reference, [change], 1).getText());
      }),
      { numRuns: runs(100, 500), seed: 3002 },
    );
  });
});
