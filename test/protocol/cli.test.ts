/*
 * The error-codebook command line, run as a user or a CI job would.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join('test', 'fixtures', 'documents');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('error-codebook scan', () => {
  it('prints code, location and meaning, and exits 1 when errors are found', () => {
    const result = run(['scan', '--fail-on', 'warning', path.join(FIXTURES, 'huaweicloud-sdk-python.log')]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /huaweicloud-sdk-python\.log:8:\d+: warning: AIS\.0101: /);
    assert.match(result.stdout, /7 error codes found in 1 input\./);
  });

  it('exits 0 when nothing reaches the --fail-on level', () => {
    const result = run(['scan', path.join(FIXTURES, 'access.log'), path.join(FIXTURES, 'traps.log')]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /0 error codes found in 2 inputs\./);
  });

  it('writes JSON with every finding', () => {
    const result = run(['scan', '--format', 'json', '--fail-on', 'none', path.join(FIXTURES, 'aliyun-tea-java.log')]);
    assert.equal(result.status, 0);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { code: string; line: number; entryId: string }[] }[] };
    assert.deepEqual(report.files[0].findings.map((finding) => finding.code), ['InvalidParameter.SourceURI.Empty', 'Forbidden.AccountInDebt', 'Throttling', '462', 'InternalError']);
  });

  it('writes SARIF 2.1.0 that CI systems read', () => {
    const result = run(['scan', '--format', 'sarif', '--fail-on', 'none', path.join(FIXTURES, 'error-bodies.json')]);
    const sarif = JSON.parse(result.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'Error Codebook');
    assert.deepEqual(runResult.results.map((item) => item.ruleId), ['APIG.0201', 'APIG.0201', 'InvalidMaxKeys', '462', 'ServiceUnavailable']);
    assert.equal(runResult.results[0].locations[0].physicalLocation.region.startLine, 3);
    assert.ok(runResult.tool.driver.rules.every((rule) => !rule.helpUri || rule.helpUri.startsWith('https://')));
  });

  it('reads standard input and explains in Chinese', () => {
    const result = run(['scan', '--lang', 'zh-cn', '-'], '{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}\n');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /-:1:17: warning: AIS\.0101: 输入参数不符合规范/);
  });

  it('reads UTF-16 and UTF-8 files with a byte-order mark, and other encodings by --encoding', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-enc-'));
    const line = '错误码 AIS.0101\n';
    fs.writeFileSync(path.join(folder, 'le.log'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(line, 'utf16le')]));
    const bigEndian = Buffer.from(line, 'utf16le').swap16();
    fs.writeFileSync(path.join(folder, 'be.log'), Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
    fs.writeFileSync(path.join(folder, 'bom.log'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(line, 'utf8')]));
    fs.writeFileSync(path.join(folder, 'gbk.log'), Buffer.from([0xb4, 0xed, 0xce, 0xf3, 0xc2, 0xeb, 0x20, ...Buffer.from('AIS.0101\n')]));
    const result = run(['scan', '--fail-on', 'none', '--encoding', 'gbk', ...['le', 'be', 'bom', 'gbk'].map((name) => path.join(folder, `${name}.log`))]);
    for (const name of ['le', 'be', 'bom', 'gbk']) {
      assert.match(result.stdout, new RegExp(`${name}\\.log:1:5: warning: AIS\\.0101: `), result.stdout);
    }
    const unknown = run(['scan', '--encoding', 'nope', path.join(folder, 'gbk.log')]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stdout, /Unknown encoding "nope"/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('expands globs', () => {
    const result = run(['scan', '--fail-on', 'none', 'test/fixtures/documents/*.log']);
    assert.match(result.stdout, /in 4 inputs\./);
  });

  it('reports a missing or binary file clearly and still scans the others', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-cli-'));
    const binary = path.join(folder, 'core.bin');
    fs.writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const result = run(['scan', path.join(folder, 'missing.log'), binary, path.join(FIXTURES, 'huaweicloud-sdk-python.log')]);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /missing\.log: error: Cannot read .*no such file/);
    assert.match(result.stdout, /core\.bin: error: The file looks binary/);
    assert.match(result.stdout, /7 error codes found in 1 input\./);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports an unreadable catalog and keeps the built-in ones', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-cat-'));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{\n  "version": 1,\n  "id": "broken"\n  "entries": []\n}\n');
    const result = run(['scan', '--catalog', folder, path.join(FIXTURES, 'huaweicloud-sdk-python.log')]);
    assert.match(result.stdout, /catalog problem: .*broken\.json:4:3: Not valid JSON/);
    assert.match(result.stdout, /7 error codes found/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('explains its usage and refuses unknown options', () => {
    assert.equal(run(['--help']).status, 0);
    const result = run(['scan', '--format', 'xml', 'x.log']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown format "xml"/);
  });
});
