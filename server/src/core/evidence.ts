/*
 * The evidence around an occurrence that the resolver weighs: the text of its own line and, for
 * pretty-printed JSON, the sibling message a few lines away; and whether another code stands close
 * by. Shared by the editor's documents and the stream scanner, so both decide alike.
 */
import { Evidence } from './resolver';
import { Occurrence, isNumericCode, messageWindow } from './scanner';

/** How many lines around an occurrence can hold its sibling message or the other code of its JSON object. */
export const NEIGHBOURHOOD = 6;

const MESSAGE_KEY = /["']?(?:error_?msg|error_?message|errorMessage|ErrorMessage|Message|message|msg|Msg)["']?\s*[:=]/;

/** The lines evidence is read from. */
export interface LineSource {
  /** A line's text without its terminator; undefined past the ends of what is available. */
  lineText(line: number): string | undefined;
  /** The occurrences found on a line; undefined or empty when there are none. */
  occurrencesOn(line: number): readonly Occurrence[] | undefined;
}

/** How many non-numeric occurrences a line's list holds, counted once per list. */
const nonNumericCounts = new WeakMap<readonly Occurrence[], number>();

function nonNumericCount(list: readonly Occurrence[]): number {
  let count = nonNumericCounts.get(list);
  if (count === undefined) {
    count = list.filter((item) => !isNumericCode(item)).length;
    nonNumericCounts.set(list, count);
  }
  return count;
}

export function gatherEvidence(occurrence: Occurrence, source: LineSource): Evidence {
  const line = occurrence.line;
  const own = source.lineText(line) ?? '';
  let text = messageWindow(own, occurrence.start);
  const numeric = isNumericCode(occurrence);
  // Counted once per line, not per occurrence: a long line of numeric codes would otherwise cost
  // the square of its number of codes.
  let otherCodeNearby = nonNumericCount(source.occurrencesOn(line) ?? []) - (numeric ? 0 : 1) > 0;
  // Pretty-printed JSON keeps the message and the other code of an object on lines of their own:
  // look outward for them, but never past a line that holds another code (another object).
  // The own line is searched only in the bounded window around the occurrence, as its message is.
  let messageFound = MESSAGE_KEY.test(text);
  for (const direction of [-1, 1]) {
    for (let step = 1; step <= NEIGHBOURHOOD; step++) {
      const other = line + direction * step;
      const otherText = source.lineText(other);
      if (otherText === undefined) {
        break;
      }
      const others = source.occurrencesOn(other);
      if (others !== undefined && nonNumericCount(others) > 0) {
        otherCodeNearby ||= occurrence.context === 'key' && numeric;
        break;
      }
      if (!messageFound && MESSAGE_KEY.test(otherText.slice(0, 200))) {
        text += ' ' + messageWindow(otherText);
        messageFound = true;
      }
    }
  }
  return { text, otherCodeNearby };
}
