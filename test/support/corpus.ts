/*
 * The labelled real-world corpus (test/corpus, see its README) scored against the built-in
 * catalogs: how many labelled codes are found, how many with the right entry (or kind) on top,
 * how many findings mean something they are not, and how many findings stand where nothing was
 * labelled. Shared by the unit test that holds the targets and by anyone who wants the figures.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LanguageService, ResolvedOccurrence, createLanguageService } from '../../server/src/core/index';

export const CORPUS = path.resolve(__dirname, '..', 'corpus');
const CATALOGS = path.resolve(__dirname, '..', '..', 'catalogs');

export interface Label {
  line: number;
  code: string;
  /** `<catalogId>:<code>[:n]`, `unknown-family:<provider>`, `other-product:<provider>/<product>` or `either:<id>|<id>`. */
  expect: string;
  why?: string;
}

export interface Miss {
  file: string;
  line: number;
  code: string;
  expected: string;
  /** What the tool said, or `silent`. */
  actual: string;
}

export interface CorpusScore {
  /** Labels of codes some catalog lists or whose family it knows: they must be found. */
  labelled: number;
  found: number;
  right: number;
  /** Labels of other products' codes: never to be claimed as an entry; said "not in the catalogs" when the text shows them. */
  otherProductLabels: number;
  otherProductsReported: number;
  /** Findings whose entry is another than the labelled one (a wrong meaning). */
  wrongMeanings: Miss[];
  /** Labelled other products' codes explained as an entry of our catalogs. */
  claimedOtherProducts: Miss[];
  /** Labelled unknown codes of known families not reported as such. */
  unknownNotReported: Miss[];
  /** Findings where nothing is labelled: in negatives, and in positives on unlabelled tokens. */
  falseAlarms: Miss[];
  /** False alarms in the negatives (other clouds and generic logs) alone. */
  negativeFindings: number;
  misses: Miss[];
  files: number;
}

export function loadCorpusLabels(corpus = CORPUS): Record<string, Label[]> {
  return (JSON.parse(fs.readFileSync(path.join(corpus, 'labels.json'), 'utf8')) as { files: Record<string, Label[]> }).files;
}

export function builtInService(): LanguageService {
  const texts = fs
    .readdirSync(CATALOGS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: path.join(CATALOGS, name), text: fs.readFileSync(path.join(CATALOGS, name), 'utf8') }));
  return createLanguageService(texts);
}

/** What a finding says, in the labels' terms. */
export function describeFinding({ resolution }: ResolvedOccurrence): string {
  switch (resolution.kind) {
    case 'entry':
      return resolution.ranked[0].entry.id;
    case 'unknownCode':
      return `unknown-family:${resolution.family?.provider ?? resolution.origin?.provider ?? '?'}`;
    case 'otherProduct':
      return `other-product:${resolution.otherProduct?.provider ?? '?'}/${resolution.otherProduct?.product ?? '?'}`;
  }
}

/**
 * Whether what the tool said is what the label expects. A code no catalog lists is rightly said to
 * be "not in the catalogs" of its provider, as an unknown code of a family or as another product's
 * error: the two differ only in how much the text tells. When the tool names a product, it must be
 * the labelled one.
 */
function agrees(expected: string, actual: string): boolean {
  if (expected.startsWith('either:')) {
    return expected.slice('either:'.length).split('|').includes(actual);
  }
  const unlisted = /^(?:unknown-family:([^/]+)|other-product:([^/]+)\/(.+))$/;
  const wanted = unlisted.exec(expected);
  const said = unlisted.exec(actual);
  if (wanted && said) {
    const provider = wanted[1] ?? wanted[2];
    const product = wanted[3];
    return (said[1] ?? said[2]) === provider && (said[3] === undefined || said[3] === '?' || product === undefined || said[3] === product);
  }
  return expected === actual;
}

/** Whether a label is of a code some catalog lists or whose family it knows, which must be found. */
export function mustBeFound(label: Label): boolean {
  return !label.expect.startsWith('other-product:');
}

/** Scores a corpus laid out as test/corpus is (labels.json beside positives/ and negatives/). */
export function scoreCorpus(service: LanguageService = builtInService(), corpus = CORPUS): CorpusScore {
  const labels = loadCorpusLabels(corpus);
  const score: CorpusScore = {
    labelled: 0,
    found: 0,
    right: 0,
    otherProductLabels: 0,
    otherProductsReported: 0,
    wrongMeanings: [],
    claimedOtherProducts: [],
    unknownNotReported: [],
    falseAlarms: [],
    negativeFindings: 0,
    misses: [],
    files: 0,
  };
  for (const [file, expected] of Object.entries(labels)) {
    score.files++;
    const text = fs.readFileSync(path.join(corpus, file), 'utf8');
    const document = service.createDocument(text);
    const findings = [...document.occurrences()];
    // Labels and findings are matched by line and token, in order, so a code twice on a line is two.
    const pending = new Map<string, ResolvedOccurrence[]>();
    for (const found of findings) {
      const key = `${found.occurrence.line + 1}\u0000${found.occurrence.token}`;
      pending.set(key, [...(pending.get(key) ?? []), found]);
    }
    for (const label of expected) {
      const key = `${label.line}\u0000${label.code}`;
      const found = pending.get(key)?.shift();
      const actual = found ? describeFinding(found) : 'silent';
      const miss: Miss = { file, line: label.line, code: label.code, expected: label.expect, actual };
      const right = agrees(label.expect, actual);
      if (mustBeFound(label)) {
        score.labelled++;
        score.found += found ? 1 : 0;
        score.right += right ? 1 : 0;
      } else {
        score.otherProductLabels++;
        score.otherProductsReported += right ? 1 : 0;
      }
      if (right || (!mustBeFound(label) && !found)) {
        continue;
      }
      score.misses.push(miss);
      if (label.expect.startsWith('other-product:') && found?.resolution.kind === 'entry') {
        score.claimedOtherProducts.push(miss);
      } else if (label.expect.startsWith('unknown-family:') && found?.resolution.kind !== 'unknownCode') {
        score.unknownNotReported.push(miss);
      } else if (found?.resolution.kind === 'entry') {
        score.wrongMeanings.push(miss);
      }
    }
    for (const rest of pending.values()) {
      for (const found of rest) {
        const alarm = { file, line: found.occurrence.line + 1, code: found.occurrence.token, expected: 'nothing', actual: describeFinding(found) };
        score.falseAlarms.push(alarm);
        if (file.startsWith('negatives/')) {
          score.negativeFindings++;
        }
      }
    }
  }
  return score;
}

if (require.main === module) {
  // Another corpus of the same layout (a held-out one, say) may be named on the command line.
  const score = scoreCorpus(builtInService(), process.argv[2] ? path.resolve(process.argv[2]) : CORPUS);
  const percent = (part: number) => `${((100 * part) / Math.max(1, score.labelled)).toFixed(1)}%`;
  console.log(`${score.files} files, ${score.labelled} labelled codes of our catalogs or their families, ${score.otherProductLabels} of other products`);
  console.log(`found ${score.found} (${percent(score.found)}), right ${score.right} (${percent(score.right)}); other products said to be so ${score.otherProductsReported}`);
  console.log(`wrong meanings ${score.wrongMeanings.length}, other products claimed ${score.claimedOtherProducts.length}, unknown not reported ${score.unknownNotReported.length}`);
  console.log(`false alarms ${score.falseAlarms.length} (in negatives ${score.negativeFindings})`);
  for (const miss of [...score.misses, ...score.falseAlarms]) {
    console.log(`  ${miss.file}:${miss.line} ${miss.code}: expected ${miss.expected}, got ${miss.actual}`);
  }
}
