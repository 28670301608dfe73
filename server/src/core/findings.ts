/*
 * Every code of a document grouped by what it means, for log triage ("2,100× APIG.0308") in the
 * Error Codes view, and findings described one by one for the command line.
 */
import { LanguageTag } from './catalogModel';
import { ResolvedOccurrence, askingEvery } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { catalogLabel, findingLinks, meaningOf, originLine, plainLine, renderDiagnosticMessage, unlistedTitle } from './render';
import { FindingKind, Resolution } from './resolver';
import { CodeRules, SEVERITY_RANK, Severity, SeverityByStatus, isIgnored, severityOfOccurrence } from './severity';
import { findTimestamp } from './timestamps';

export interface FindingGroup {
  code: string;
  /** The entry meant; absent for a code no entry explains. */
  entryId?: string;
  kind: FindingKind;
  /** "Provider · Service" of the entry, or what the code is ("Alibaba Cloud ECS — not in the catalogs"). */
  catalog: string;
  meaning: string;
  /** Whose error it is and where that came from, when a clue said it. */
  origin?: string;
  count: number;
  firstLine: number;
  lastLine: number;
  firstCharacter: number;
  lastCharacter: number;
  severity: Severity;
  /** Set when the user ignores the code (errorCodebook.ignoredCodes): it is listed, but nowhere else. */
  ignored?: true;
  /** The first occurrences (at most MAX_SAMPLES), and the last one, to go to. */
  occurrences: GroupOccurrence[];
  /** The times the lines of the first and last occurrence carry, as they write them (see `timeGroups`). */
  firstTime?: string;
  lastTime?: string;
}

/** Where one occurrence of a group stands, and the time its line carries. */
export interface GroupOccurrence {
  line: number;
  character: number;
  time?: string;
}

/** How many occurrences of a group are kept to go to: the first ones, then only the last. */
const MAX_SAMPLES = 50;

/** What a finding says, apart from where it stands. */
interface Described {
  entryId?: string;
  kind: FindingKind;
  catalog: string;
  meaning: string;
  origin?: string;
  severity: Severity;
  ignored?: true;
}

function describe(found: ResolvedOccurrence, language: LanguageTag, severity: SeverityByStatus, index: CodeIndex, rules?: CodeRules): Described {
  const { resolution } = found;
  const ignored = isIgnored(found, rules);
  const level = ignored ? 'hint' : severityOfOccurrence(found, severity, rules);
  const origin = originLine(resolution, language, index);
  const common = { kind: resolution.kind, severity: level === 'off' ? ('hint' as const) : level, ...(origin ? { origin } : {}), ...(ignored ? { ignored: true as const } : {}) };
  if (resolution.kind === 'entry') {
    const entry = resolution.ranked[0].entry;
    return { entryId: entry.id, catalog: catalogLabel(entry.catalog, language), meaning: plainLine(meaningOf(entry, language)), ...common };
  }
  const title = unlistedTitle(resolution, language, index);
  const [nearest] = resolution.ranked;
  return { catalog: title, meaning: nearest ? `${nearest.entry.data.code}: ${plainLine(meaningOf(nearest.entry, language))}` : title, ...common };
}

/** What a finding means, as the key of its group: the entry, or the kind of unlisted code. */
function meantOf(resolution: Resolution): string {
  return resolution.kind === 'entry' ? resolution.ranked[0].entry.id : `${resolution.kind}:${resolution.family?.prefix ?? ''}:${resolution.otherProduct?.product ?? ''}`;
}

/** The key findings are grouped and described by: the token, what it means, how surely, and the clue of its origin. */
function groupKey(token: string, meant: string, established: boolean, origin: string): string {
  return `${token}\u0000${meant}\u0000${established}\u0000${origin}`;
}

function keyOf({ occurrence, resolution }: ResolvedOccurrence): string {
  return groupKey(occurrence.token, meantOf(resolution), resolution.established, resolution.origin?.clue.text ?? '');
}

/** A group, with what tells it apart from the other groups of its token. */
interface GroupSlot {
  meant: string;
  established: boolean;
  origin: string;
  group: FindingGroup;
}

/**
 * How many groups of one token are looked through one by one. A token may have many more: an
 * error log whose every line names another host has a group per line, and looking through them
 * all made each occurrence cost as much as the groups before it (40,000 lines took 15 s to scan
 * from disk). Past this many, a token's groups are found by a key.
 */
const GROUPS_LOOKED_THROUGH = 8;

/** The group of a token told apart by these; a loop, as a closure made per occurrence would cost more than the rest. */
function slotFor(slots: readonly GroupSlot[], meant: string, established: boolean, origin: string): GroupSlot | undefined {
  for (const slot of slots) {
    if (slot.meant === meant && slot.established === established && slot.origin === origin) {
      return slot;
    }
  }
  return undefined;
}

/** Collects occurrences one at a time into groups, keeping nothing else, so a file of any size fits. */
export class FindingsCollector {
  /** The groups by token (a token has one or a few), found without building a key per occurrence. */
  private readonly byToken = new Map<string, GroupSlot[]>();
  /** The groups of the tokens that have more than GROUPS_LOOKED_THROUGH, by `groupKey`. */
  private readonly byKey = new Map<string, GroupSlot>();
  /** The groups in order of appearance. */
  private readonly groups: FindingGroup[] = [];
  total = 0;

  constructor(
    private readonly language: LanguageTag,
    private readonly severity: SeverityByStatus,
    private readonly index: CodeIndex,
    private readonly rules?: CodeRules,
  ) {}

  add(found: ResolvedOccurrence): void {
    this.total++;
    const { occurrence, resolution } = found;
    const meant = meantOf(resolution);
    const origin = resolution.origin?.clue.text ?? '';
    let slots = this.byToken.get(occurrence.token);
    const slot =
      slots === undefined
        ? undefined
        : slots.length <= GROUPS_LOOKED_THROUGH
          ? slotFor(slots, meant, resolution.established, origin)
          : this.byKey.get(groupKey(occurrence.token, meant, resolution.established, origin));
    if (slot) {
      const group = slot.group;
      group.count++;
      group.lastLine = occurrence.line;
      group.lastCharacter = occurrence.start;
      if (group.occurrences.length < MAX_SAMPLES) {
        group.occurrences.push({ line: occurrence.line, character: occurrence.start });
      }
      return;
    }
    const group: FindingGroup = {
      code: occurrence.token,
      ...describe(found, this.language, this.severity, this.index, this.rules),
      count: 1,
      firstLine: occurrence.line,
      lastLine: occurrence.line,
      firstCharacter: occurrence.start,
      lastCharacter: occurrence.start,
      occurrences: [{ line: occurrence.line, character: occurrence.start }],
    };
    if (!slots) {
      slots = [];
      this.byToken.set(occurrence.token, slots);
    }
    const added = { meant, established: resolution.established, origin, group };
    slots.push(added);
    if (slots.length > GROUPS_LOOKED_THROUGH) {
      for (const known of slots.length === GROUPS_LOOKED_THROUGH + 1 ? slots : [added]) {
        this.byKey.set(groupKey(occurrence.token, known.meant, known.established, known.origin), known);
      }
    }
    this.groups.push(group);
  }

  /** The groups, largest first, then the most severe, then in order of appearance. */
  result(): { total: number; groups: FindingGroup[] } {
    for (const group of this.groups) {
      const last = group.occurrences[group.occurrences.length - 1];
      if (last.line !== group.lastLine || last.character !== group.lastCharacter) {
        group.occurrences.push({ line: group.lastLine, character: group.lastCharacter });
      }
    }
    return { total: this.total, groups: [...this.groups].sort(largestFirst) };
  }
}

/** The order groups of findings are listed in: largest first, then the most severe, then in order of appearance. */
export function largestFirst(a: { count: number; severity: Severity; firstLine: number }, b: { count: number; severity: Severity; firstLine: number }): number {
  return b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.firstLine - b.firstLine;
}

export function groupFindings(occurrences: Iterable<ResolvedOccurrence>, language: LanguageTag, severity: SeverityByStatus, index: CodeIndex): { total: number; groups: FindingGroup[] } {
  const collector = new FindingsCollector(language, severity, index);
  for (const item of occurrences) {
    collector.add(item);
  }
  return collector.result();
}

/** How many lines `timeGroups` reads the time of, at most: the first and last of every group come first. */
const MAX_TIMED_LINES = 20_000;

/**
 * Adds the times their lines carry to groups: of the first and last occurrence, and of the kept
 * occurrences whose lines `linesToTime` names. `lineText` may answer undefined for a line it does
 * not have (a file read again only for these lines).
 */
export function timeGroups(groups: readonly FindingGroup[], lineText: (line: number) => string | undefined): void {
  new GroupTimes(groups, lineText).run(() => true);
}

/** How many lines `GroupTimes` reads between two questions whether to go on. */
const TIMES_ASK_EVERY = 64;

/**
 * What `timeGroups` does, in runs: each run reads the times of lines while `keepGoing` says so, and
 * the last one adds them all to the groups. A server reads them between other messages.
 */
export class GroupTimes {
  private readonly lines: number[];
  private read = 0;
  private readonly times = new Map<number, string>();
  private added = false;

  constructor(
    private readonly groups: readonly FindingGroup[],
    private readonly lineText: (line: number) => string | undefined,
  ) {
    this.lines = [...linesToTime(groups)];
  }

  /** Reads on from where the last run stopped; `keepGoing` is asked once every TIMES_ASK_EVERY lines. True once the groups have their times. */
  run(keepGoing: () => boolean): boolean {
    const goOn = askingEvery(TIMES_ASK_EVERY, keepGoing);
    while (this.read < this.lines.length) {
      if (!goOn()) {
        return false;
      }
      const line = this.lines[this.read++];
      const text = this.lineText(line);
      const time = text === undefined ? undefined : findTimestamp(text)?.text;
      if (time !== undefined) {
        this.times.set(line, time);
      }
    }
    if (!this.added) {
      this.addTimes();
      this.added = true;
    }
    return true;
  }

  private addTimes(): void {
    const times = this.times;
    for (const group of this.groups) {
      const first = times.get(group.firstLine);
      const last = times.get(group.lastLine);
      if (first !== undefined) {
        group.firstTime = first;
      }
      if (last !== undefined) {
        group.lastTime = last;
      }
      for (const occurrence of group.occurrences) {
        const time = times.get(occurrence.line);
        if (time !== undefined) {
          occurrence.time = time;
        }
      }
    }
  }
}

/**
 * The lines whose times `timeGroups` reads: the first and last of every group, then those of the
 * kept occurrences while they stay under a bound.
 */
export function linesToTime(groups: readonly FindingGroup[]): Set<number> {
  const lines = new Set<number>();
  for (const group of groups) {
    lines.add(group.firstLine);
    lines.add(group.lastLine);
  }
  for (const group of groups) {
    for (const occurrence of group.occurrences) {
      if (lines.size >= MAX_TIMED_LINES) {
        return lines;
      }
      lines.add(occurrence.line);
    }
  }
  return lines;
}

/** One finding as the command line and other plain consumers report it. */
export interface FindingRecord {
  /** One-based line and columns, as editors and compilers print them. */
  line: number;
  column: number;
  endColumn: number;
  code: string;
  /** The entry meant; absent for a code no entry explains. */
  entryId?: string;
  kind: FindingKind;
  severity: Severity;
  /** "Provider · Service" of the entry, or what the code is. */
  catalog: string;
  meaning: string;
  /** Whose error it is and where that came from, when a clue said it. */
  origin?: string;
  /** The one-line message the Problems panel shows. */
  message: string;
  /** The https documentation of the code. */
  documentation?: string;
  /** How many entries the code could mean. */
  candidates: number;
}

type Repeated = Omit<FindingRecord, 'line' | 'column' | 'endColumn'>;

/**
 * How many descriptions a describer keeps. The key holds the clue's text and the message said, so a
 * log whose every line names another host or request has a key per finding: kept without a bound,
 * they grew with the findings (the command line held 440 MB for an error log of 13 MB).
 */
export const DESCRIPTIONS_KEPT = 2048;

/**
 * Describes findings as records. A log repeats the same few codes thousands of times, so the part
 * that depends only on what was found, not where, is worked out once per code, meaning and origin,
 * for the latest DESCRIPTIONS_KEPT of them.
 */
export class FindingDescriber {
  private readonly described = new Map<string, Repeated>();

  constructor(
    private readonly language: LanguageTag,
    private readonly severity: SeverityByStatus,
    private readonly index: CodeIndex,
  ) {}

  describe(found: ResolvedOccurrence): FindingRecord {
    const { occurrence, resolution } = found;
    // The provenance line names the clue's kind, and its line unless it is the code's own: findings alike in all that read alike.
    const origin = resolution.origin;
    const provenance = origin ? `${origin.provider}\u0000${origin.product ?? ''}\u0000${origin.clue.kind}\u0000${origin.scope}\u0000${origin.scope === 'line' ? '' : origin.clue.line}` : '';
    const key = `${keyOf(found)}\u0000${resolution.confident}\u0000${resolution.ranked.length}\u0000${resolution.drift?.said ?? ''}\u0000${provenance}`;
    let described = this.described.get(key);
    if (described === undefined) {
      const link = findingLinks(resolution, occurrence.token, this.language, this.index)[0];
      described = {
        code: occurrence.token,
        ...describe(found, this.language, this.severity, this.index),
        message: renderDiagnosticMessage(resolution, occurrence.token, this.language, this.index),
        ...(link ? { documentation: link.url } : {}),
        candidates: resolution.ranked.length,
      };
      if (this.described.size >= DESCRIPTIONS_KEPT) {
        this.described.clear();
      }
      this.described.set(key, described);
    }
    return { line: occurrence.line + 1, column: occurrence.start + 1, endColumn: occurrence.end + 1, ...described };
  }
}
