/*
 * Template codes (`InvalidParameter.{ParameterName}.Empty`, `PH{ParameterName}{ResourceType}Z`):
 * matching binds what a regular expression with greedy groups binds, and its work grows linearly
 * with the token for any template the schema allows, adjacent placeholders included. Work is
 * counted (the matcher's own steps), never timed.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CODE_PLACEHOLDERS, MatchWork, compileCodeTemplate, createLanguageService, matchCodeTemplate } from '../../server/src/core/index';
import { testCatalog } from '../support/miniCatalogs';
import { runs } from '../support/runs';

/** The reference: a regular expression, each placeholder a greedy group of 1–256 name characters. */
function referenceMatch(code: string, token: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = code.replace(/\{([A-Za-z]+)\}|([^{]+)/g, (_, name: string | undefined, literal: string | undefined) => {
    if (name) {
      names.push(name);
      return '([A-Za-z0-9_]{1,256})';
    }
    return literal!.replace(/[.]/g, '\\.');
  });
  const match = new RegExp(`^${source}$`).exec(token);
  if (!match) {
    return undefined;
  }
  const bindings: Record<string, string> = {};
  names.forEach((name, index) => {
    bindings[name] = match[index + 1];
  });
  return bindings;
}

const literalPiece = fc.stringMatching(/^[A-Za-z0-9_.]{1,4}$/);
const placeholder = fc.constantFrom(...CODE_PLACEHOLDERS.map((name) => `{${name}}`));
/** Any code the schema allows: literal pieces and placeholders in any order, adjacent ones too. */
const templateCode = fc
  .array(fc.oneof(literalPiece, placeholder, placeholder), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((code) => code.includes('{'));

/** A token that matches the template, or nearly: each placeholder filled with name characters, then maybe spoilt. */
function instanceOf(code: string, fill: string[], spoil: number): string {
  let index = 0;
  const token = code.replace(/\{[A-Za-z]+\}/g, () => fill[index++ % fill.length] || 'x');
  if (spoil === 0 || token.length === 0) {
    return token;
  }
  const at = spoil % token.length;
  return `${token.slice(0, at)}${'.-a'[spoil % 3]}${token.slice(at + 1)}`;
}

const nameRun = fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/);

describe('template codes', () => {
  it('keep the bindings of today', () => {
    const empty = compileCodeTemplate('InvalidParameter.{ParameterName}.Empty');
    assert.deepEqual(matchCodeTemplate(empty, 'InvalidParameter.SourceURI.Empty'), { ParameterName: 'SourceURI' });
    assert.equal(matchCodeTemplate(empty, 'InvalidParameter..Empty'), undefined);
    assert.equal(matchCodeTemplate(empty, 'InvalidParameter.X.Y.Empty'), undefined);
    const adjacent = compileCodeTemplate('PH{ParameterName}{ResourceType}Z');
    // Longest first: the first placeholder takes all it can and leaves one character to the second.
    assert.deepEqual(matchCodeTemplate(adjacent, 'PHabcZ'), { ParameterName: 'ab', ResourceType: 'c' });
    assert.equal(matchCodeTemplate(adjacent, 'PHaZ'), undefined);
    assert.deepEqual(matchCodeTemplate(compileCodeTemplate('AIS.0101'), 'AIS.0101'), {});
  });

  it('bind what greedy groups of a regular expression bind, for any template and token', () => {
    fc.assert(
      fc.property(templateCode, fc.array(nameRun, { minLength: 1, maxLength: 4 }), fc.nat(40), (code, fill, spoil) => {
        const template = compileCodeTemplate(code);
        for (const token of [instanceOf(code, fill, 0), instanceOf(code, fill, spoil), fill.join('')]) {
          assert.deepEqual(matchCodeTemplate(template, token), referenceMatch(code, token), `${code} on ${token}`);
        }
      }),
      { numRuns: runs(400, 2000), seed: 1001 },
    );
  });

  it('take work linear in the token, for any template and token', () => {
    fc.assert(
      fc.property(templateCode, fc.array(nameRun, { minLength: 1, maxLength: 4 }), fc.nat(40), fc.integer({ min: 1, max: 600 }), (code, fill, spoil, stretch) => {
        const template = compileCodeTemplate(code);
        // Tokens up to the longest a template can match and past it, made of long runs of name characters.
        const long = fill.map((run) => run.repeat(Math.ceil(stretch / run.length)).slice(0, stretch));
        for (const token of [instanceOf(code, long, 0), instanceOf(code, long, spoil), long.join('')]) {
          const work: MatchWork = { steps: 0 };
          matchCodeTemplate(template, token, work);
          const perPosition = template.segments.reduce((sum, segment) => sum + ('literal' in segment ? segment.literal.length + 1 : 2), 1);
          assert.ok(work.steps <= 2 * perPosition * (token.length + 1) + 256 * template.segments.length, `${work.steps} steps for ${code} on ${token.length} characters`);
        }
      }),
      { numRuns: runs(200, 1000), seed: 1002 },
    );
  });

  it('scan adjacent placeholders quickly: twenty tokens of a thousand characters', () => {
    const service = createLanguageService([testCatalog('adjacent', [{ code: 'PH{ParameterName}{ResourceType}Z' }])]);
    assert.deepEqual(service.loaded.problems, []);
    const tokens = Array.from({ length: 20 }, (_, index) => `"Code": "PH${'a'.repeat(997)}${index % 2 === 0 ? 'Z' : 'Y'}"`);
    const found = [...service.createDocument(tokens.join(', ')).occurrences()];
    // Too long to bind (a placeholder binds at most 256 characters): none is a code.
    assert.equal(found.length, 0);
    const short = [...service.createDocument(`{"Code": "PH${'a'.repeat(300)}Z"}`).occurrences()];
    assert.deepEqual(short.map(({ resolution }) => resolution.ranked[0].bindings), [{ ParameterName: 'a'.repeat(256), ResourceType: 'a'.repeat(44) }]);
  });
});
