/*
 * The command line's catalog subcommands, run as a maintainer would: `error-codebook import` on the
 * seed pages (into copies of the built-in catalogs) and `error-codebook catalogs`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../support/lspClient';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const SEEDS = path.join(ROOT, 'test', 'fixtures', 'seeds');
const MARKETPLACE_SEED = path.join(SEEDS, '000_80d7ab4052ed044b.txt');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding copies of built-in catalogs and the reviewed exceptions, as catalogs/ does. */
function catalogCopy(...ids: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-import-'));
  for (const name of [...ids.map((id) => `${id}.json`), 'import-exceptions.jsonc']) {
    fs.copyFileSync(path.join(ROOT, 'catalogs', name), path.join(folder, name));
  }
  return folder;
}

describe('error-codebook import', () => {
  it('finds nothing to change when a catalog\'s own page is imported into it', () => {
    const folder = catalogCopy('alibabacloud-ocr-marketplace');
    const catalog = path.join(folder, 'alibabacloud-ocr-marketplace.json');
    const before = fs.readFileSync(catalog, 'utf8');
    const result = run(['import', MARKETPLACE_SEED, '-o', catalog, '--captured', '2026-11-22']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /text, zh-cn, alibabacloud; code, message, description: 35 rows/);
    assert.match(result.stdout, /kept the catalog's description of 461:1: The capture lost the line break/);
    assert.match(result.stdout, /alibabacloud-ocr-marketplace \(zh-cn\): 0 added, 0 removed, 0 changed, 35 unchanged/);
    assert.equal(fs.readFileSync(catalog, 'utf8'), before);
  });

  it('shows a changed page as a diff with --dry-run, and writes it, keeping the translations, without', () => {
    const folder = catalogCopy('alibabacloud-ocr-marketplace');
    const catalog = path.join(folder, 'alibabacloud-ocr-marketplace.json');
    const before = fs.readFileSync(catalog, 'utf8');
    const page = path.join(folder, 'page.txt');
    fs.writeFileSync(page, fs.readFileSync(MARKETPLACE_SEED, 'utf8').replace('URL错误', 'URL地址错误'));
    const dryRun = run(['import', page, '-o', catalog, '--dry-run', '--captured', '2026-11-22']);
    assert.equal(dryRun.status, 0, dryRun.stderr);
    assert.deepEqual(dryRun.stdout.split('\n').filter((line) => line.startsWith('alibabacloud') || line.startsWith('  ~') || line.includes('URL')), [
      'alibabacloud-ocr-marketplace (zh-cn): 0 added, 0 removed, 1 changed, 34 unchanged',
      '  ~ 400',
      '      - URL错误',
      '      + URL地址错误',
    ]);
    assert.equal(fs.readFileSync(catalog, 'utf8'), before);
    const written = run(['import', page, '-o', catalog, '--captured', '2026-11-29']);
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /~ source captured: 2026-11-22 → 2026-11-29/);
    const entry = (JSON.parse(fs.readFileSync(catalog, 'utf8')) as { entries: { code: string; description: unknown; translations: unknown }[] }).entries[0];
    assert.deepEqual(entry.description, { 'zh-cn': 'URL地址错误' });
    assert.deepEqual(entry.translations, { description: { en: 'Incorrect URL' } });
  });

  it('makes a new catalog when told its id, service and address, and prints it without --output', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-new-'));
    const catalog = path.join(folder, 'demo-ocr.json');
    const seed = path.join(SEEDS, '001_7d7a317a8d1ceec3.txt');
    const url = 'https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html';
    const missing = run(['import', seed, '-o', catalog, '--url', url]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /A new catalog needs the service's name/);
    assert.equal(fs.existsSync(catalog), false);
    const made = run(['import', seed, '-o', catalog, '--url', url, '--service', 'en=OCR', '--captured', '2026-11-29']);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /demo-ocr \(en\): 39 added/);
    const written = JSON.parse(fs.readFileSync(catalog, 'utf8')) as { id: string; provider: unknown; sources: unknown[]; entries: unknown[] };
    assert.equal(written.id, 'demo-ocr');
    assert.deepEqual(written.provider, { en: 'Huawei Cloud', 'zh-cn': '华为云' });
    assert.deepEqual(written.sources, [{ language: 'en', url, title: 'Error Codes', updated: '2022-10-29 GMT+08:00', captured: '2026-11-29' }]);
    assert.equal(written.entries.length, 39);
    const printed = run(['import', seed, '--url', url, '--id', 'demo-ocr', '--service', 'en=OCR', '--captured', '2026-11-29']);
    assert.equal(printed.status, 0, printed.stderr);
    assert.equal(printed.stdout, fs.readFileSync(catalog, 'utf8'));
    assert.match(printed.stderr, /demo-ocr \(en\): 39 added/);
  });

  it('exits 2 on a wrong command line and 1 on a page without an error-code table', () => {
    for (const args of [[], ['a.html', 'b.html'], ['page.html', '--captured', '29.11.2026'], ['page.html', '--provider', 'aws'], ['page.html', '--url', 'http://example.com'], ['page.html', '--bogus'], ['page.html', '--dry-run'], ['page.html', '--service', 'OCR']]) {
      const result = run(['import', ...args]);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /Usage: error-codebook import <page>/);
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-page-'));
    const page = path.join(folder, 'page.html');
    fs.writeFileSync(page, '<h1>Nothing</h1><table><tr><td>a</td><td>b</td></tr></table>');
    const result = run(['import', page]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /No error-code table was found/);
    assert.equal(run(['import', path.join(folder, 'missing.html')]).status, 1);
    assert.equal(run(['import', '--help']).status, 0);
  });
});

describe('error-codebook catalogs', () => {
  it('lists each catalog with its entry count, source pages and dates', () => {
    const result = run(['catalogs']);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.ok(lines.includes('huaweicloud-ocr  39 entries  Huawei Cloud · OCR'), result.stdout);
    assert.ok(lines.includes('  en     https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html  updated 2022-10-29 GMT+08:00  captured 2026-11-22'));
    assert.ok(lines.includes('  zh-cn  https://support.huaweicloud.com/api-ocr/ocr_03_0028.html  captured 2026-11-22'));
    const json = JSON.parse(run(['catalogs', '--format', 'json', '--lang', 'zh-cn']).stdout) as { catalogs: { id: string; entries: number; provider: string; provenance?: string }[] };
    const marketplace = json.catalogs.find((catalog) => catalog.id === 'alibabacloud-ocr-marketplace');
    assert.equal(marketplace?.entries, 35);
    assert.equal(marketplace?.provider, '阿里云');
    assert.equal(marketplace?.provenance, '阿里云云市场OCR错误码,页面更新于 2023-11-29');
  });

  it('reports broken catalogs of --catalog on standard error and exits 1; a wrong option exits 2', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ecb-list-'));
    fs.writeFileSync(path.join(folder, 'broken.json'), '{ "version": 1, ');
    const result = run(['catalogs', '--catalog', folder]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /catalog problem: .*broken\.json:1:\d+: Not valid JSON/);
    assert.match(result.stdout, /^alibabacloud-imm {2}43 entries/m);
    assert.equal(run(['catalogs', '--format', 'yaml']).status, 2);
    assert.equal(run(['catalogs', '--lang', 'fr']).status, 2);
  });
});
