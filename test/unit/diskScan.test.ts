/*
 * Reading from disk: the first pass that tallies a document's clues, the line index the stream
 * scanner reports, findings kept compactly, documents read from disk (decided as an open document
 * decides, read on when the file grows, read anew when it changes otherwise), and gzip files.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { ResolvedOccurrence, createLanguageService, findTokenStarts, scanPieceLines } from '../../server/src/core/index';
import { DiskReading, NotReadableFromDisk, inspectFile } from '../../server/src/diskReading';
import { scanFile } from '../../server/src/fileScan';
import { UTF8_BYTES } from '../../server/src/utf8Bytes';
import { builtInService } from '../support/corpus';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';
import { streamText, utf8StreamScanner } from '../support/streaming';

const service = createLanguageService(catalogTexts());
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-disk-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Lines that hold codes, clues of origin of both providers and of another cloud, and neither. */
const LINES = [
  '2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  'INFO calling https://ocr.cn-north-4.myhuaweicloud.com/v2/123/ocr/general-text',
  'INFO calling imm.cn-hangzhou.aliyuncs.com',
  'WARN failed: APIG.0201',
  'ERROR code=APIG.0201 message=Backend timeout.',
  'ERROR {"Code":"InvalidParameter.SourceURI.Empty","Message":"The parameter is empty.","RequestId":"1"}',
  'ERROR Code: Throttling',
  'ERROR AIS.0118 happened',
  'botocore.exceptions.ClientError: An error occurred (Throttling) when calling the Describe operation',
  '请求失败 AIS.0101 参数错误',
  'DEBUG took 462 ms',
  '',
  '  "error_code": "APIG.0308",',
  '  "error_msg": "The request exceeds the default rate limit of the service."',
];

const lineArbitrary = fc.constantFrom(...LINES);
const documentArbitrary = fc.record({
  lines: fc.array(lineArbitrary, { minLength: 1, maxLength: 60 }),
  ending: fc.constantFrom('\n', '\r\n', '\r'),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
});

function describeFinding({ occurrence, resolution }: ResolvedOccurrence): string {
  return `${occurrence.line}:${occurrence.start}-${occurrence.end} ${occurrence.token} ${resolution.kind} ${resolution.ranked[0]?.entry.id ?? ''} ${resolution.established} ${resolution.origin?.clue.kind ?? ''}:${resolution.origin?.clue.line ?? ''}:${resolution.origin?.clue.text ?? ''}`;
}

function pieces(bytes: Buffer, cuts: number[]): Buffer[] {
  const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const result: Buffer[] = [];
  let last = 0;
  for (const position of [...positions, bytes.length]) {
    result.push(bytes.subarray(last, position));
    last = position;
  }
  return result;
}

let fileCount = 0;
function writeFile(content: string | Buffer, name = `doc-${fileCount++}.log`): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Reads a file as the server does, and waits until every decision is final. */
async function readFromDisk(file: string): Promise<DiskReading> {
  const reading = new DiskReading(service, await inspectFile(file), () => undefined, (message) => assert.fail(message));
  reading.readAll(service);
  await settled(reading);
  return reading;
}

async function settled(reading: DiskReading): Promise<void> {
  // The findings come first; the provisional lines are decided again after them.
  await reading.ready;
  for (let round = 0; round < 100 && (reading.document.provisional.size > 0 || reading.scanning); round++) {
    await new Promise((resolve) => setImmediate(resolve));
    await reading.ready;
  }
  await (reading as unknown as { work: Promise<void> }).work;
}

describe('the first pass over a document\'s bytes', () => {
  it('tallies the clues an open document tallies, for any chunking and line ending', () => {
    fc.assert(
      fc.property(documentArbitrary, ({ lines, ending, cuts }) => {
        const text = lines.join(ending);
        const tally = service.createClueTally(UTF8_BYTES);
        for (const piece of pieces(Buffer.from(text, 'utf8'), cuts)) {
          tally.push(piece);
        }
        tally.end();
        const expected = service.documentClues(text).map((clue) => ({ ...clue }));
        assert.deepEqual(tally.result(), expected, JSON.stringify(text));
      }),
      { numRuns: runs(40, 200), seed: 4101 },
    );
  });

  it('tells the clues so far, the unfinished last line with them, and goes on after', () => {
    const tally = service.createClueTally(UTF8_BYTES);
    tally.push(Buffer.from(`${LINES[1]}\nINFO imm.cn-hangzhou`));
    const snapshot = tally.snapshot();
    assert.deepEqual(snapshot.map((clue) => `${clue.provider}/${clue.product}`), ['huaweicloud/ocr', 'huaweicloud/ocr']);
    tally.push(Buffer.from('.aliyuncs.com\n'));
    tally.end();
    assert.ok(tally.result().some((clue) => clue.product === 'imm' && clue.kind === 'host'));
  });
});

describe('the stream scanner reading a file', () => {
  it('reports where each line starts in the file, and its decisions with the text of their line', () => {
    const text = `a\r\nAIS.0101 x\rb\n\n请求 AIS.0101\n`;
    const starts: [number, number][] = [];
    const found: { line: number; text: string }[] = [];
    const scanner = service.createStreamScanner({ ...UTF8_BYTES, firstByte: 3, onLine: (line, start) => starts.push([line, start]) });
    const bytes = Buffer.from(text, 'utf8');
    for (const piece of pieces(bytes, [1, 4, 9, 17])) {
      scanner.push(piece, (item, details) => found.push({ line: item.occurrence.line, text: details.lineText }));
    }
    scanner.end((item, details) => found.push({ line: item.occurrence.line, text: details.lineText }));
    const offsets = [0, 3, 14, 16, 17].map((offset) => offset + 3);
    assert.deepEqual(starts, offsets.map((offset, line) => [line, offset]));
    assert.deepEqual(found, [
      { line: 1, text: 'AIS.0101 x' },
      { line: 4, text: '请求 AIS.0101' },
    ]);
  });
});

describe('a line longer than the stream scanner keeps whole', () => {
  it('gives the document the clues and votes of its first 64 K characters, as an open document takes them', () => {
    // The code's own part of the line names no product; the line's start names the SDK.
    const text = `2024-06-02 ERROR huaweicloudsdkocr recognize failed ${'x '.repeat(1500)} error_code=ModelArts.4101\n`;
    const builtIn = builtInService();
    const decided = ({ occurrence, resolution }: ResolvedOccurrence) => `${occurrence.token} ${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind}`;
    const editor = [...builtIn.createDocument(text).occurrences()].map(decided);
    assert.deepEqual(editor, ['ModelArts.4101 huaweicloud-ocr:ModelArts.4101']);
    // Lines over 1 KB are cut into slices; the bytes come in pieces shorter than that.
    const scanner = utf8StreamScanner(builtIn, 1024);
    const found: ResolvedOccurrence[] = [];
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; at += 256) {
      scanner.push(bytes.subarray(at, at + 256), (item) => found.push(item));
    }
    scanner.end((item) => found.push(item));
    assert.deepEqual(found.map(decided), editor);
  });
});

describe('an over-long line, read slice by slice', () => {
  const builtIn = builtInService();
  // Records of a joined log or a minified export: clues of both providers, codes with and without their messages.
  const RECORDS = [
    '2024-06-02 00:00:01,100 INFO huaweicloudsdkocr - recognize_general_text done in 200 ms',
    '2024-06-02 00:00:01,200 ERROR [aliyun-python-sdk-imm] - Caused by: {"Code":"MissingNotifyTopicName","Message":"NotifyTopicName is mandatory for this action."}',
    '{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
    'POST https://ocr.cn-north-4.myhuaweicloud.com/v2/ocr/general-text 400 {"error_code": "ModelArts.4204", "error_msg": "The service has not been subscribed."}',
    'POST https://imm.cn-hangzhou.aliyuncs.com/ 400 {"Code": "InvalidParameter.SourceURI.Empty", "Message": "The parameter SourceURI is empty."}',
    '10.0.0.1 - - [02/Jun/2024:00:05:53 +0000] "POST /v2/ocr HTTP/1.1" 503 73696 "-" "python-requests/2.31.0"',
    'WARN c.e.ocr.OcrService - slow call: 462 ms (threshold 400 ms), InternalError counters reset',
    'ERROR c.e.ocr.MarketOcr [X-Ca-Error-Message] - market OCR failed status=403 forbidden',
    '识别失败，错误码 AIS.0101，参数无效 😀',
    'code=461 message=Invalid Input - image data error - gif image empty',
    'INFO nothing to report here, batch 4021 processed in 404 ms',
  ];
  const decided = ({ occurrence, resolution }: ResolvedOccurrence) =>
    `${occurrence.line}:${occurrence.start} ${occurrence.token} ${resolution.kind === 'entry' ? resolution.ranked[0].entry.id : resolution.kind} ${resolution.evidence} ${resolution.origin?.clue.text ?? ''}`;

  it('cuts a line of bytes that are no UTF-8 at all, and finds the codes around it', () => {
    // A run of continuation bytes, longer than both readers keep whole, has no character start to cut at: it is cut where it is.
    const bytes = Buffer.concat([Buffer.from('AIS.0101 before\n'), Buffer.alloc(600_000, 0x80), Buffer.from('\nAIS.0101 after\n')]);
    const found: string[] = [];
    const scanner = utf8StreamScanner(builtIn, 1024);
    const record = ({ occurrence }: ResolvedOccurrence) => found.push(`${occurrence.line}:${occurrence.token}`);
    for (let at = 0; at < bytes.length; at += 700) {
      scanner.push(bytes.subarray(at, at + 700), record);
    }
    scanner.end(record);
    assert.deepEqual(found, ['0:AIS.0101', '2:AIS.0101']);
    const tally = builtIn.createClueTally({ ...UTF8_BYTES, maxLineLength: 1024 });
    tally.push(bytes);
    tally.end();
    assert.ok(Array.isArray(tally.result()));
  });

  it('decides each code as an open document of the same text does, wherever the slices and pieces fall', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...RECORDS), { minLength: 60, maxLength: 160 }), fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(1024, 5000, 20_000), (records, cuts, maxLineLength) => {
        const text = `${records.join(' ; ')}\nAIS.0101 after\n`;
        const editor = [...builtIn.createDocument(text).occurrences()].map(decided);
        assert.deepEqual(streamText(builtIn, text, cuts, maxLineLength).map(decided), editor);
      }),
      { numRuns: runs(15, 60), seed: 2031 },
    );
  });
});

describe('the lines of a piece scanned by another thread', () => {
  const findAll = (chunks: Buffer[], elsewhere: boolean): string[] => {
    const found: string[] = [];
    const scanner = service.createStreamScanner({ ...UTF8_BYTES, reportSuppressed: true });
    const record = (item: ResolvedOccurrence) => found.push(describeFinding(item));
    for (const chunk of chunks) {
      scanner.push(chunk, record, elsewhere ? scanPieceLines(chunk, service.index, UTF8_BYTES) : undefined);
    }
    scanner.end(record);
    return found;
  };

  it('give the stream scanner the findings it finds itself, for any chunking and line ending', () => {
    fc.assert(
      fc.property(documentArbitrary, ({ lines, ending, cuts }) => {
        const chunks = pieces(Buffer.from(lines.join(ending), 'utf8'), cuts);
        assert.deepEqual(findAll(chunks, true), findAll(chunks, false));
      }),
      { numRuns: runs(40, 200), seed: 4103 },
    );
  });

  it('make the occurrences scanLine makes, field by field, for lines of every kind', () => {
    // Codes under keys, unlisted values, family codes, numbers with their messages, diagnosis links,
    // escapes and Chinese text, in one piece with every line ending.
    const text = [
      '{"error_code": "AIS.0101", "error_msg": "x"}',
      '请求失败 {"Code":"InvalidInstanceId.Malformed","Message":"bad"}',
      'status=403 Forbidden AIS.0118 \x1b[1;31mModelArts.4204\x1b[0m',
      'Recommend: https://api.aliyun.com/troubleshoot?q=InternalError&product=Imm',
      'code: 461 message: 图片过大 InternalError',
      '',
    ].join('\r\n') + LINES.join('\r') + '\n' + LINES.join('\n');
    const bytes = Buffer.from(text, 'utf8');
    const occurrences = (scans: boolean) => {
      const found: ResolvedOccurrence[] = [];
      const scanner = service.createStreamScanner({ ...UTF8_BYTES, reportSuppressed: true });
      scanner.push(bytes, (item) => found.push(item), scans ? scanPieceLines(bytes, service.index, UTF8_BYTES, 16) : undefined);
      scanner.end((item) => found.push(item));
      return found.map((item) => item.occurrence);
    };
    const elsewhere = occurrences(true);
    assert.deepStrictEqual(elsewhere, occurrences(false));
    assert.ok(elsewhere.some((occurrence) => occurrence.unlisted) && elsewhere.some((occurrence) => occurrence.family) && elsewhere.some((occurrence) => occurrence.key !== undefined));
    assert.ok(elsewhere.length >= 8, `${elsewhere.length} occurrences`);
  });

  it('find in a piece read part by part the token starts of the piece whole', () => {
    // Lines of every length around a part's, with escapes, dots, CR and non-ASCII bytes.
    const bits = ['AIS.0101', ' ', '..', 'x', '\x1b[1;31m', '\r', '请求', 'ModelArts.4204', '"error_code":', 'a'.repeat(40), '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...bits), { maxLength: 60 }), fc.integer({ min: 1, max: 64 }), (parts, partBytes) => {
        const bytes = Buffer.from(parts.join(''), 'utf8');
        assert.deepEqual([...scanPieceLines(bytes, service.index, UTF8_BYTES, partBytes).starts], [...findTokenStarts(bytes.toString('latin1'), service.index)]);
      }),
      { numRuns: runs(40, 200), seed: 4104 },
    );
  });
});

describe('findings kept compactly', () => {
  it('of provisional lines decided again take their lines\' places, and say whether any was decided otherwise', () => {
    const text = LINES.join('\n').repeat(3);
    const all = [...service.createDocument(text).occurrences()];
    const lines = [...new Set(all.map((item) => item.occurrence.line))];
    const chosen = new Set(lines.filter((_, index) => index % 2 === 1));
    assert.ok(chosen.size >= 3 && chosen.size < lines.length, `${chosen.size} of ${lines.length} lines`);
    const provisionalDocument = () => {
      const document = service.createDiskDocument({ read: () => undefined, decode: UTF8_BYTES.decode });
      for (const item of all) {
        document.record(item, chosen.has(item.occurrence.line), false);
      }
      assert.deepEqual([...document.provisional].sort((a, b) => a - b), [...chosen]);
      return document;
    };
    const region = { from: 0, to: lines[lines.length - 1], lines: chosen };

    // Decided again the same way, given with the other lines' findings around them: nothing changed.
    const same = provisionalDocument();
    const again = same.redecision(region);
    for (const item of all) {
      again.add(item);
    }
    assert.equal(again.finish(), false);
    assert.deepEqual([...same.occurrences()].map(describeFinding), all.map(describeFinding));
    assert.equal(same.provisional.size, 0);

    // One chosen line's codes decided otherwise (a shape the table did not hold); another's gone.
    const [otherwise, dropped] = [...chosen];
    const cases = {
      'decided otherwise': all.map((item) => (item.occurrence.line === otherwise ? { ...item, resolution: { ...item.resolution, established: !item.resolution.established } } : item)),
      'no longer found': all.filter((item) => item.occurrence.line !== dropped),
    };
    for (const [name, expected] of Object.entries(cases)) {
      const changed = provisionalDocument();
      const changedAgain = changed.redecision(region);
      for (const item of expected) {
        changedAgain.add(item);
      }
      assert.equal(changedAgain.finish(), true, name);
      assert.deepEqual([...changed.occurrences()].map(describeFinding), expected.map(describeFinding), name);
      assert.equal(changed.provisional.size, 0, name);
    }
  });

  it('give back what was put in, find by position, and drop or replace lines', () => {
    const text = LINES.join('\n').repeat(3);
    const all = [...service.createDocument(text).occurrences()];
    const document = service.createDiskDocument({ read: () => undefined, decode: UTF8_BYTES.decode });
    for (const item of all) {
      document.record(item, false, true);
    }
    assert.deepEqual([...document.occurrences()].map(describeFinding), all.map(describeFinding));
    assert.ok(document.findings.shapeCount < all.length, `${document.findings.shapeCount} shapes for ${all.length} findings`);
    for (const item of all) {
      const at = document.occurrenceAt({ line: item.occurrence.line, character: item.occurrence.end });
      assert.equal(at && describeFinding(at), describeFinding(item));
    }
    assert.equal(document.occurrenceAt({ line: 10, character: 0 }), undefined);
    const replaced = new Set([all[1].occurrence.line]);
    // Lines decided again, as the disk read's second pass replaces them.
    const decideAgain = (found: readonly ResolvedOccurrence[]) => {
      const again = document.redecision({ from: all[1].occurrence.line, to: all[1].occurrence.line, lines: replaced });
      found.forEach((item) => again.add(item));
      again.finish();
    };
    decideAgain([]);
    assert.deepEqual([...document.occurrences()].map(describeFinding), all.filter((item) => !replaced.has(item.occurrence.line)).map(describeFinding));
    decideAgain(all);
    assert.deepEqual([...document.occurrences()].map(describeFinding), all.map(describeFinding));
    document.findings.truncateFrom(all[3].occurrence.line);
    assert.deepEqual([...document.occurrences()].map(describeFinding), all.filter((item) => item.occurrence.line < all[3].occurrence.line).map(describeFinding));
  });
});

describe('the shapes findings share', () => {
  it('tell apart every field of an occurrence and its resolution (a new field needs a place in FindingTable\'s key, and in sameResolution or a reason there not to share)', () => {
    const known = {
      occurrence: ['line', 'start', 'end', 'token', 'candidates', 'context', 'key', 'family', 'unlisted'],
      resolution: ['kind', 'ranked', 'evidence', 'confident', 'established', 'origin', 'family', 'otherProduct', 'drift', 'suppressed', 'silence'],
      ranked: ['entry', 'bindings', 'score', 'messageScore', 'keyed'],
      origin: ['provider', 'product', 'clue', 'scope'],
      // A clue of the whole document also says how often the document gives it.
      clue: ['provider', 'product', 'kind', 'text', 'line', 'start', 'count'],
      otherProduct: ['provider', 'product', 'listed'],
      drift: ['said', 'table'],
    };
    const seen = { occurrence: new Set<string>(), resolution: new Set<string>(), ranked: new Set<string>(), origin: new Set<string>(), clue: new Set<string>(), otherProduct: new Set<string>(), drift: new Set<string>() };
    const fixtures = path.join(__dirname, '..', 'fixtures', 'documents');
    for (const name of fs.readdirSync(fixtures)) {
      for (const { occurrence, resolution } of service.createDocument(fs.readFileSync(path.join(fixtures, name), 'utf8') + LINES.join('\n')).occurrences()) {
        Object.keys(occurrence).forEach((key) => seen.occurrence.add(key));
        Object.keys(resolution).forEach((key) => seen.resolution.add(key));
        resolution.ranked.forEach((candidate) => Object.keys(candidate).forEach((key) => seen.ranked.add(key)));
        Object.keys(resolution.origin ?? {}).forEach((key) => seen.origin.add(key));
        Object.keys(resolution.origin?.clue ?? {}).forEach((key) => seen.clue.add(key));
        Object.keys(resolution.otherProduct ?? {}).forEach((key) => seen.otherProduct.add(key));
        Object.keys(resolution.drift ?? {}).forEach((key) => seen.drift.add(key));
      }
    }
    for (const part of Object.keys(known) as (keyof typeof known)[]) {
      const unknown = [...seen[part]].filter((key) => !known[part].includes(key));
      assert.deepEqual(unknown, [], `fields of ${part} that FindingTable's key and sameResolution (resolver.ts) do not know of`);
    }
  });
});

describe('a document read from disk', () => {
  it('is decided as the same text open in the editor is, whatever the line endings', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary, async ({ lines, ending }) => {
        const text = lines.join(ending);
        const reading = await readFromDisk(writeFile(text));
        assert.deepEqual([...reading.document.occurrences()].map(describeFinding), [...service.createDocument(text).occurrences()].map(describeFinding), JSON.stringify(text));
        reading.dispose();
      }),
      { numRuns: runs(15, 80), seed: 4102 },
    );
  });

  it('decides a code named only by a clue far from it with the whole file\'s clues, as the editor does', async () => {
    // The host names Huawei's OCR 40 lines above the code: no clue near the code says whose it is.
    const text = [LINES[1], ...Array.from({ length: 40 }, () => 'INFO nothing to see'), 'ERROR failed with APIG.0201', ''].join('\n');
    const editor = [...service.createDocument(text).occurrences()].map(describeFinding);
    const reading = await readFromDisk(writeFile(text));
    assert.deepEqual([...reading.document.occurrences()].map(describeFinding), editor);
    assert.equal(reading.document.provisional.size, 0);
    assert.ok(reading.document.documentClues?.some((clue) => clue.kind === 'host'), 'the whole file was tallied');
  });

  it('reads back the text of its lines from the file, a byte-order mark, CRLF and Chinese included', async () => {
    const file = writeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('first AIS.0101\r\n请求 AIS.0101 失败\r\nlast', 'utf8')]));
    const reading = await readFromDisk(file);
    assert.deepEqual([0, 1, 2, 3].map((line) => reading.document.lineText(line)), ['first AIS.0101', '请求 AIS.0101 失败', 'last', '']);
    assert.equal(reading.document.lineCount, 3);
    assert.deepEqual([...reading.document.occurrences()].map(({ occurrence }) => [occurrence.line, occurrence.start]), [
      [0, 6],
      [1, 3],
    ]);
  });

  it('reads on from where it was when the file grew, and anew when it changed otherwise', async () => {
    const file = writeFile(`${LINES[0]}\n${LINES[3]}\nINFO half a li`);
    const changes: number[] = [];
    const reading = new DiskReading(service, await inspectFile(file), () => void changes.push(changes.length), (message) => assert.fail(message));
    reading.readAll(service);
    await settled(reading);
    fs.appendFileSync(file, `ne\n${LINES.join('\n')}\n`);
    reading.fileChanged();
    await settled(reading);
    const grown = fs.readFileSync(file, 'utf8');
    assert.deepEqual([...reading.document.occurrences()].map(describeFinding), [...service.createDocument(grown).occurrences()].map(describeFinding));
    assert.equal(reading.document.lineText(2), 'INFO half a line');
    fs.writeFileSync(file, `${LINES[6]}\n${LINES[4]}\n`);
    reading.fileChanged();
    await settled(reading);
    assert.deepEqual([...reading.document.occurrences()].map(describeFinding), [...service.createDocument(fs.readFileSync(file, 'utf8')).occurrences()].map(describeFinding));
    assert.ok(changes.length >= 3, 'each scan told its findings changed');
    reading.dispose();
  });

  it('is refused when it is not a regular UTF-8 file', async () => {
    await assert.rejects(inspectFile(path.join(folder, 'missing.log')), (error: Error) => error instanceof NotReadableFromDisk && /no such file/.test(error.message));
    await assert.rejects(inspectFile(folder), /not a regular file/);
    await assert.rejects(inspectFile(writeFile(Buffer.from([0xff, 0xfe, 0x41, 0x00]))), /utf-16le; only UTF-8 files are read from disk/);
  });
});

describe('gzip files', () => {
  const text = `${LINES.join('\n')}\n`;
  const plain = async (file: string) => {
    const found: string[] = [];
    await scanFile(service, file, { onFound: (item) => found.push(describeFinding(item)) });
    return found;
  };

  it('are decompressed as they stream, told by their name or their first bytes, several members too', async () => {
    const expected = await plain(writeFile(text));
    assert.ok(expected.length > 3);
    assert.deepEqual(await plain(writeFile(zlib.gzipSync(text), 'app.log.gz')), expected);
    assert.deepEqual(await plain(writeFile(zlib.gzipSync(text), 'rotated.log.1')), expected);
    const half = text.length >> 1;
    const members = Buffer.concat([zlib.gzipSync(text.slice(0, half)), zlib.gzipSync(text.slice(half))]);
    assert.deepEqual(await plain(writeFile(members, 'members.gz')), expected);
    const big = LINES.join('\n').repeat(2000);
    assert.deepEqual(await plain(writeFile(zlib.gzipSync(big), 'big.gz')), await plain(writeFile(big)));
  });

  it('that are broken are reported, not scanned', async () => {
    const whole = zlib.gzipSync(text);
    await assert.rejects(scanFile(service, writeFile(whole.subarray(0, whole.length - 12), 'cut.gz'), { onFound: () => undefined }), /not valid gzip/);
    await assert.rejects(scanFile(service, writeFile('plain text, not gzip', 'named.gz'), { onFound: () => undefined }), /not valid gzip/);
  });
});
