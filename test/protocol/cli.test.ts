/*
 * The error-codebook command line, run as a user or a CI job would.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT } from '../support/lspClient';
import { adjacentPlaceholderLine, hostileCatalogPaths } from '../support/hostile';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join('test', 'fixtures', 'documents');

function run(args: string[], input?: string) {
  // A time limit, so a run that hangs fails its test instead of stalling the suite.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell command line with the CLI as $CLI; returns what it printed. */
function shell(commandLine: string): string {
  const result = spawnSync('bash', ['-c', commandLine], { cwd: ROOT, encoding: 'utf8', timeout: 20_000, env: { ...process.env, CLI: `${process.execPath} ${CLI}` } });
  return result.stdout;
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

  it('finds nothing in other clouds\' errors and generic logs, and fails no build on them', () => {
    const negatives = path.join(ROOT, 'test', 'corpus', 'negatives');
    // Every file, whatever its kind: the folder's default patterns take only logs, text and JSON.
    const result = run(['scan', '--fail-on', 'hint', '--include', '**/*', negatives]);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const inputs = fs.readdirSync(negatives).length;
    assert.match(result.stdout, new RegExp(`^0 error codes found in ${inputs} inputs\\.$`, 'm'));
  });

  it('writes JSON with every finding', () => {
    const result = run(['scan', '--format', 'json', '--fail-on', 'none', path.join(FIXTURES, 'aliyun-tea-java.log')]);
    assert.equal(result.status, 0);
    const report = JSON.parse(result.stdout) as { files: { path: string; findings: { code: string; line: number; entryId: string }[] }[] };
    assert.deepEqual(report.files[0].findings.map((finding) => finding.code), ['InvalidParameter.SourceURI.Empty', 'Forbidden.AccountInDebt', 'Throttling', '462', 'InternalError']);
  });

  it('writes SARIF 2.1.0 that CI systems read', () => {
    const result = run(['scan', '--format', 'sarif', '--fail-on', 'none', path.join(FIXTURES, 'error-bodies.json')]);
    const sarif = JSON.parse(result.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string; properties: { code: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    assert.equal(runResult.tool.driver.name, 'Error Codebook');
    assert.deepEqual(runResult.results.map((item) => item.properties.code), ['APIG.0201', 'APIG.0201', 'InvalidMaxKeys', 'InvalidMaxKeys', '462', 'ServiceUnavailable']);
    // Rules are entries: the two APIG.0201 of different tables are two rules.
    assert.deepEqual(runResult.results.map((item) => item.ruleId), ['huaweicloud-image-recognition:APIG.0201', 'huaweicloud-ocr:APIG.0201', 'alibabacloud-imm:Invalid{ParameterName}', 'alibabacloud-imm:Invalid{ParameterName}', 'alibabacloud-ocr-marketplace:462:6', 'alibabacloud-imm:ServiceUnavailable']);
    assert.equal(runResult.results[0].locations[0].physicalLocation.region.startLine, 3);
    assert.ok(runResult.tool.driver.rules.every((rule) => !rule.helpUri || rule.helpUri.startsWith('https://')));
  });

  it('reads standard input and explains in Chinese', () => {
    const result = run(['scan', '--lang', 'zh-cn', '-'], '{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}\n');
    assert.equal(result.status, 0);
    assert.match(result.stdout, /-:1:17: warning: AIS\.0101: 输入参数不符合规范/);
    // With --lang auto, the system's locale as Linux writes it.
    const byLocale = shell(`printf '%s\\n' '{"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}' | LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8 $CLI scan --lang auto -`);
    assert.match(byLocale, /-:1:17: warning: AIS\.0101: 输入参数不符合规范/);
  });

  it('says its closing count in the language of --lang', () => {
    const file = path.join(FIXTURES, 'huaweicloud-sdk-python.log');
    assert.match(run(['scan', '--lang', 'zh-cn', file]).stdout, /^在 1 个输入中找到 7 个错误码。$/m);
    assert.match(run(['scan', '--lang', 'en', file]).stdout, /^7 error codes found in 1 input\.$/m);
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
    assert.match(unknown.stderr, /Unknown encoding "nope"/);
    assert.doesNotMatch(unknown.stdout, /Unknown encoding/);
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
    assert.match(result.stderr, /missing\.log: Cannot read .*no such file/);
    assert.match(result.stderr, /core\.bin: The file looks binary/);
    assert.doesNotMatch(result.stdout, /missing\.log|core\.bin/);
    assert.match(result.stdout, /7 error codes found in 1 input\./);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports an unreadable catalog and keeps the built-in ones', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-cat-'));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{\n  "version": 1,\n  "id": "broken"\n  "entries": []\n}\n');
    const result = run(['scan', '--catalog', folder, path.join(FIXTURES, 'huaweicloud-sdk-python.log')]);
    assert.match(result.stderr, /catalog problem: .*broken\.json:4:3: Not valid JSON/);
    assert.match(result.stdout, /7 error codes found/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('explains its usage and refuses unknown options', () => {
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: error-codebook <command>/);
    assert.equal(run(['scan', '--help']).status, 0);
    const result = run(['scan', '--format', 'xml', 'x.log']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Unknown format "xml"/);
    const unknownOption = run(['scan', '--colour', 'x.log']);
    assert.equal(unknownOption.status, 2);
    assert.match(unknownOption.stderr, /Unknown option '--colour'/);
    const unknownCommand = run(['lint', 'x.log']);
    assert.equal(unknownCommand.status, 2);
    assert.match(unknownCommand.stderr, /Unknown command "lint"; the commands are scan/);
  });

  it('prints its usage to standard error and exits 2 when given nothing, and its version with --version', () => {
    const nothing = run([]);
    assert.equal(nothing.status, 2);
    assert.equal(nothing.stdout, '');
    assert.match(nothing.stderr, /^Usage: error-codebook <command>/);
    const version = run(['--version']);
    assert.equal(version.status, 0);
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('understands the language as people write it', () => {
    const result = run(['scan', '--lang', 'zh-CN', '-'], 'error_code=AIS.0101\n');
    assert.match(result.stdout, /输入参数不符合规范/);
  });

  it('scans a folder recursively, the files matching the include patterns, node_modules and .git left out', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-folder-'));
    const write = (name: string) => {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), 'error_code=AIS.0101\n');
    };
    for (const name of ['a.log', 'deep/b.json', 'deep/er/c.log.1', 'notes.md', 'node_modules/x/d.log', '.git/e.log', 'image.png']) {
      write(name);
    }
    const result = run(['scan', '--fail-on', 'none', folder]);
    assert.equal(result.status, 0, result.stderr);
    const scanned = [...result.stdout.matchAll(/^(.*):1:\d+: /gm)].map((match) => path.relative(folder, match[1]));
    assert.deepEqual(scanned, ['a.log', path.join('deep', 'b.json'), path.join('deep', 'er', 'c.log.1')]);
    const included = run(['scan', '--fail-on', 'none', '--include', '**/*.md', folder]);
    assert.match(included.stdout, /notes\.md:1:/);
    assert.match(included.stdout, /in 1 input\./);
    const excluded = run(['scan', '--fail-on', 'none', '--exclude', 'deep/**', folder]);
    assert.match(excluded.stdout, /in 1 input\./);
    fs.rmSync(folder, { recursive: true, force: true });
  });
});

describe('error-codebook scan when its output goes away', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-pipe-'));
  // Far more output than a pipe holds.
  const big = path.join(folder, 'big.log');
  fs.writeFileSync(big, 'ERROR error_code=AIS.0101 failed\n'.repeat(50_000));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('ends quietly with the status of the findings so far when the reader stops reading (| head)', () => {
    const printed = shell(`$CLI scan --fail-on warning ${big} 2>${folder}/stderr | head -n 2 >/dev/null; echo "status \${PIPESTATUS[0]}"`);
    assert.equal(printed.trim(), 'status 1');
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
    const clean = shell(`$CLI scan --fail-on none ${big} ${big} 2>${folder}/stderr | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`);
    assert.equal(clean.trim(), 'status 0');
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
    const fromStdin = shell(`cat ${big} | $CLI scan --fail-on warning --format json - 2>${folder}/stderr | head -c 10 >/dev/null; echo "status \${PIPESTATUS[1]}"`);
    assert.equal(fromStdin.trim(), 'status 1');
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
  });

  it('ends quietly when the disk is full', { skip: !fs.existsSync('/dev/full') }, () => {
    const printed = shell(`$CLI scan --fail-on warning ${big} >/dev/full 2>${folder}/stderr; echo "status $?"`);
    assert.equal(printed.trim(), 'status 1');
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
  });

  it('reports hostile catalog paths and scans with the built-in catalogs', () => {
    const catalogs = hostileCatalogPaths(folder).flatMap((location) => ['--catalog', location]);
    const input = `error_code=AIS.0101\n${adjacentPlaceholderLine()}`;
    const result = run(['scan', '--fail-on', 'none', ...catalogs, '-'], input);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /-:1:\d+: warning: AIS\.0101: /);
    assert.match(result.stdout, /-:2:\d+: error: PHa+Z: /);
    assert.match(result.stdout, /2 error codes found in 1 input\./);
    const problems = result.stderr.trim().split('\n');
    assert.deepEqual(problems.map((line) => /catalog problem: .*?([^/]+):\d+:\d+: /.exec(line)?.[1]), ['alone.json', 'pipe.json', 'zero', 'deep.json']);
  });
});
