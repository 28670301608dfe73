/*
 * The extension's page: the README as the packaged .vsix shows it (scripts/packagedReadme.ts). VS
 * Code shows a picture there only from an https URL, so every picture is one (the repository's
 * files on its host); its links go somewhere from the page (https, or a heading of its own);
 * developer setup stays out of its opening, and it still states the two commands for a fresh
 * machine, the second being what .ci/run runs. A CHANGELOG.md goes along, and every bundle the
 * release build makes.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { imagesBaseUrl, packagedReadme } from '../../scripts/packagedReadme';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; repository?: { url?: string }; scripts: Record<string, string> };
const allowed = fs
  .readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1).trim());

/** Whether the packaged .vsix holds a file of the repository (it exists and the allow-list names it). */
function packaged(file: string): boolean {
  return fs.existsSync(path.join(ROOT, file)) && allowed.some((pattern) => minimatch(file, pattern));
}

/** Markdown without its fenced code blocks, where brackets are code, not links. */
function prose(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '');
}

function pictures(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g), ...prose(markdown).matchAll(/<img[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
}

describe('the README on the extension page', () => {
  it('shows its pictures from https URLs: the repository\'s files on its host', () => {
    const base = imagesBaseUrl(packageJson);
    const shown = packagedReadme(readme, base);
    const sources = pictures(shown);
    assert.ok(sources.length >= 3, 'the README shows pictures');
    assert.deepEqual(sources.filter((source) => !source.startsWith('https://')), []);
    // Each is a file of the repository, under the same path on its host.
    for (const source of pictures(readme).filter((item) => !item.startsWith('https://'))) {
      assert.ok(fs.existsSync(path.join(ROOT, source)), source);
      assert.ok(shown.includes(`](${base}${source})`), source);
    }
  });

  it('refuses a picture that is no file of the repository, and a repository that is not an https URL', () => {
    assert.throws(() => packagedReadme('![x](images/none.png)', 'https://host/raw/HEAD/'), /images\/none\.png, which is no file of the repository/);
    assert.throws(() => imagesBaseUrl({ repository: 'git@host:x.git' }), /not an https URL/);
    assert.equal(imagesBaseUrl({ repository: { url: 'https://github.com/o/r.git' } }), 'https://github.com/o/r/raw/HEAD/');
  });

  it('links only to https pages or its own headings', () => {
    const links = [...prose(readme).matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    const headings = new Set(
      [...readme.matchAll(/^#+\s+(.+)$/gm)].map((match) =>
        match[1]
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s-]/gu, '')
          .trim()
          .replace(/\s/g, '-'),
      ),
    );
    assert.deepEqual(links.filter((href) => !href.startsWith('https://') && !(href.startsWith('#') && headings.has(href.slice(1)))), []);
  });

  it('opens with what the product does, not how to develop it', () => {
    const opening = readme.slice(0, readme.indexOf('\n## In VS Code'));
    assert.ok(opening.length > 0);
    assert.doesNotMatch(opening, /npm (run|install|start|test)|```sh/);
  });

  it('still states the two commands for a fresh machine, and .ci/run runs the second', () => {
    assert.match(readme, /```sh\nnpm run setup && npm start\n```/);
    assert.match(readme, /```sh\nnpm run setup && npm test\n```/);
    assert.match(fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8'), /^npm run setup && npm test$/m);
  });

  it('comes with a CHANGELOG.md of the package\'s version', () => {
    const version = packageJson.version;
    assert.ok(packaged('CHANGELOG.md'));
    assert.match(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm'));
  });
});

describe('the packaged extension', () => {
  it('holds every bundle the release build makes (the line-scanning worker too)', () => {
    const bundles = [...packageJson.scripts['build:release'].matchAll(/\b(\w+)=\S+\.ts\b/g)].map((match) => `dist/${match[1]}.js`);
    assert.deepEqual(bundles, ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/scanThread.js']);
    assert.deepEqual(bundles.filter((bundle) => !allowed.some((pattern) => minimatch(bundle, pattern))), []);
  });
});
