/*
 * The time a log line was written, in the formats logs commonly use: ISO 8601
 * (`2024-06-18T09:41:02.117Z`, `2024-06-18 09:41:02.117+08:00`), Python and Java loggers
 * (`2024-06-18 09:41:02,117`), Go's `2024/06/18 09:41:02.117`, syslog (`Jun 18 09:41:02`, which has
 * no year), access logs (`18/Jun/2024:09:41:02 +0000`) and epoch milliseconds or seconds under a
 * JSON time key (`"timestamp": 1718703662117`). Used to tell when a code first and last appeared.
 */

export interface LineTimestamp {
  /** Where it stands in the line: [start, end). */
  start: number;
  end: number;
  /** As written. */
  text: string;
  /**
   * The time in ISO 8601 form (`2024-06-18T09:41:02.117`, with `Z` or the offset when the text
   * gives a zone); absent for a time without a year (syslog's).
   */
  iso?: string;
  /** Milliseconds since the epoch, when the text fixes the instant: a zone, or epoch milliseconds. */
  epochMs?: number;
}

/** How far into a line a written date is looked for: log prefixes put it first. */
const PREFIX_WINDOW = 200;
/** How far into a line a JSON time key is looked for. */
const KEY_WINDOW = 4096;

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/** `2024-06-18T09:41:02.117Z`, `2024-06-18 09:41:02,117`, `2024/06/18 09:41:02.117 +08:00`. */
const NUMERIC_DATE = /(?<![0-9])(\d{4})([-/])(\d{2})\2(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(?:\s?(Z|[+-]\d{2}:?\d{2})(?![0-9]))?/;
/** `18/Jun/2024:09:41:02 +0000`, as access logs write it. */
const ACCESS_DATE = /(?<![0-9])(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\s([+-]\d{4}))?/;
/**
 * `Jun 18 09:41:02`, `Jun  8 09:41:02.117`, as syslog writes it: no year, and only where syslog puts
 * it, at the start of the line (after a priority `<13>` or a bracket); one in a sentence is not the line's time.
 */
const SYSLOG_DATE = /(?<=^(?:<\d{1,3}>)?\[?)([A-Z][a-z]{2}) ([ 1-3]?\d) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?![0-9])/;
/** `"timestamp": 1718703662117`, `"ts":1718703662`, `"@timestamp": "2024-06-18T09:41:02Z"`. */
const TIME_KEY = /"(?:@?timestamp|time|ts|datetime|date|logtime|log_time|eventTime|event_time)"\s*:\s*(?:(\d{10}(?:\.\d+)?|\d{13})(?![0-9.])|"([^"]{10,40})")/i;

/** Epoch times from 2000 to 2100: a number outside is no time. */
const EPOCH_MS_FROM = Date.UTC(2000, 0, 1);
const EPOCH_MS_TO = Date.UTC(2100, 0, 1);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function validClock(month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

/** Milliseconds of a zone offset: `Z`, `+08:00`, `-0500`. */
function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

function normalisedZone(zone: string): string {
  if (zone === 'Z') {
    return 'Z';
  }
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}

interface Clock {
  year?: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fractional digits as written, up to milliseconds. */
  fraction?: string;
  zone?: string;
}

function describe(clock: Clock, start: number, end: number, text: string): LineTimestamp | undefined {
  const { year, month, day, hour, minute, second, fraction, zone } = clock;
  if (!validClock(month, day, hour, minute, second)) {
    return undefined;
  }
  const milliseconds = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  const result: LineTimestamp = { start, end, text };
  if (year !== undefined) {
    result.iso = `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${milliseconds}${zone ? normalisedZone(zone) : ''}`;
    if (zone) {
      result.epochMs = Date.UTC(year, month - 1, day, hour, minute, second, Number(milliseconds.slice(1) || 0)) - zoneOffsetMs(zone);
    }
  }
  return result;
}

function fromNumericDate(match: RegExpExecArray, offset: number): LineTimestamp | undefined {
  const [text, year, , month, day, hour, minute, second, fraction, zone] = match;
  return describe(
    { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), ...(fraction ? { fraction } : {}), ...(zone ? { zone } : {}) },
    offset + match.index,
    offset + match.index + text.length,
    text,
  );
}

/** An ISO-like string under a JSON time key, or epoch seconds or milliseconds. */
function fromTimeKey(match: RegExpExecArray): LineTimestamp | undefined {
  const [, epoch, written] = match;
  if (epoch !== undefined) {
    const milliseconds = epoch.length === 13 ? Number(epoch) : Math.round(Number(epoch) * 1000);
    if (milliseconds < EPOCH_MS_FROM || milliseconds >= EPOCH_MS_TO) {
      return undefined;
    }
    const start = match.index + match[0].length - epoch.length;
    return { start, end: start + epoch.length, text: epoch, iso: new Date(milliseconds).toISOString(), epochMs: milliseconds };
  }
  const at = match.index + match[0].length - written.length - 1;
  const inner = NUMERIC_DATE.exec(written);
  return inner && inner.index === 0 ? fromNumericDate(inner, at) : undefined;
}

/**
 * The time a line was written: a date near its start (the logger's prefix), else a JSON time key
 * anywhere in its first few kilobytes. Undefined when the line carries none.
 */
export function findTimestamp(line: string): LineTimestamp | undefined {
  const head = line.length > PREFIX_WINDOW ? line.slice(0, PREFIX_WINDOW) : line;
  const numeric = NUMERIC_DATE.exec(head);
  const access = ACCESS_DATE.exec(head);
  const syslog = SYSLOG_DATE.exec(head);
  // The earliest of the written forms is the logger's own.
  const written = [
    numeric && { at: numeric.index, read: () => fromNumericDate(numeric, 0) },
    access && { at: access.index, read: () => fromAccessDate(access) },
    syslog && { at: syslog.index, read: () => fromSyslogDate(syslog) },
  ]
    .filter((item): item is { at: number; read: () => LineTimestamp | undefined } => Boolean(item))
    .sort((a, b) => a.at - b.at);
  for (const candidate of written) {
    const found = candidate.read();
    if (found) {
      return found;
    }
  }
  const keyed = TIME_KEY.exec(line.length > KEY_WINDOW ? line.slice(0, KEY_WINDOW) : line);
  return keyed ? fromTimeKey(keyed) : undefined;
}

function fromAccessDate(match: RegExpExecArray): LineTimestamp | undefined {
  const [text, day, monthName, year, hour, minute, second, zone] = match;
  const month = MONTHS[monthName.toLowerCase()];
  if (month === undefined) {
    return undefined;
  }
  return describe(
    { year: Number(year), month, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), ...(zone ? { zone } : {}) },
    match.index,
    match.index + text.length,
    text,
  );
}

function fromSyslogDate(match: RegExpExecArray): LineTimestamp | undefined {
  const [text, monthName, day, hour, minute, second, fraction] = match;
  const month = MONTHS[monthName.toLowerCase()];
  if (month === undefined) {
    return undefined;
  }
  return describe(
    { month, day: Number(day.trim()), hour: Number(hour), minute: Number(minute), second: Number(second), ...(fraction ? { fraction } : {}) },
    match.index,
    match.index + text.length,
    text,
  );
}
