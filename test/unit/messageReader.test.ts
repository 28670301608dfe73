/*
 * The server's stdio message reader against vscode-jsonrpc's own StreamMessageReader: the same
 * messages and the same errors for any stream of messages cut into any pieces (headers, bodies and
 * UTF-8 characters split anywhere, several messages in one piece), huge messages of plain ASCII and
 * of Chinese text, and broken input, after which both read on.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { StreamMessageReader } from 'vscode-languageserver/node';
import { StdioMessageReader, parseBody } from '../../server/src/messageReader';
import { runs } from '../support/runs';

type Event = { message: unknown } | { error: string } | { closed: true };

/** Everything a reader reports for these bytes, cut at these positions. */
async function readAll(kind: 'ours' | 'stock', bytes: Buffer, cuts: number[]): Promise<Event[]> {
  const stream = new PassThrough();
  const reader = kind === 'ours' ? new StdioMessageReader(stream) : new StreamMessageReader(stream);
  const events: Event[] = [];
  reader.onError((error) => events.push({ error: error.message }));
  reader.onClose(() => events.push({ closed: true }));
  reader.listen((message) => events.push({ message }));
  const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  let last = 0;
  for (const position of [...positions, bytes.length]) {
    if (position > last) {
      stream.write(bytes.subarray(last, position));
      // The stock reader decodes in a promise: let it run before the next piece, as a pipe would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    last = position;
  }
  stream.end();
  await new Promise((resolve) => stream.on('close', resolve));
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  reader.dispose();
  return events;
}

function frame(body: string | Buffer, headers: string[] = []): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from([`Content-Length: ${bytes.length}`, ...headers, '', ''].join('\r\n'), 'ascii'), bytes]);
}

const didOpen = (text: string) => JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.log', languageId: 'log', version: 1, text } } });

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const message = fc.oneof(
  jsonValue.map((params) => JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'x/y', params })),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map(didOpen),
  fc.string({ unit: 'binary', maxLength: 200 }).map(didOpen),
);
const headers = fc.constantFrom<string[]>([], ['Content-Type: application/vscode-jsonrpc; charset=utf-8'], ['X-Other: 1']);

describe('the server\'s stdio message reader', () => {
  it('reads what vscode-jsonrpc reads, for any messages cut into any pieces', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(message, headers), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 12 }), async (messages, cuts) => {
        const bytes = Buffer.concat(messages.map(([body, extra]) => frame(body, extra)));
        assert.deepEqual(await readAll('ours', bytes, cuts), await readAll('stock', bytes, cuts));
      }),
      { numRuns: runs(60, 400), seed: 5101 },
    );
  });

  it('reads lower-case and extra headers, and a header split between pieces', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
    const bytes = Buffer.from(`content-length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body}`, 'ascii');
    for (const cuts of [[], [1], [5, 16, 17], [bytes.length - body.length - 2, bytes.length - body.length - 1]]) {
      assert.deepEqual(await readAll('ours', bytes, cuts), [{ message: { jsonrpc: '2.0', method: 'exit' } }, { closed: true }]);
    }
  });

  it('reads a huge message of plain ASCII and one with Chinese text, split anywhere', async () => {
    const ascii = 'INFO a line of a log with AIS.0101 in it\n'.repeat(60_000);
    const chinese = `${ascii.slice(0, 1_000_000)}请求失败 错误码 AIS.0101 参数错误\n${ascii.slice(1_000_000)}`;
    for (const text of [ascii, chinese]) {
      const bytes = frame(didOpen(text));
      const cuts = [7, 65_536, 1_000_003, 1_000_004, 1_000_005, bytes.length - 1];
      const events = await readAll('ours', bytes, cuts);
      assert.equal(events.length, 2);
      assert.equal((events[0] as { message: { params: { textDocument: { text: string } } } }).message.params.textDocument.text, text);
    }
  });

  it('reports broken messages as vscode-jsonrpc does, and reads on', async () => {
    const good = JSON.stringify({ jsonrpc: '2.0', method: 'ok' });
    // Each broken part comes in a piece of its own: vscode-jsonrpc reads on only at the next piece.
    const cases: [Buffer, Buffer][] = [
      [Buffer.from('X-Only: 1\r\n\r\n'), frame(good)],
      [Buffer.from('Content-Length: twelve\r\n\r\n'), frame(good)],
      [frame('{not json'), frame(good)],
      [frame(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from(good)])), frame(good)],
      [frame(''), Buffer.alloc(0)],
    ];
    for (const [broken, after] of cases) {
      const bytes = Buffer.concat([broken, after]);
      const ours = await readAll('ours', bytes, [broken.length]);
      assert.deepEqual(ours, await readAll('stock', bytes, [broken.length]));
      assert.ok(ours.some((event) => 'error' in event), JSON.stringify(ours));
      // This reader also reads on within the same piece.
      assert.deepEqual(await readAll('ours', bytes, []), ours);
    }
    const noColon = Buffer.concat([Buffer.from('Content-Length 12\r\n\r\n'), frame(good)]);
    const ours = await readAll('ours', noColon, []);
    assert.match((ours[0] as { error: string }).error, /Message header must separate key and value using ':'/);
    assert.deepEqual(ours.slice(1), [{ message: { jsonrpc: '2.0', method: 'ok' } }, { closed: true }]);
  });

  it('parses a body read one byte per character when it is ASCII, as UTF-8 otherwise', () => {
    assert.deepEqual(parseBody(Buffer.from('{"a":"plain \\u00e9 escape"}')), { a: 'plain é escape' });
    assert.deepEqual(parseBody(Buffer.from('{"a":"请求 é 𝄞"}', 'utf8')), { a: '请求 é 𝄞' });
    assert.throws(() => parseBody(Buffer.from('{"a":')), SyntaxError);
  });
});
