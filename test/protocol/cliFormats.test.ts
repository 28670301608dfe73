/*
 * What `error-codebook scan` writes: SARIF valid against the SARIF 2.1.0 schema (kept offline in
 * test/fixtures/sarif), with rules by entry, fingerprints and relative artifact URIs; JSON written
 * as it comes; the per-code summary with first and last line and time; gzip inputs; several files
 * scanned by worker threads, and one large file whose token filter runs on a thread of its own,
 * writing exactly what one thread writes.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { ROOT, waitFor } from '../support/lspClient';
import { createLanguageService, scanPieceLines } from '../../server/src/core/index';
import { readCatalogFiles } from '../../server/src/catalogFiles';
import { SCAN_THREAD_MIN_BYTES, ScanThread } from '../../server/src/scanThread';
import { UTF8_BYTES } from '../../server/src/utf8Bytes';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'documents');
const SCHEMA = path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-formats-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

function run(args: string[], options: { cwd?: string; input?: string | Buffer; threads?: number } = {}) {
  const env = { ...process.env, ...(options.threads !== undefined ? { ERROR_CODEBOOK_SCAN_THREADS: String(options.threads) } : {}) };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8', timeout: 60_000, env, maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[];
  partialFingerprints: Record<string, string>;
  properties: { code: string; kind: string; entryId?: string };
}
interface SarifLog {
  runs: { results: SarifResult[]; tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string } }[] } }; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[]; columnKind: string }[];
}

/** The SARIF 2.1.0 schema, a draft-04 schema, read by Ajv's draft-07 support. */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;
  // Draft-04 and draft-07 read every keyword this schema uses alike, but for the schema's own id
  // (`id`, `$id` since draft-06) and boolean exclusive limits, which it does not use.
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  assert.ok(!/"exclusiveM(?:in|ax)imum":\s*(?:true|false)/.test(fs.readFileSync(SCHEMA, 'utf8')));
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('SARIF output', () => {
  const validate = sarifValidator();
  const check = (stdout: string): SarifLog => {
    const log = JSON.parse(stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    return log;
  };

  it('is valid SARIF 2.1.0, for findings of every kind, unreadable inputs and standard input', () => {
    const inputs = ['huaweicloud-sdk-python.log', 'aliyun-tea-java.log', 'error-bodies.json', 'traps.log'].map((name) => path.join(FIXTURES, name));
    const result = run(['scan', '--format', 'sarif', '--fail-on', 'none', ...inputs, path.join(folder, 'missing.log')]);
    const log = check(result.stdout);
    assert.equal(result.status, 2);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);
    assert.match(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text, /missing\.log: Cannot read/);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.ok(log.runs[0].results.length >= 12);
    const fromStandardInput = check(run(['scan', '--format', 'sarif', '-'], { input: fs.readFileSync(inputs[0]) }).stdout);
    assert.deepEqual(fromStandardInput.runs[0].results.map((item) => item.locations[0].physicalLocation.artifactLocation.uri), Array(7).fill('stdin'));
    check(run(['scan', '--format', 'sarif', path.join(FIXTURES, 'traps.log')]).stdout);
  });

  it('has a rule per entry, each with its own description, and rules of their own for codes no entry explains', () => {
    const log = check(run(['scan', '--format', 'sarif', '--fail-on', 'none', path.join(FIXTURES, 'huaweicloud-sdk-python.log')]).stdout);
    const { results, tool } = log.runs[0];
    const rules = tool.driver.rules;
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length, 'rule ids are unique');
    for (const result of results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
    }
    const apig = results.filter((result) => result.properties.code === 'APIG.0201');
    assert.equal(apig.length, 2);
    assert.notEqual(apig[0].ruleId, apig[1].ruleId, 'APIG.0201 of two tables is two rules');
    const descriptions = apig.map((result) => rules[result.ruleIndex].shortDescription.text);
    assert.match(descriptions[0], /too large/);
    assert.match(descriptions[1], /timed out/i);
    const unknown = results.find((result) => result.properties.code === 'APIGW.0301')!;
    assert.equal(unknown.properties.kind, 'unknownCode');
    assert.match(unknown.ruleId, /^unknownCode\//);
    assert.match(rules[unknown.ruleIndex].shortDescription.text, /not in the catalogs/);
    assert.equal(unknown.properties.entryId, undefined);
  });

  it('gives every result a fingerprint that stays when lines move, and artifact URIs relative to the current folder', () => {
    const original = fs.readFileSync(path.join(FIXTURES, 'huaweicloud-sdk-python.log'), 'utf8');
    const file = path.join(folder, 'logs', 'app log.log');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, original);
    const before = check(run(['scan', '--format', 'sarif', '--fail-on', 'none', file], { cwd: path.join(folder, 'logs') }).stdout).runs[0].results;
    fs.writeFileSync(file, `a new first line\nand a second\n${original}`);
    const moved = check(run(['scan', '--format', 'sarif', '--fail-on', 'none', file], { cwd: path.join(folder, 'logs') }).stdout).runs[0].results;
    const prints = (results: SarifResult[]) => results.map((result) => result.partialFingerprints['errorCodebookLine/v1']);
    assert.equal(new Set(prints(before)).size, before.length, 'fingerprints are unique');
    assert.deepEqual(prints(moved), prints(before));
    assert.deepEqual(moved.map((result) => result.locations[0].physicalLocation.region.startLine), before.map((result) => result.locations[0].physicalLocation.region.startLine + 2));
    assert.deepEqual(before[0].locations[0].physicalLocation.artifactLocation, { uri: 'app%20log.log', uriBaseId: 'SRCROOT' });
    const fromElsewhere = check(run(['scan', '--format', 'sarif', '--fail-on', 'none', file], { cwd: os.tmpdir() }).stdout).runs[0].results;
    const uri = fromElsewhere[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, `${path.relative(os.tmpdir(), file).split(path.sep).map(encodeURIComponent).join('/')}`);
    const outside = check(run(['scan', '--format', 'sarif', '--fail-on', 'none', path.join(FIXTURES, 'aliyun-tea-java.log')], { cwd: path.join(folder, 'logs') }).stdout).runs[0].results;
    for (const result of [...before, ...fromElsewhere, ...outside]) {
      const location = result.locations[0].physicalLocation.artifactLocation.uri;
      assert.ok(!location.startsWith('/') && !/^[a-z]+:/i.test(location), `${location} is relative`);
    }
    assert.ok(outside[0].locations[0].physicalLocation.artifactLocation.uri.startsWith('../'));
  });
});

describe('JSON output', () => {
  it('holds every finding of every input, in the inputs\' order, and parses as a whole', () => {
    const inputs = ['huaweicloud-sdk-python.log', 'access.log', 'aliyun-tea-java.log'].map((name) => path.join(FIXTURES, name));
    const result = run(['scan', '--format', 'json', '--fail-on', 'none', ...inputs, path.join(folder, 'nope.log')]);
    const report = JSON.parse(result.stdout) as { version: string; files: { path: string; findings: { code: string; line: number }[]; error?: string }[]; catalogProblems: string[] };
    assert.deepEqual(report.files.map((file) => [path.basename(file.path), file.findings.length, file.error === undefined]), [
      ['huaweicloud-sdk-python.log', 7, true],
      ['access.log', 0, true],
      ['aliyun-tea-java.log', 5, true],
      ['nope.log', 0, false],
    ]);
    assert.deepEqual(report.catalogProblems, []);
  });
});

describe('--summary', () => {
  const log = [
    '2024-06-18 09:41:02,117 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
    '2024-06-18 09:41:03,500 INFO nothing',
    '2024-06-18 09:45:10,002 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
    'no time here: huaweicloudsdkocr error_code=ModelArts.4204',
    '2024-06-18 10:00:00,000 ERROR huaweicloudsdkocr - {"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."}',
    '',
  ].join('\n');

  it('counts each code with its first and last line and time, in JSON', () => {
    const file = path.join(folder, 'summary.log');
    fs.writeFileSync(file, log);
    const result = run(['scan', '--summary', '--format', 'json', '--fail-on', 'none', file]);
    const report = JSON.parse(result.stdout) as { files: { path: string; total: number; codes: { code: string; count: number; firstLine: number; lastLine: number; firstTime?: string; lastTime?: string; severity: string }[] }[] };
    assert.equal(report.files[0].total, 4);
    const [ais, modelArts] = report.files[0].codes;
    assert.deepEqual(
      { code: ais.code, count: ais.count, firstLine: ais.firstLine, lastLine: ais.lastLine, firstTime: ais.firstTime, lastTime: ais.lastTime },
      { code: 'AIS.0101', count: 3, firstLine: 1, lastLine: 5, firstTime: '2024-06-18T09:41:02.117', lastTime: '2024-06-18T10:00:00.000' },
    );
    assert.equal(modelArts.code, 'ModelArts.4204');
    assert.equal(modelArts.firstTime, undefined);
  });

  it('counts each code in text, and refuses SARIF', () => {
    const file = path.join(folder, 'summary.log');
    fs.writeFileSync(file, log);
    const result = run(['scan', '--summary', '--fail-on', 'none', file]);
    assert.match(result.stdout, /summary\.log: 4 error codes, 2 distinct/);
    assert.match(result.stdout, /3× AIS\.0101 {2}warning {2}Huawei Cloud · OCR: .*\(lines 1–5, 2024-06-18T09:41:02\.117 → 2024-06-18T10:00:00\.000\)/);
    assert.match(result.stdout, /4 error codes found in 1 input\./);
    const refused = run(['scan', '--summary', '--format', 'sarif', file]);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--summary writes text or json/);
  });
});

describe('gzip inputs', () => {
  it('are scanned as their text is, by name or by their first bytes, from standard input too; a broken one is reported', () => {
    const plain = path.join(FIXTURES, 'huaweicloud-sdk-python.log');
    const compressed = zlib.gzipSync(fs.readFileSync(plain));
    fs.writeFileSync(path.join(folder, 'app.log.gz'), compressed);
    fs.writeFileSync(path.join(folder, 'rotated.1'), compressed);
    fs.writeFileSync(path.join(folder, 'broken.log.gz'), compressed.subarray(0, compressed.length >> 1));
    const lines = (stdout: string) => stdout.split('\n').map((line) => line.replace(/^[^:]+:/, ''));
    const expected = lines(run(['scan', '--fail-on', 'none', plain]).stdout);
    assert.deepEqual(lines(run(['scan', '--fail-on', 'none', path.join(folder, 'app.log.gz')]).stdout), expected);
    assert.deepEqual(lines(run(['scan', '--fail-on', 'none', path.join(folder, 'rotated.1')]).stdout), expected);
    assert.deepEqual(lines(run(['scan', '--fail-on', 'none', '-'], { input: compressed }).stdout), expected);
    const broken = run(['scan', path.join(folder, 'broken.log.gz')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.log\.gz: The file is not valid gzip/);
  });
});

describe('several files at once', () => {
  it('are written, by worker threads, exactly as one thread writes them, in the inputs\' order', () => {
    const inputs = [...fs.readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name)), path.join(folder, 'absent.log'), path.join(FIXTURES, 'aliyun-tea-java.log')];
    for (const format of [[], ['--format', 'json'], ['--format', 'sarif'], ['--summary'], ['--summary', '--format', 'json']]) {
      const one = run(['scan', '--fail-on', 'warning', ...format, ...inputs], { threads: 0 });
      const several = run(['scan', '--fail-on', 'warning', ...format, ...inputs], { threads: 3 });
      assert.equal(several.stdout, one.stdout, format.join(' '));
      assert.equal(several.stderr, one.stderr);
      assert.equal(several.status, 2);
    }
    const ordered = run(['scan', '--fail-on', 'none', ...inputs.slice(0, -2)], { threads: 2 }).stdout.split('\n').filter((line) => line.includes(':'));
    const files = ordered.map((line) => line.split(':')[0]);
    assert.deepEqual(files, [...files].sort((a, b) => inputs.indexOf(a) - inputs.indexOf(b)));
  });

  it('stop quietly when standard output is closed early', () => {
    const big = path.join(folder, 'big.log');
    fs.writeFileSync(big, fs.readFileSync(path.join(FIXTURES, 'huaweicloud-sdk-python.log'), 'utf8').repeat(3000));
    const result = spawnSync('bash', ['-c', `ERROR_CODEBOOK_SCAN_THREADS=2 "${process.execPath}" "${CLI}" scan --fail-on warning "${big}" "${big}" "${big}" 2>"${folder}/stderr" | head -n 3 >/dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    assert.match(result.stdout, /status 1/);
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
  });
});

describe('one large file', () => {
  // Over the size that gets its token filter and line scanning a thread of their own (SCAN_THREAD_MIN_BYTES).
  const large = path.join(folder, 'large.log');
  // The fixtures once in about every 500 KB, among lines with nothing to find.
  const fixtures = fs.readdirSync(FIXTURES).map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8')).join('\n');
  const block = `${fixtures}\n${'2024-06-18 09:41:02,117 INFO worker.py:88 - request 7f3a handled in 12 ms, 200 OK\n'.repeat(5_000)}`;
  fs.writeFileSync(large, block.repeat(Math.ceil((SCAN_THREAD_MIN_BYTES + 1) / Buffer.byteLength(block))));

  it('is written with its lines scanned on a thread of their own exactly as one thread writes it', () => {
    const one = run(['scan', '--fail-on', 'none', '--format', 'json', large], { threads: 1 });
    const two = run(['scan', '--fail-on', 'none', '--format', 'json', large], { threads: 2 });
    assert.equal(one.status, 0, one.stderr);
    assert.ok((JSON.parse(one.stdout) as { files: { findings: unknown[] }[] }).files[0].findings.length > 1000);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr, '');
    const result = spawnSync('bash', ['-c', `ERROR_CODEBOOK_SCAN_THREADS=2 "${process.execPath}" "${CLI}" scan --fail-on warning "${large}" 2>"${folder}/stderr" | head -n 3 >/dev/null; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    assert.match(result.stdout, /status 1/);
    assert.equal(fs.readFileSync(path.join(folder, 'stderr'), 'utf8'), '');
  });

  it('has its pieces read by the worker as the scanner reads them', async () => {
    const previous = process.env.ERROR_CODEBOOK_SCAN_THREADS;
    process.env.ERROR_CODEBOOK_SCAN_THREADS = '2';
    const index = createLanguageService(readCatalogFiles([path.join(ROOT, 'catalogs')]).texts).index;
    const thread = ScanThread.start(index, SCAN_THREAD_MIN_BYTES, path.join(ROOT, 'dist', 'scanThread.js'));
    if (previous === undefined) {
      delete process.env.ERROR_CODEBOOK_SCAN_THREADS;
    } else {
      process.env.ERROR_CODEBOOK_SCAN_THREADS = previous;
    }
    assert.ok(thread, 'a thread for a large file on two cores');
    try {
      const bytes = fs.readFileSync(large);
      // More pieces than the worker has slots, each cut anywhere.
      let found = 0;
      for (let id = 0; id < 6; id++) {
        const piece = bytes.subarray(id * 1_000_003, (id + 1) * 1_000_003);
        assert.equal(thread.send(piece), id);
        await waitFor(() => thread.hasRead(id), 10_000, `the worker's reading of piece ${id}`);
        const scans = thread.take(id);
        assert.ok(scans, `the worker's answer for piece ${id}`);
        assert.deepStrictEqual(scans, scanPieceLines(piece, index, UTF8_BYTES));
        found += scans.keys.length;
      }
      assert.ok(found > 100, `${found} occurrences`);
    } finally {
      thread.close();
    }
  });
});

describe('an error log, every line a finding', () => {
  // Each line names another host, so no two findings are described alike, and the JSON written is
  // nearly five times the log. The command line runs with a heap smaller than either.
  const errors = path.join(folder, 'errors.log');
  const LINES = 80_000;
  const filler = 'retrying with backoff, the request was throttled by the gateway in front of the service';
  fs.writeFileSync(errors, Array.from({ length: LINES }, (_, line) => `GET https://h${line}.ocr.cn-north-4.myhuaweicloud.com/v2/x 400 AIS.0101 ${filler}\n`).join(''));
  const HEAP = '--max-old-space-size=40';

  /** Runs the command line into a pipe that is not read for `pauseMs`, then read to the end. */
  function scanIntoPipe(pauseMs: number, inputs = [errors], options: { heap?: string; threads?: number } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
    const env = { ...process.env, ...(options.threads !== undefined ? { ERROR_CODEBOOK_SCAN_THREADS: String(options.threads) } : {}) };
    const child = spawn(process.execPath, [options.heap ?? HEAP, CLI, 'scan', '--fail-on', 'none', '--format', 'json', ...inputs], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.pause();
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.stdout.resume(), pauseMs);
    // A run that hangs (a scan waiting for a reader that never comes) fails its test, not the suite.
    const limit = setTimeout(() => child.kill(), 60_000);
    return new Promise((resolve) => {
      child.on('close', (status) => {
        clearTimeout(timer);
        clearTimeout(limit);
        resolve({ status, stdout: Buffer.concat(chunks).toString('utf8'), stderr });
      });
    });
  }

  function findingsOf(stdout: string, file = 0): { line: number; code: string; origin?: string }[] {
    return (JSON.parse(stdout) as { files: { findings: { line: number; code: string; origin?: string }[] }[] }).files[file].findings;
  }

  it('is written whole in a memory that does not grow with its findings', async () => {
    const result = await scanIntoPipe(0);
    assert.equal(result.status, 0, result.stderr.slice(0, 2000));
    const findings = findingsOf(result.stdout);
    assert.equal(findings.length, LINES);
    // More than the heap could hold.
    assert.ok(result.stdout.length > 40 * 1024 * 1024, `${result.stdout.length} characters of JSON`);
    // Each finding names its own host, also after the descriptions kept were let go.
    for (const line of [1, 2, 40_000, LINES]) {
      assert.match(findings[line - 1].origin ?? '', new RegExp(`h${line - 1}\\.ocr\\.`), `line ${line}`);
    }
  });

  it('waits for a reader that is slower than the scan, instead of holding what it wrote', async () => {
    const result = await scanIntoPipe(1_500);
    assert.equal(result.status, 0, result.stderr.slice(0, 2000));
    assert.equal(findingsOf(result.stdout).length, LINES);
  });

  it('is written with another by worker threads, in their order, holding back both scans while they wait', async () => {
    // The second file's findings wait while the first is written, and the reader is slow; the
    // heap is smaller than either file's JSON.
    const again = path.join(folder, 'errors-again.log');
    fs.copyFileSync(errors, again);
    const result = await scanIntoPipe(3_000, [errors, again], { heap: '--max-old-space-size=64', threads: 2 });
    assert.equal(result.status, 0, result.stderr.slice(0, 2000));
    for (const file of [0, 1]) {
      const findings = findingsOf(result.stdout, file);
      assert.equal(findings.length, LINES);
      assert.deepEqual([findings[0].line, findings[LINES - 1].line], [1, LINES]);
    }
  });
});
