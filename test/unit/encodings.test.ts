import { strict as assert } from 'node:assert';
import { it } from 'node:test';
import { TextDecoder } from 'node:util';
import { encodingLabel } from '../../server/src/common/encodings';

it('turns VS Code encoding names into labels the decoder knows', () => {
  const names = ['utf8', 'utf8bom', 'utf16le', 'utf16be', 'windows1252', 'iso88591', 'iso885915', 'gbk', 'gb18030', 'gb2312', 'big5hkscs', 'cp950', 'shiftjis', 'eucjp', 'euckr', 'koi8r', 'cp866', 'macroman', 'windows874'];
  for (const name of names) {
    const label = encodingLabel(name);
    assert.doesNotThrow(() => new TextDecoder(label), `${name} → ${label}`);
  }
  assert.equal(encodingLabel('utf8bom'), 'utf-8');
  assert.equal(encodingLabel('ShiftJIS'), 'shift_jis');
  assert.equal(encodingLabel('windows1252'), 'windows-1252');
  assert.equal(encodingLabel('iso88592'), 'iso-8859-2');
  assert.equal(encodingLabel('gbk'), 'gbk');
});
