/*
 * A log of many clouds' errors side by side (samples/mixed-cloud.log, real excerpts of the test
 * corpus): only Huawei Cloud and Alibaba Cloud codes are findings, each naming its provider and
 * product and where that came from; and the sample stays exactly the excerpts it says it is.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/common/settings';
import { builtInService } from '../support/corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'samples', 'mixed-cloud.log');
const service = builtInService();
const severity = defaultSettings()['diagnostics.severity'];

describe('a log of many clouds\' errors', () => {
  it('is made of the corpus excerpts the samples README lists, verbatim', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'samples', 'README.md'), 'utf8');
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    const rows = [...readme.matchAll(/^\| (\d+)(?:–(\d+))? \| `([^`]+)` \| (\d+)(?:–(\d+))? \|$/gm)];
    assert.ok(rows.length >= 10, 'the README lists the blocks');
    for (const [, from, to, file, sourceFrom, sourceTo] of rows) {
      const source = fs.readFileSync(path.join(ROOT, 'test', 'corpus', file), 'utf8').split('\n');
      assert.deepEqual(lines.slice(Number(from) - 1, Number(to ?? from)), source.slice(Number(sourceFrom) - 1, Number(sourceTo ?? sourceFrom)), `lines ${from} of the sample`);
    }
  });

  it('gives findings for Huawei and Alibaba codes only, each saying where its origin came from', () => {
    const document = service.createDocument(fs.readFileSync(SAMPLE, 'utf8'));
    const { diagnostics } = service.diagnostics(document, { language: 'en', severity, maxCount: 100 });
    const shown = diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${diagnostic.code} ${diagnostic.severity}`);
    assert.deepEqual(shown, [
      '12 AIS.0103 warning',
      '25 InvalidMaxKeys warning',
      '29 InvalidMaxKeys warning',
      '32 Forbidden.RAM hint',
      '43 AIS.0014 warning',
      '50 InvalidArgument information',
      '52 InvalidArgument information',
      '54 SignatureDoesNotMatch hint',
    ]);
    for (const diagnostic of diagnostics) {
      assert.match(diagnostic.message, /\[(?:Huawei Cloud|Alibaba Cloud)[^\]]* — from [^\]]+\]/, diagnostic.message);
    }
    assert.match(diagnostics[0].message, /\[Huawei Cloud · OCR — from its message\]$/);
    assert.match(diagnostics[1].message, /\[Alibaba Cloud · Intelligent Media Management \(IMM\) — from the host imm\.cn-hangzhou\.aliyuncs\.com on line 28\]$/);
    assert.match(diagnostics[3].message, /^Forbidden\.RAM: an error of Alibaba Cloud Alidns, not in the catalogs\./);
  });

  it('fails no build on other clouds\' errors: nothing there is even information', () => {
    const aws = fs.readFileSync(SAMPLE, 'utf8').split('\n').slice(0, 10).join('\n');
    assert.deepEqual([...service.createDocument(aws).occurrences()], []);
  });
});
