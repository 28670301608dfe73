/*
 * The Error Codes view's groups: the first occurrences and the last kept to go to, the times the
 * lines carry, and lines read back from a file on disk (any line ending, encoding, or gzip) for them.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { after, describe, it } from 'node:test';
import { DESCRIPTIONS_KEPT, GroupTimes, createLanguageService, linesToTime, timeGroups } from '../../server/src/core/index';
import { defaultSettings } from '../../server/src/common/settings';
import { readLinesAt } from '../../server/src/lineReader';
import { catalogTexts } from '../support/miniCatalogs';

const service = createLanguageService(catalogTexts());
const severity = defaultSettings()['diagnostics.severity'];

function groupsOf(text: string) {
  const report = service.createScanReport({ language: 'en', severity, maxCount: 1000 });
  for (const found of service.createDocument(text).occurrences()) {
    report.add(found);
  }
  return report.result().groups;
}

const AIS = 'huaweicloudsdkcore {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}';

describe('groups of findings', () => {
  it('keep the first 50 occurrences and the last, and count them all', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `2024-06-18 10:${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')},000 ERROR ${AIS}`);
    const [group] = groupsOf(lines.join('\n'));
    assert.equal(group.count, 120);
    assert.equal(group.occurrences.length, 51);
    assert.deepEqual(group.occurrences.slice(0, 2).map((occurrence) => occurrence.line), [0, 1]);
    assert.deepEqual(group.occurrences[50], { line: 119, character: lines[119].indexOf('AIS.0101') });
    assert.equal(group.lastCharacter, lines[119].indexOf('AIS.0101'));
  });

  it('carry the times of the lines of their first and last occurrence, and of those kept', () => {
    const text = ['2024-06-18 10:00:01,000 ERROR ' + AIS, 'no time on this line ' + AIS, '2024-06-18 10:59:58,001 ERROR ' + AIS].join('\n');
    const groups = groupsOf(text);
    const lines = text.split('\n');
    timeGroups(groups, (line) => lines[line]);
    const [group] = groups;
    assert.equal(group.firstTime, '2024-06-18 10:00:01,000');
    assert.equal(group.lastTime, '2024-06-18 10:59:58,001');
    assert.deepEqual(group.occurrences.map((occurrence) => occurrence.time), ['2024-06-18 10:00:01,000', undefined, '2024-06-18 10:59:58,001']);
    assert.deepEqual([...linesToTime(groups)].sort(), [0, 1, 2]);
  });

  it('carry the same times when those are read in runs, the groups getting them once all are read', () => {
    // Two groups (each line's code alternates), some lines with no time: more lines than one run reads.
    const APIG = 'huaweicloudsdkcore {"error_code": "APIG.0201", "error_msg": "Backend timeout."}';
    const lines = Array.from({ length: 300 }, (_, index) => {
      const body = index % 2 === 0 ? AIS : APIG;
      return index % 7 === 3 ? `no time here ${body}` : `2024-06-18 10:${String(Math.floor(index / 60)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')},${String(index).padStart(3, '0')} ERROR ${body}`;
    });
    const text = lines.join('\n');
    const whole = groupsOf(text);
    const all = text.split('\n');
    timeGroups(whole, (line) => all[line]);
    const timesOf = (groups: typeof whole) => groups.map((group) => [group.firstTime, group.lastTime, ...group.occurrences.map((occurrence) => occurrence.time)]);

    const inRuns = groupsOf(text);
    const read: number[] = [];
    const times = new GroupTimes(inRuns, (line) => (read.push(line), all[line]));
    let runs = 1;
    while (!times.run(() => false)) {
      assert.ok(inRuns.every((group) => group.firstTime === undefined), 'no times before all are read');
      runs++;
    }
    assert.equal(whole.length, 2);
    assert.ok(whole.every((group) => group.firstTime !== undefined && group.occurrences.some((occurrence) => occurrence.time === undefined)));
    assert.deepEqual(timesOf(inRuns), timesOf(whole));
    assert.ok(runs >= 2, `${runs} runs`);
    assert.deepEqual(read, [...new Set(read)], 'each line read once');
    assert.deepEqual([...read].sort((a, b) => a - b), [...linesToTime(whole)].sort((a, b) => a - b));
    assert.equal(times.run(() => false), true, 'a finished one stays finished');
    assert.equal(read.length, linesToTime(whole).size);
  });

  it('are told apart by the clue that named their origin, however many one code has', () => {
    // Every host twice, in two rounds: far more groups of one code than are looked through one by one.
    const hosts = 30;
    const lines = [0, 1].flatMap(() => Array.from({ length: hosts }, (_, index) => `GET https://h${index}.ocr.cn-north-4.myhuaweicloud.com/v2/x 400 AIS.0101 failed`));
    const groups = groupsOf(lines.join('\n'));
    assert.equal(groups.length, hosts);
    groups.forEach((group, index) => {
      assert.deepEqual([group.code, group.count, group.firstLine, group.lastLine], ['AIS.0101', 2, index, hosts + index]);
      assert.match(group.origin ?? '', new RegExp(`h${index}\\.ocr\\.`));
    });
  });

  it('have no times when their lines carry none, or cannot be read', () => {
    const groups = groupsOf(AIS);
    timeGroups(groups, () => undefined);
    assert.equal(groups[0].firstTime, undefined);
    assert.equal(groups[0].lastTime, undefined);
  });
});

describe('records of findings', () => {
  it('describe each finding as a describer of its own would, also once the descriptions kept were let go', () => {
    // Every line names another host: no two findings are described alike.
    const lines = Array.from({ length: DESCRIPTIONS_KEPT + 300 }, (_, index) => `GET https://h${index}.ocr.cn-north-4.myhuaweicloud.com/v2/x 400 AIS.0101 failed`);
    const found = [...service.createDocument(lines.join('\n')).occurrences()];
    assert.equal(found.length, lines.length);
    const describer = service.describer('en', severity);
    const records = found.map((item) => describer.describe(item));
    // The first again, after its description was let go, and a few as a describer of their own describes them.
    assert.deepEqual(describer.describe(found[0]), records[0]);
    for (const at of [0, 1, DESCRIPTIONS_KEPT - 1, DESCRIPTIONS_KEPT, lines.length - 1]) {
      assert.deepEqual(records[at], service.describer('en', severity).describe(found[at]), `line ${at + 1}`);
      assert.match(records[at].origin ?? '', new RegExp(`h${at}\\.ocr\\.`));
    }
  });
});

describe('reading lines back from disk', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-lines-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, bytes: Buffer | string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('counts lines as the scanner does (LF, CRLF, a lone CR) and reads only those asked for', async () => {
    const file = write('mixed.log', 'zero\none\r\ntwo\rthree\n\nfive');
    const lines = await readLinesAt(file, new Set([0, 1, 2, 3, 4, 5, 9]));
    assert.deepEqual(Object.fromEntries(lines), { 0: 'zero', 1: 'one', 2: 'two', 3: 'three', 4: '', 5: 'five' });
  });

  it('finds the same lines when a CRLF or a line falls across the pieces it reads', async () => {
    const head = 'x'.repeat(1024 * 1024 - 1);
    const file = write('split.log', `${head}\r\nsecond\r\nthird`);
    const lines = await readLinesAt(file, new Set([1, 2]));
    assert.deepEqual(Object.fromEntries(lines), { 1: 'second', 2: 'third' });
  });

  it('drops a byte-order mark, reads UTF-16 by its mark and other encodings by name, and gzip files through zlib', async () => {
    const text = '2024-06-18 10:00:01 first\n错误码 second\n';
    assert.equal((await readLinesAt(write('bom.log', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), new Set([0]))).get(0), '2024-06-18 10:00:01 first');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.equal((await readLinesAt(write('utf16.log', utf16), new Set([1]))).get(1), '错误码 second');
    const gbk = Buffer.from([0xb4, 0xed, 0xce, 0xf3, 0xc2, 0xeb, 0x0a]);
    assert.equal((await readLinesAt(write('gbk.log', gbk), new Set([0]), 'gbk')).get(0), '错误码');
    assert.equal((await readLinesAt(write('app.log.gz', zlib.gzipSync(text)), new Set([1]))).get(1), '错误码 second');
  });

  it('keeps only the start of a long line', async () => {
    const file = write('long.log', `${'y'.repeat(100_000)}\nshort`);
    const lines = await readLinesAt(file, new Set([0, 1]));
    assert.equal(lines.get(0)?.length, 512);
    assert.equal(lines.get(1), 'short');
  });
});
