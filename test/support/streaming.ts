/*
 * The stream scanner as the file scan drives it: UTF-8 bytes in, decoded as the file scan decodes them.
 */
import type { DocumentClue, ResolvedOccurrence, LanguageService, StreamScanner } from '../../server/src/core/index';
import { UTF8_BYTES } from '../../server/src/utf8Bytes';

export function utf8StreamScanner(service: LanguageService, maxLineLength?: number, documentClues?: readonly DocumentClue[]): StreamScanner {
  return service.createStreamScanner({
    ...UTF8_BYTES,
    ...(maxLineLength !== undefined ? { maxLineLength } : {}),
    ...(documentClues ? { documentClues } : {}),
  });
}

/**
 * Streams a text as UTF-8, cut into pieces at these byte positions, and returns what was found. The
 * scanner is given the text's document clues beforehand, as the file scan gives a small file's.
 */
export function streamText(service: LanguageService, text: string, cuts: number[] = [], maxLineLength?: number): ResolvedOccurrence[] {
  const bytes = Buffer.from(text, 'utf8');
  const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const scanner = utf8StreamScanner(service, maxLineLength, service.documentClues(text));
  const found: ResolvedOccurrence[] = [];
  const collect = (item: ResolvedOccurrence) => found.push(item);
  let last = 0;
  for (const position of [...positions, bytes.length]) {
    scanner.push(bytes.subarray(last, position), collect);
    last = position;
  }
  scanner.end(collect);
  return found;
}
