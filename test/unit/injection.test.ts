/*
 * Catalog text is shown, never obeyed: Markdown, HTML, command: and javascript: links, backticks,
 * pipes and newlines in a catalog render as plain text in hovers and explanations (escaped), and as
 * one clean line in diagnostics. The only clickable links are https documentation links built from
 * the catalog's documented URLs; a catalog with http: or javascript: URLs is refused by the loader.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCatalogText, LanguageTag, CatalogText, LanguageService, createLanguageService } from '../../server/src/core/index';
import { catalogTexts } from '../support/miniCatalogs';

const SEVERITY = { serverError: 'error', clientError: 'warning', unknownStatus: 'warning', success: 'hint' } as const;

const PAYLOADS = [
  '**bold** and _italic_ and ~~struck~~',
  '[x](https://evil.example)',
  '[x]( https://evil.example "title" )',
  '![img](https://evil.example/i.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">a</a>',
  '<https://evil.example>',
  '[run](command:workbench.action.terminal.new)',
  '[run](command:_workbench.downloadResource?%5B%22https%3A%2F%2Fevil.example%22%5D)',
  'javascript:alert(document.cookie)',
  '[js](javascript:alert(1))',
  'http://evil.example/plain',
  'https://evil.example/bare',
  'www.evil.example',
  'mail me at someone@evil.example',
  '`inline code` and ``double``',
  '```js\nalert(1)\n```',
  '~~~\nfence\n~~~',
  '| a | b |\n|---|---|\n| c | d |',
  'first line\nsecond line\r\nthird line\rfourth line',
  'paragraph\n\n    indented code block\n\ttabbed code block',
  '# heading\n## heading',
  '> quote',
  '- item\n* item\n+ item\n1. item\n2) item',
  'setext\n===\nsetext\n---',
  '[ref]: https://evil.example',
  '[ref]\n\n[ref]: https://evil.example',
  '&lt;script&gt; &#x3C;script&#x3E; &amp;',
  '\\[already escaped\\] \\\\',
  '<!-- comment -->',
  '$$ x $$ and $x$',
  'trailing backslash\\',
  'control \u0000 \u0007 \u001b[31mred\u001b[0m \u007f \u0085 \u009b',
  'separators \u2028 \u2029 \u000b \u000c',
  'bidi \u202e txet desrever \u202c',
];

const SAFE_HOST = 'https://docs.example.com/errors';
const SOURCE_URL = 'https://example.com/error_(codes)[1]';
/** The source URL as it must appear in a Markdown link: parentheses and brackets percent-encoded. */
const SOURCE_HREF = 'https://example.com/error_%28codes%29%5B1%5D';

function evilCatalog(id: string, payloads: string[]): CatalogText {
  const text = (payload: string) => ({ en: payload, 'zh-cn': `中文 ${payload}` });
  return {
    file: `${id}.json`,
    text: JSON.stringify({
      version: 1,
      id,
      provider: { en: `Evil ${payloads[0]}`, 'zh-cn': payloads[1] ?? payloads[0] },
      service: { en: payloads[2] ?? payloads[0], 'zh-cn': payloads[3] ?? payloads[0] },
      languages: ['en', 'zh-cn'],
      sources: [
        { language: 'en', url: SOURCE_URL, title: payloads[4] ?? payloads[0], updated: payloads[5] ?? payloads[0] },
        { language: 'zh-cn', url: 'https://example.com/zh' },
      ],
      documentation: {
        codeUrlTemplate: `${SAFE_HOST}?code={code}`,
        relatedTables: [{ codePrefix: 'EVIL', url: 'https://example.com/related', title: text(payloads[6] ?? payloads[0]) }],
      },
      errorBody: { codeKeys: ['Code'], messageKeys: ['Message'] },
      repairs: [payloads[0]],
      entries: [
        ...payloads.map((payload, index) => ({
          code: `Evil.${String(index).padStart(4, '0')}`,
          httpStatus: 400 + (index % 100),
          module: text(payload),
          message: { en: `Message ${payload}` },
          description: text(payload),
          cause: { en: payload },
          solution: { en: `Fix: ${payload}` },
          translations: { solution: { 'zh-cn': payload }, cause: { 'zh-cn': payload } },
          repairs: [payload],
        })),
        { code: 'Evil.{ParameterName}.Bound', message: { en: `Bad {ParameterName}: ${payloads[0]}` }, description: { en: payloads[1] ?? payloads[0] } },
        { code: 'Shared.0001', description: { en: payloads[0] } },
      ],
    }),
  };
}

/** The same code in a second catalog, so hovers list other meanings too. */
function secondCatalog(payload: string): CatalogText {
  return {
    file: 'second.json',
    text: JSON.stringify({
      version: 1,
      id: 'second-evil',
      provider: { en: payload },
      service: { en: payload },
      languages: ['en'],
      sources: [{ language: 'en', url: 'https://second.example.com/errors' }],
      entries: [
        { code: 'Shared.0001', message: { en: payload }, description: { en: `${payload} ${payload}` } },
        { code: 'Evil.0000', message: { en: payload } },
      ],
    }),
  };
}

/** Whether the character at `index` is escaped by an odd number of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text[at] === '\\'; at--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

/** A link the Markdown makes, read from an unescaped `[`: a title, `](`, a target and `)`. */
const LINK = /\[((?:\\.|[^\\[\]])*)\]\(([^()\s]*)\)/y;

/**
 * Asserts that Markdown made from catalog text is inert: its only links are https links to the
 * allowed targets; outside them no `[ ] ( ) < > \` ! & |` or other markup character stands unescaped
 * (the renderer's own `*`, `-` and `:` aside), no line is an indented code block, and no bare URL
 * could be auto-linked.
 */
function assertInertMarkdown(markdown: string, allowedTargets: Set<string>, context: string): void {
  let outside = '';
  let last = 0;
  for (let index = markdown.indexOf('['); index !== -1; index = markdown.indexOf('[', Math.max(index + 1, last))) {
    if (isEscaped(markdown, index)) {
      continue;
    }
    LINK.lastIndex = index;
    const match = LINK.exec(markdown);
    if (!match) {
      // A stray `[`: the check of what stands outside links reports it.
      continue;
    }
    const target = match[2];
    assert.ok(/^https:\/\//.test(target), `a link to ${target} in ${context}:\n${markdown}`);
    assert.ok(allowedTargets.has(target), `a link to ${target}, not a documented URL, in ${context}:\n${markdown}`);
    outside += markdown.slice(last, match.index) + ' ';
    last = match.index! + match[0].length;
  }
  outside += markdown.slice(last);
  for (let index = 0; index < outside.length; index++) {
    const char = outside[index];
    if (/[!-/:-@[-`{-~]/.test(char) && !'*-:\\'.includes(char) && !isEscaped(outside, index)) {
      assert.fail(`unescaped ${JSON.stringify(char)} at ${index} in ${context}: ${JSON.stringify(outside.slice(Math.max(0, index - 40), index + 40))}`);
    }
  }
  assert.ok(!outside.includes('://'), `a bare URL in ${context}`);
  for (const line of markdown.split('\n')) {
    assert.ok(!/^( {4,}|\t)\S/.test(line), `an indented code block line ${JSON.stringify(line)} in ${context}`);
  }
}

/** One line, no control characters (C0, DEL, C1) and no Unicode line or paragraph separators. */
function assertOneCleanLine(text: string, context: string): void {
  assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text), `${context} holds a control character or line break: ${JSON.stringify(text)}`);
}

/** The documented URLs of a code: the catalog's code URL template filled in, and the source pages. */
function targetsFor(code: string): Set<string> {
  return new Set([`${SAFE_HOST}?code=${encodeURIComponent(code)}`, SOURCE_HREF, 'https://example.com/zh', 'https://second.example.com/errors']);
}

/** Every surface catalog text reaches, checked for every entry of the loaded catalogs. */
function checkEverySurface(service: LanguageService, codes: string[]): void {
  for (const language of ['en', 'zh-cn'] as LanguageTag[]) {
    const text = codes.map((code) => `${code} {"Code": "${code}", "Message": "x"}`).join('\n');
    const document = service.createDocument(text);
    const found = [...document.occurrences()];
    assert.ok(found.length >= codes.length, `${found.length} codes found of ${codes.length}`);
    for (const { occurrence } of found) {
      const hover = service.hover(document, { line: occurrence.line, character: occurrence.start }, language);
      assert.ok(hover);
      assertInertMarkdown(hover.markdown, targetsFor(occurrence.token), `the hover of ${occurrence.token} (${language})`);
    }
    const { diagnostics } = service.diagnostics(document, { language, severity: SEVERITY, maxCount: 10_000 });
    assert.equal(diagnostics.length, found.length);
    for (const diagnostic of diagnostics) {
      assertOneCleanLine(diagnostic.message, `the diagnostic of ${diagnostic.code}`);
      assert.ok(diagnostic.href === undefined || /^https:\/\/(docs\.example\.com|example\.com|second\.example\.com)\//.test(diagnostic.href), String(diagnostic.href));
    }
    for (const link of service.links(document, language)) {
      assert.match(link.url, /^https:\/\/docs\.example\.com\/errors\?code=|^https:\/\/second\.example\.com\//);
      assertOneCleanLine(link.tooltip, 'a link tooltip');
    }
    for (const symbol of service.symbols(document, language)) {
      assertOneCleanLine(symbol.detail, `the symbol detail of ${symbol.name}`);
    }
    for (const group of service.findings(document, language, SEVERITY).groups) {
      assertOneCleanLine(group.meaning, `the finding meaning of ${group.code}`);
      assertOneCleanLine(group.catalog, `the finding catalog of ${group.code}`);
    }
    for (const entry of service.index.entries.filter((item) => ['evil-catalog', 'second-evil'].includes(item.catalog.id))) {
      const explanation = service.explain(entry.id, language);
      assert.ok(explanation);
      assertInertMarkdown(explanation.markdown, targetsFor(entry.data.code), `the explanation of ${entry.id} (${language})`);
      for (const link of explanation.links) {
        assert.match(link.url, /^https:\/\//);
      }
    }
    for (const item of service.search('Evil', language, 200)) {
      assert.equal(typeof item.title, 'string');
      assertOneCleanLine(item.catalog, 'a search result catalog');
    }
  }
}

describe('catalog text renders as plain text', () => {
  it('the checks see markup when it is there (self-test)', () => {
    assert.throws(() => assertInertMarkdown('**Message:** [x](https://evil.example)', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('**Message:** <script>', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('**Message:** `code`', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('**Message:** ![i](https://docs.example.com/errors?code=A.1)', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('a  \n  \n    code block', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('see https\\://evil.example', targetsFor('A.1'), 'test'));
    assert.throws(() => assertInertMarkdown('[Documentation](http://docs.example.com/errors?code=A.1)', targetsFor('A.1'), 'test'));
    assertInertMarkdown('**A\\.1** — x  \n\\[x\\]\\(y\\) [Documentation: A\\.1](https://docs.example.com/errors?code=A.1)', targetsFor('A.1'), 'test');
    assert.throws(() => assertOneCleanLine('a\nb', 'test'));
    assert.throws(() => assertOneCleanLine('a\u0085b', 'test'));
  });

  it('in hovers, explanations, diagnostics, links, symbols and findings, for every payload', () => {
    const service = createLanguageService([evilCatalog('evil-catalog', PAYLOADS), secondCatalog(PAYLOADS[4]), ...catalogTexts()]);
    assert.deepEqual(service.loaded.problems, []);
    const codes = [...PAYLOADS.map((_, index) => `Evil.${String(index).padStart(4, '0')}`), 'Evil.Name_1.Bound', 'Shared.0001'];
    checkEverySurface(service, codes);
  });

  it('for any text at all in every field (property)', () => {
    const fragment = fc.oneof(
      fc.constantFrom(...PAYLOADS),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(...'[]()<>`!*_~|#&\\\n\r\t :/.'.split('')), maxLength: 20 }),
    );
    const payload = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(fc.array(payload, { minLength: 7, maxLength: 9 }), (payloads) => {
        const service = createLanguageService([evilCatalog('evil-catalog', payloads), secondCatalog(payloads[1])]);
        assert.deepEqual(service.loaded.problems.filter((problem) => !/placeholder/.test(problem.message)), []);
        const loadedCodes = service.index.entries.filter((entry) => entry.catalog.id === 'evil-catalog').map((entry) => entry.data.code.replace('{ParameterName}', 'Name'));
        checkEverySurface(service, loadedCodes);
      }),
      { numRuns: 60 },
    );
  });

  it('a bound placeholder shows as text too', () => {
    const service = createLanguageService([evilCatalog('evil-catalog', PAYLOADS)]);
    const document = service.createDocument('Evil.a_b.Bound');
    const hover = service.hover(document, { line: 0, character: 3 }, 'en');
    assert.ok(hover);
    assert.match(hover.markdown, /\\\{ParameterName\\\} \\= a\\_b/);
    assertInertMarkdown(hover.markdown, targetsFor('Evil.a_b.Bound'), 'the bound hover');
  });

  it('keeps showing the text itself, escaped, not dropping it', () => {
    const service = createLanguageService([evilCatalog('evil-catalog', ['<script>alert(1)</script>', '[x](https://evil.example)'])]);
    const markdown = service.explain('evil-catalog:Evil.0000', 'en')!.markdown;
    assert.ok(markdown.includes('\\<script\\>alert\\(1\\)\\<\\/script\\>'), markdown);
    const diagnostic = service.diagnostics(service.createDocument('Evil.0001'), { language: 'en', severity: SEVERITY, maxCount: 10 }).diagnostics[0];
    assert.match(diagnostic.message, /^Evil\.0001: \[x\]\(https:\/\/evil\.example\) .*\[Evil <script>alert\(1\)<\/script> · /);
  });
});

describe('only https documentation URLs are accepted', () => {
  const base = {
    version: 1,
    id: 'urls',
    provider: { en: 'P' },
    service: { en: 'S' },
    languages: ['en'],
    entries: [{ code: 'Url.0001', message: { en: 'm' } }],
  };
  const BAD_URLS = [
    'http://example.com/errors',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'command:workbench.action.terminal.new',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vscode://settings',
    '//example.com/errors',
    'https:/example.com',
    'https://example.com/a b',
    'https://example.com/"onmouseover="x',
    'https://example.com/<script>',
    'https://exa mple.com/',
    ' https://example.com/errors',
    'https://example.com/\nhttp://evil.example',
  ];

  for (const url of BAD_URLS) {
    it(`refuses a catalog whose only source is ${JSON.stringify(url)}`, () => {
      const text = JSON.stringify({ ...base, sources: [{ language: 'en', url }] }, null, 2);
      const { catalog, problems } = parseCatalogText(text, 'urls.json');
      assert.equal(catalog, undefined);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0].message, /must be an https URL/);
      assert.equal(problems[0].line, text.split('\n').findIndex((line) => line.includes('"url"')) + 1);
    });

    it(`refuses the codeUrlTemplate ${JSON.stringify(url)} and never links to it`, () => {
      const template = `${url}?code={code}`;
      const text = JSON.stringify({ ...base, sources: [{ language: 'en', url: 'https://example.com/ok' }], documentation: { codeUrlTemplate: template } }, null, 2);
      const { catalog, problems } = parseCatalogText(text, 'urls.json');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.match(problems[0].message, /"codeUrlTemplate" must be an https URL/);
      assert.equal(problems[0].line, text.split('\n').findIndex((line) => line.includes('"codeUrlTemplate"')) + 1);
      assert.equal(catalog?.documentation?.codeUrlTemplate, undefined);
      const service = createLanguageService([{ file: 'urls.json', text }]);
      const document = service.createDocument('Url.0001');
      const hover = service.hover(document, { line: 0, character: 1 }, 'en')!;
      assertInertMarkdown(hover.markdown, new Set(['https://example.com/ok']), 'the hover');
      assert.deepEqual(service.links(document, 'en').map((link) => link.url), ['https://example.com/ok']);
      assert.deepEqual(service.explain('urls:Url.0001', 'en')!.links.map((link) => link.url), ['https://example.com/ok']);
    });
  }

  it('keeps a catalog with one bad source among good ones, without the bad one', () => {
    const text = JSON.stringify(
      { ...base, sources: [{ language: 'en', url: 'https://example.com/ok' }, { language: 'en', url: 'javascript:alert(1)' }] },
      null,
      2,
    );
    const { catalog, problems } = parseCatalogText(text, 'urls.json');
    assert.equal(problems.length, 1);
    assert.deepEqual(catalog?.sources.map((source) => source.url), ['https://example.com/ok']);
  });

  it('refuses a related table with an http URL', () => {
    const text = JSON.stringify(
      {
        ...base,
        sources: [{ language: 'en', url: 'https://example.com/ok' }],
        documentation: { relatedTables: [{ codePrefix: 'APIGW', url: 'http://example.com/apigw', title: { en: 't' } }] },
      },
      null,
      2,
    );
    const { catalog, problems } = parseCatalogText(text, 'urls.json');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, text.split('\n').findIndex((line) => line.includes('http://example.com/apigw')) + 1);
    assert.deepEqual(catalog?.documentation?.relatedTables, []);
  });
});
