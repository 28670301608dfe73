/*
 * The README as the packaged extension shows it on its page. VS Code's extension page shows a
 * picture only from an http(s) URL: it drops relative paths and data: URLs, whatever the package
 * holds. So each relative picture of the README (a file of the repository) becomes a URL on the
 * repository's host — `<repository>/raw/HEAD/<path>`, the form vsce uses for a GitHub repository —
 * and the README of the repository keeps its relative paths. `npm run package` hands the result to
 * vsce (--readme-path).
 *
 *   node --import tsx scripts/packagedReadme.ts [out/package/README.md]
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Where the repository serves its files: `<repository URL without .git>/raw/HEAD/`. */
export function imagesBaseUrl(packageJson: { repository?: string | { url?: string } }): string {
  const repository = typeof packageJson.repository === 'string' ? packageJson.repository : packageJson.repository?.url;
  if (!repository || !/^https:\/\/[^\s]+$/.test(repository)) {
    throw new Error(`package.json's repository (${repository ?? 'none'}) is not an https URL: the README's pictures would have nowhere to load from.`);
  }
  return `${repository.replace(/\.git$/, '').replace(/\/+$/, '')}/raw/HEAD/`;
}

/** The README with every relative picture turned into a URL under `base`; a picture that is no file of the repository is an error. */
export function packagedReadme(readme: string, base: string): string {
  return readme.replace(/(!\[[^\]]*\]\()([^)\s]+)(\))/g, (whole: string, open: string, source: string, close: string) => {
    if (/^https:\/\//.test(source)) {
      return whole;
    }
    const file = path.resolve(ROOT, source);
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    if (relative.startsWith('..') || !fs.existsSync(file)) {
      throw new Error(`README.md shows ${source}, which is no file of the repository.`);
    }
    return `${open}${base}${relative}${close}`;
  });
}

if (require.main === module) {
  const target = path.resolve(ROOT, process.argv[2] ?? path.join('out', 'package', 'README.md'));
  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, packagedReadme(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), imagesBaseUrl(packageJson)));
}
