/*
 * A whole Chinese UI: every string a person sees has a Chinese translation — the contributed
 * names and descriptions (package.nls.zh-cn.json), the extension's own words (the l10n bundle, which
 * the extension looks up by errorCodebook.displayLanguage, not VS Code's language alone), and the
 * server's and command line's words (server/src/core/strings.ts). A translation is Chinese text,
 * not the English left in place, except for the few names that are the same in both.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { stringsFor } from '../../server/src/core/index';

const ROOT = path.resolve(__dirname, '..', '..');
const HAN = /[\u3400-\u9fff]/;

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
}

/** Names that read the same in Chinese: the product's name, a format's, an HTTP header's, a key of Alibaba's bodies. */
const SAME_IN_BOTH = new Set(['Error Codebook', 'Markdown', 'HTTP', 'HostId']);

describe('translations into Chinese', () => {
  it('package.nls.zh-cn.json translates every contributed name and description', () => {
    const english = readJson('package.nls.json');
    const chinese = readJson('package.nls.zh-cn.json');
    const untranslated = Object.keys(english).filter((key) => !SAME_IN_BOTH.has(english[key]) && !HAN.test(chinese[key] ?? ''));
    assert.deepEqual(untranslated, []);
  });

  it('the l10n bundle translates every message into Chinese', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const untranslated = Object.entries(bundle).filter(([message, translation]) => !SAME_IN_BOTH.has(message) && !HAN.test(translation)).map(([message]) => message);
    assert.deepEqual(untranslated, []);
  });

  it('the extension says everything through the lookup that follows errorCodebook.displayLanguage', () => {
    const offending: string[] = [];
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          walk(file);
        } else if (entry.name.endsWith('.ts') && /\bvscode\.l10n\.t\(/.test(fs.readFileSync(file, 'utf8'))) {
          offending.push(path.relative(ROOT, file));
        }
      }
    };
    walk(path.join(ROOT, 'client', 'src'));
    assert.deepEqual(offending, []);
  });

  it('the server\'s and command line\'s words have a Chinese text for every English one', () => {
    const untranslated: string[] = [];
    const compare = (english: unknown, chinese: unknown, at: string) => {
      if (typeof english === 'string') {
        if (typeof chinese !== 'string' || (!SAME_IN_BOTH.has(english) && !HAN.test(chinese))) {
          untranslated.push(at);
        }
      } else if (typeof english === 'function') {
        // Called with sample values: what it says must be Chinese, whatever it is given.
        const args = Array.from({ length: english.length }, (_, index) => (index % 2 === 0 ? 2 : 'x'));
        const said = typeof chinese === 'function' ? String((chinese as (...values: unknown[]) => unknown)(...args)) : '';
        const englishSaid = String((english as (...values: unknown[]) => unknown)(...args));
        // A pure format of its arguments (file:line:column: message) has no words to translate.
        if (!HAN.test(said) && /[A-Za-z]{3,}/.test(englishSaid.replace(/\bx\b/g, ''))) {
          untranslated.push(at);
        }
      } else if (english !== null && typeof english === 'object') {
        for (const key of Object.keys(english)) {
          compare((english as Record<string, unknown>)[key], (chinese as Record<string, unknown> | undefined)?.[key], `${at}.${key}`);
        }
      }
    };
    compare(stringsFor('en'), stringsFor('zh-cn'), 'strings');
    assert.deepEqual(untranslated, []);
  });
});
