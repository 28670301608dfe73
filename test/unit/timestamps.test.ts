/*
 * The time a log line was written, in the formats logs use; what is not a time stays undefined.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findTimestamp } from '../../server/src/core/index';

describe('finding the time of a log line', () => {
  it('reads ISO 8601 with its zone, and gives the instant', () => {
    const found = findTimestamp('2024-06-18T09:41:02.117Z ERROR api - code=AIS.0101');
    assert.deepEqual(found, { start: 0, end: 24, text: '2024-06-18T09:41:02.117Z', iso: '2024-06-18T09:41:02.117Z', epochMs: Date.UTC(2024, 5, 18, 9, 41, 2, 117) });
    assert.equal(findTimestamp('2024-06-18 09:41:02+0800 WARN')?.epochMs, Date.UTC(2024, 5, 18, 1, 41, 2));
    assert.equal(findTimestamp('2024-06-18T09:41:02.5-05:30 x')?.iso, '2024-06-18T09:41:02.500-05:30');
  });

  it('reads Python and Java loggers, Go and access logs; a time without a zone has no instant', () => {
    assert.deepEqual(findTimestamp('2024-06-18 09:41:02,117 ERROR ocr_client.py:57'), { start: 0, end: 23, text: '2024-06-18 09:41:02,117', iso: '2024-06-18T09:41:02.117' });
    assert.equal(findTimestamp('[main] 2024-06-18 09:41:02.117 INFO')?.start, 7);
    assert.equal(findTimestamp('2024/06/18 09:41:02.117421 ERROR tagging.go:77')?.iso, '2024-06-18T09:41:02.117');
    const access = findTimestamp('10.0.0.7 - - [18/Jun/2024:09:41:02 +0000] "POST /v2/ocr HTTP/1.1" 403 12');
    assert.equal(access?.text, '18/Jun/2024:09:41:02 +0000');
    assert.equal(access?.epochMs, Date.UTC(2024, 5, 18, 9, 41, 2));
  });

  it('reads syslog times, which have no year and so no ISO form', () => {
    assert.deepEqual(findTimestamp('Jun 18 09:41:02 host app[7]: AIS.0101'), { start: 0, end: 15, text: 'Jun 18 09:41:02' });
    assert.equal(findTimestamp('Jun  8 09:41:02 host app')?.text, 'Jun  8 09:41:02');
  });

  it('reads epoch milliseconds and seconds, and ISO strings, under a JSON time key', () => {
    const millis = findTimestamp('{"level":"error","timestamp":1718703662117,"code":"AIS.0101"}');
    assert.equal(millis?.text, '1718703662117');
    assert.equal(millis?.iso, '2024-06-18T09:41:02.117Z');
    assert.equal(findTimestamp('{"ts":1718703662.5}')?.epochMs, 1718703662500);
    assert.equal(findTimestamp('{"@timestamp":"2024-06-18T09:41:02Z","msg":"x"}')?.epochMs, Date.UTC(2024, 5, 18, 9, 41, 2));
  });

  it('finds no time where there is none, or where the numbers cannot be one', () => {
    for (const line of ['ERROR code=AIS.0101', 'took 1718 ms', 'version 4.0.462', '2024-13-18 09:41:02 month 13', '2024-06-18 25:00:00 hour 25', '{"timestamp": 12345}', '{"timestamp": 9999999999999}', 'Foo 18 09:41:02 not a month', '']) {
      assert.equal(findTimestamp(line), undefined, line);
    }
  });

  it('looks for a written time near the start only, and for a time key in a long line too', () => {
    assert.equal(findTimestamp(`${'x'.repeat(300)} 2024-06-18 09:41:02`), undefined);
    assert.equal(findTimestamp(`{"msg":"${'x'.repeat(300)}","timestamp":1718703662117}`)?.epochMs, 1718703662117);
  });
});
