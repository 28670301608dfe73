/*
 * A document's findings walked in runs (ScannedDocument.walkOccurrences), as the server analyses a
 * document between other messages: the runs together hand exactly what `occurrences` gives, in the
 * same order, wherever they stop, for a text held in memory and for one read from disk. A text's
 * walk hands the decisions it keeps, so walking its findings again makes no object per finding;
 * and the codes it decided alike share one resolution.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AT_THE_CODE, Resolution, ResolvedOccurrence, ScannedDocument, createLanguageService, isShareable, sameResolution } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { UTF8_BYTES } from '../../server/src/utf8Bytes';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const SEVERITY = defaultSettings()['diagnostics.severity'];

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

describe('codes decided alike', () => {
  const SDK_ERROR = '2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}';

  it('share one resolution, whose clue, when it is the code itself, stands where each code does', () => {
    const HOST = 'INFO calling https://ocr.cn-north-4.myhuaweicloud.com/v2/123/ocr/general-text';
    const document = service.createDocument([SDK_ERROR, SDK_ERROR, HOST, SDK_ERROR, 'WARN failed: APIG.0201'].join('\n'));
    const found = [...document.occurrences()];
    const onLine = (line: number) => found.filter((item) => item.occurrence.line === line);
    // The SDK error's code is named by its own message next to it: the same on every such line.
    const [first] = onLine(0);
    assert.equal(first.resolution.origin?.clue.kind, 'message');
    assert.deepEqual([first.resolution.origin?.clue.line, first.resolution.origin?.clue.start], [AT_THE_CODE, AT_THE_CODE]);
    for (const line of [1, 3]) {
      assert.equal(onLine(line)[0].resolution, first.resolution, `line ${line}'s code shares line 0's resolution`);
    }
    // A code named by a clue elsewhere keeps where that clue stands, and its diagnostic says so.
    const [gateway] = onLine(4);
    assert.deepEqual([gateway.resolution.origin?.clue.kind, gateway.resolution.origin?.clue.line], ['sdk', 0]);
    const message = service.diagnostics(document, { language: 'en', severity: SEVERITY, maxCount: 10 }).diagnostics.find((item) => item.code === 'APIG.0201')?.message;
    assert.match(message ?? '', /on line 1\b/);

    // Bare codes are named by their own table: they share theirs, told apart from the SDK error's.
    const bare = [...service.createDocument('AIS.0101 AIS.0101\nAIS.0101').occurrences()];
    assert.equal(bare.length, 3);
    assert.deepEqual([bare[0].resolution.origin?.clue.kind, bare[0].resolution.origin?.clue.line], ['code', AT_THE_CODE]);
    bare.forEach((item) => assert.equal(item.resolution, bare[0].resolution));
    // Codes of one table decided the same way are still each their own entry.
    const timeout = 'ERROR code=APIG.0201 message=Backend timeout.';
    const two = [...service.createDocument([timeout, SDK_ERROR, timeout, SDK_ERROR].join('\n')).occurrences()];
    assert.deepEqual(two.map((item) => `${item.occurrence.token} ${item.resolution.ranked[0].entry.data.code} ${item.resolution.origin?.clue.kind}`), ['APIG.0201 APIG.0201 message', 'AIS.0101 AIS.0101 message', 'APIG.0201 APIG.0201 message', 'AIS.0101 AIS.0101 message']);
    assert.equal(two[2].resolution, two[0].resolution);
    assert.equal(two[3].resolution, two[1].resolution);
  });

  it('are decided again with new catalogs, not given the resolutions of the old ones', () => {
    const document = service.createDocument([SDK_ERROR, SDK_ERROR].join('\n'));
    const before = [...document.occurrences()];
    assert.equal(before[1].resolution, before[0].resolution);
    const reloaded = createLanguageService(catalogTexts());
    document.setIndex(reloaded.index);
    const after = [...document.occurrences()];
    assert.equal(after.length, 2);
    for (const item of after) {
      assert.notEqual(item.resolution, before[0].resolution);
      assert.equal(item.resolution.ranked[0].entry, reloaded.index.entry('huaweicloud-ocr:AIS.0101'), 'the new catalogs\' entry');
    }
  });
});

describe('resolutions codes may share', () => {
  const [found] = [...service.createDocument('2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}').occurrences()];
  const resolution = found.resolution;
  const origin = resolution.origin!;
  const [first] = resolution.ranked;
  const otherEntry = service.index.entry('huaweicloud-ocr:APIG.0201')!;

  it('are an entry\'s without bindings, drift, or a clue standing elsewhere', () => {
    assert.equal(isShareable(resolution), true);
    const not: Record<string, Resolution> = {
      'another kind': { ...resolution, kind: 'unknownCode' },
      'no candidates': { ...resolution, ranked: [] },
      bindings: { ...resolution, ranked: [{ ...first, bindings: { ParameterName: 'x' } }] },
      drift: { ...resolution, drift: { said: 'a', table: 'b' } },
      family: { ...resolution, family: { prefix: 'AIS.', provider: 'huaweicloud' } as Resolution['family'] },
      'another product': { ...resolution, otherProduct: { provider: 'huaweicloud' } },
      silence: { ...resolution, silence: 'noEvidence' },
      'a clue standing elsewhere': { ...resolution, origin: { ...origin, clue: { ...origin.clue, line: 3, start: 7 } } },
    };
    for (const [name, changed] of Object.entries(not)) {
      assert.equal(isShareable(changed), false, name);
    }
  });

  it('are the same only when every field is', () => {
    assert.equal(sameResolution(resolution, { ...resolution, ranked: [{ ...first }], origin: { ...origin, clue: { ...origin.clue } } }), true);
    const differing: Record<string, Resolution> = {
      evidence: { ...resolution, evidence: resolution.evidence === 'key' ? 'none' : 'key' },
      confident: { ...resolution, confident: !resolution.confident },
      established: { ...resolution, established: !resolution.established },
      suppressed: { ...resolution, suppressed: !resolution.suppressed },
      'another entry': { ...resolution, ranked: [{ ...first, entry: otherEntry }] },
      score: { ...resolution, ranked: [{ ...first, score: first.score + 1 }] },
      'message score': { ...resolution, ranked: [{ ...first, messageScore: first.messageScore / 2 }] },
      keyed: { ...resolution, ranked: [{ ...first, keyed: !first.keyed }] },
      'a second candidate': { ...resolution, ranked: [first, { ...first, entry: otherEntry }] },
      'no origin': { ...resolution, origin: undefined },
      'origin provider': { ...resolution, origin: { ...origin, provider: 'alibabacloud' } },
      'origin product': { ...resolution, origin: { ...origin, product: 'imm' } },
      'origin scope': { ...resolution, origin: { ...origin, scope: 'body' } },
      'clue provider': { ...resolution, origin: { ...origin, clue: { ...origin.clue, provider: 'alibabacloud' } } },
      'clue product': { ...resolution, origin: { ...origin, clue: { ...origin.clue, product: 'imm' } } },
      'clue kind': { ...resolution, origin: { ...origin, clue: { ...origin.clue, kind: 'code' } } },
      'clue text': { ...resolution, origin: { ...origin, clue: { ...origin.clue, text: 'AIS.0102' } } },
    };
    for (const [name, changed] of Object.entries(differing)) {
      assert.equal(sameResolution(resolution, changed), false, name);
      assert.equal(sameResolution(changed, resolution), false, `${name}, the other way round`);
    }
  });
});
