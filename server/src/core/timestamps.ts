/*
 * The time a log line carries, as the line writes it: ISO-8601 and its common relatives
 * (`2024-06-18 09:41:05,226`, `2024/06/18T10:02:11Z`), the access-log form
 * (`18/Jun/2024:10:02:11 +0800`) and the syslog form at the start of a line (`Jun 18 10:02:11`).
 * Only the first few hundred characters are looked at: that is where a log line puts its time.
 */

export interface LineTimestamp {
  /** The timestamp as the line writes it. */
  text: string;
  start: number;
  end: number;
}

/** How far into a line its time is looked for. */
const SEARCH_LENGTH = 256;

/** Each form, with a check that its numbers make a date and a time. */
const FORMS: { pattern: RegExp; plausible: (match: RegExpExecArray) => boolean }[] = [
  {
    // 2024-06-18 09:41:05,226 · 2024-06-18T10:02:29.461Z · 2024/06/18 10:02:11+08:00
    pattern: /(?<![0-9])([12][0-9]{3})([-/])([01][0-9])\2([0-3][0-9])[T ]([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(?:[.,][0-9]{1,9})?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?(?![0-9])/,
    plausible: (match) => isDate(Number(match[3]), Number(match[4])) && Number(match[5]) < 24,
  },
  {
    // 18/Jun/2024:10:02:11 +0800
    pattern: /(?<![0-9])([0-3][0-9])\/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/([12][0-9]{3}):([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(?: [+-][0-2][0-9][0-5][0-9])?/,
    plausible: (match) => Number(match[1]) >= 1 && Number(match[1]) <= 31 && Number(match[4]) < 24,
  },
  {
    // Jun 18 10:02:11, at the start of a line (after a syslog priority)
    pattern: /^(?:<[0-9]{1,3}>)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ 0-3][0-9]) ([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(?![0-9])/,
    plausible: (match) => Number(match[2]) >= 1 && Number(match[2]) <= 31 && Number(match[3]) < 24,
  },
];

function isDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The first timestamp of a line, or undefined when it carries none. */
export function lineTimestamp(line: string): LineTimestamp | undefined {
  const head = line.length > SEARCH_LENGTH ? line.slice(0, SEARCH_LENGTH) : line;
  let best: LineTimestamp | undefined;
  for (const { pattern, plausible } of FORMS) {
    const match = pattern.exec(head);
    if (match && plausible(match) && (best === undefined || match.index < best.start)) {
      const start = match.index + (match[0].startsWith('<') ? match[0].indexOf('>') + 1 : 0);
      best = { text: head.slice(start, match.index + match[0].length), start, end: match.index + match[0].length };
    }
  }
  return best;
}
