/*
 * Documentation links that hold, checked offline: every address in every built-in catalog (source
 * pages, related tables, the per-code template, any address in the text) is https, on its provider's
 * documentation hosts, and a `{code}` template has exactly one `{code}`, after the host, so every
 * code of the catalog makes a well-formed https link.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CatalogFile, httpsHost, isHttpsUrl } from '../../server/src/core/index';

const CATALOGS = path.resolve(__dirname, '..', '..', 'catalogs');

/** The hosts each provider publishes its documentation and error lookup on. */
const DOCUMENTATION_HOSTS: Record<string, readonly string[]> = {
  'Huawei Cloud': ['support.huaweicloud.com', 'www.huaweicloud.com'],
  'Alibaba Cloud': ['help.aliyun.com', 'www.alibabacloud.com', 'error-center.aliyun.com'],
};

/** Every address a catalog holds, with where it stands. */
function addresses(catalog: CatalogFile): { at: string; url: string }[] {
  const found: { at: string; url: string }[] = [];
  catalog.sources.forEach((source, index) => found.push({ at: `sources[${index}].url`, url: source.url }));
  catalog.documentation?.relatedTables?.forEach((table, index) => found.push({ at: `documentation.relatedTables[${index}].url`, url: table.url }));
  const walk = (value: unknown, at: string) => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(/[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]*/g)) {
        found.push({ at, url: match[0] });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        walk(item, `${at}.${key}`);
      }
    }
  };
  catalog.entries.forEach((entry, index) => walk(entry, `entries[${index}]`));
  return found;
}

/** What is wrong with a catalog's links; empty when they hold. */
function linkProblems(catalog: CatalogFile): string[] {
  const problems: string[] = [];
  const hosts = DOCUMENTATION_HOSTS[catalog.provider.en ?? ''];
  if (!hosts) {
    return [`${catalog.id}: no documentation hosts are known for provider ${JSON.stringify(catalog.provider)}`];
  }
  const onHost = (url: string) => {
    const host = httpsHost(url);
    return host !== undefined && hosts.includes(host);
  };
  for (const { at, url } of addresses(catalog)) {
    if (!isHttpsUrl(url)) {
      problems.push(`${catalog.id} ${at}: ${url} is not a well-formed https address`);
    } else if (!onHost(url)) {
      problems.push(`${catalog.id} ${at}: ${url} is not on ${hosts.join(', ')}`);
    }
  }
  const template = catalog.documentation?.codeUrlTemplate;
  if (template !== undefined) {
    const places = template.split('{code}').length - 1;
    const host = httpsHost(template.replace('{code}', 'code'));
    if (places !== 1) {
      problems.push(`${catalog.id} codeUrlTemplate: ${template} has ${places} {code}s; it needs exactly one`);
    } else if (template.indexOf('{code}') < `https://${host ?? ''}/`.length - 1 || /[{}]/.test(template.replace('{code}', ''))) {
      problems.push(`${catalog.id} codeUrlTemplate: ${template} must hold {code} after its host and no other braces`);
    }
    for (const entry of catalog.entries) {
      const url = template.replace('{code}', encodeURIComponent(entry.code));
      if (!isHttpsUrl(url) || !onHost(url)) {
        problems.push(`${catalog.id} codeUrlTemplate: ${entry.code} makes ${url}`);
      }
    }
  }
  const languages = catalog.sources.map((source) => source.language);
  if (new Set(languages).size !== languages.length) {
    problems.push(`${catalog.id}: two source pages in one language`);
  }
  return problems;
}

const catalogs = fs
  .readdirSync(CATALOGS)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => JSON.parse(fs.readFileSync(path.join(CATALOGS, name), 'utf8')) as CatalogFile);

describe('documentation links', () => {
  for (const catalog of catalogs) {
    it(`hold in ${catalog.id}: https, on the provider's documentation hosts, {code} templates well formed`, () => {
      assert.deepEqual(linkProblems(catalog), []);
      assert.ok(addresses(catalog).length >= catalog.sources.length);
    });
  }

  it('are refused when they leave https, the provider\'s hosts, or the {code} template\'s form', () => {
    const imm = catalogs.find((catalog) => catalog.id === 'alibabacloud-imm')!;
    const damaged: [string, (copy: CatalogFile) => void, RegExp][] = [
      ['an http source', (copy) => (copy.sources[0].url = 'http://help.aliyun.com/document_detail/91593.html'), /not a well-formed https address/],
      ['a source on another host', (copy) => (copy.sources[0].url = 'https://example.com/errors.html'), /is not on help\.aliyun\.com/],
      ['a look-alike host', (copy) => (copy.sources[0].url = 'https://help.aliyun.com.example.net/x'), /is not on/],
      ['a template without {code}', (copy) => (copy.documentation!.codeUrlTemplate = 'https://error-center.aliyun.com/status/search'), /has 0 \{code\}s/],
      ['a template with two {code}s', (copy) => (copy.documentation!.codeUrlTemplate = 'https://error-center.aliyun.com/{code}?Keyword={code}'), /has 2 \{code\}s/],
      ['a template with {code} in its host', (copy) => (copy.documentation!.codeUrlTemplate = 'https://{code}.aliyun.com/status'), /after its host/],
      ['a template with another brace', (copy) => (copy.documentation!.codeUrlTemplate = 'https://error-center.aliyun.com/status/search?Keyword={code}&p={page}'), /no other braces/],
      ['an address in an entry\'s text', (copy) => (copy.entries[0].solution = { 'zh-cn': '参见 http://example.com/help' }), /entries\[0\]\.solution\.zh-cn: http:\/\/example\.com\/help/],
    ];
    for (const [what, damage, message] of damaged) {
      const copy = JSON.parse(JSON.stringify(imm)) as CatalogFile;
      damage(copy);
      const problems = linkProblems(copy);
      assert.ok(problems.some((problem) => message.test(problem)), `${what}: ${JSON.stringify(problems)}`);
    }
  });
});
