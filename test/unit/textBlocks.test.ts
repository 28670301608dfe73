/*
 * A large text with a few Chinese lines is kept in blocks, the Latin-1 ones one byte a character;
 * a document of the blocks is the document of the text.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/core/index';
import { textBlocks } from '../../server/src/textBlocks';
import { catalogTexts } from '../support/miniCatalogs';
import { runs } from '../support/runs';

const service = createLanguageService(catalogTexts());

const LINES = [
  'INFO 2024-06-18 09:41:02 nothing to see here, only a line of a log that goes on for a while',
  'ERROR huaweicloudsdkocr {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
  '请求失败 AIS.0101 参数错误',
  'WARN Code: Throttling, café',
  '',
];

function describeDocument(text: string | string[]) {
  const document = service.createDocument(text);
  const lines = Array.from({ length: document.lineCount }, (_, line) => document.lineText(line));
  const found = [...document.occurrences()].map(({ occurrence, resolution }) => `${occurrence.line}:${occurrence.start} ${occurrence.token} ${resolution.ranked[0]?.entry.id ?? resolution.kind}`);
  return { lines, found, clues: document.clueTally(), text: document.getText() };
}

describe('a large text kept in blocks', () => {
  it('is the same document, whatever its lines and line breaks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.nat(3000), (lines, ending, repeat) => {
        const text = `${lines.join(ending)}${ending}`.repeat(1 + (repeat % 3));
        const large = text.repeat(Math.ceil((1024 * 1024) / text.length) + 1);
        const blocks = textBlocks(large);
        if (/[^\x00-\xff]/.test(large)) {
          assert.ok(Array.isArray(blocks) && blocks.length > 1);
          assert.equal(blocks.join(''), large);
          assert.ok(blocks.slice(0, -1).every((block) => block.endsWith('\n')));
        } else {
          assert.equal(blocks, large);
        }
        assert.deepEqual(describeDocument(blocks), describeDocument(large));
      }),
      { numRuns: runs(4, 20), seed: 6101 },
    );
  });

  it('leaves a small text, or one of Latin-1 characters alone, as it is', () => {
    assert.equal(textBlocks('请求 AIS.0101\n'), '请求 AIS.0101\n');
    const latin = 'café AIS.0101\n'.repeat(100_000);
    assert.equal(textBlocks(latin), latin);
  });
});
