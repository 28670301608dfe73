/*
 * Every code of a document grouped by code, for log triage ("2,100× APIG.0308") in the Error Codes view.
 */
import { LanguageTag } from './catalogModel';
import { ResolvedOccurrence } from './codeDocument';
import { catalogLabel, documentationLinks, meaningOf, plainLine, renderDiagnosticMessage } from './render';
import { SEVERITY_RANK, Severity, SeverityByStatus, severityOf } from './severity';

export interface FindingGroup {
  code: string;
  entryId?: string;
  catalog: string;
  meaning: string;
  count: number;
  firstLine: number;
  lastLine: number;
  firstCharacter: number;
  severity: Severity;
}

/** Collects occurrences one at a time into groups, keeping nothing else, so a file of any size fits. */
export class FindingsCollector {
  private readonly groups = new Map<string, FindingGroup>();
  total = 0;

  constructor(
    private readonly language: LanguageTag,
    private readonly severity: SeverityByStatus,
  ) {}

  add({ occurrence, resolution }: ResolvedOccurrence): void {
    this.total++;
    const entry = resolution.ranked[0].entry;
    const key = `${occurrence.token}\u0000${entry.id}`;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      group.lastLine = occurrence.line;
      return;
    }
    const level = severityOf(entry, this.severity);
    this.groups.set(key, {
      code: occurrence.token,
      entryId: entry.id,
      catalog: catalogLabel(entry.catalog, this.language),
      meaning: plainLine(meaningOf(entry, this.language)),
      count: 1,
      firstLine: occurrence.line,
      lastLine: occurrence.line,
      firstCharacter: occurrence.start,
      severity: level === 'off' ? 'hint' : level,
    });
  }

  /** The groups, largest first, then the most severe, then in order of appearance. */
  result(): { total: number; groups: FindingGroup[] } {
    const groups = [...this.groups.values()].sort(
      (a, b) => b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.firstLine - b.firstLine,
    );
    return { total: this.total, groups };
  }
}

export function groupFindings(occurrences: Iterable<ResolvedOccurrence>, language: LanguageTag, severity: SeverityByStatus): { total: number; groups: FindingGroup[] } {
  const collector = new FindingsCollector(language, severity);
  for (const item of occurrences) {
    collector.add(item);
  }
  return collector.result();
}

/** One finding as the command line and other plain consumers report it. */
export interface FindingRecord {
  /** One-based line and columns, as editors and compilers print them. */
  line: number;
  column: number;
  endColumn: number;
  code: string;
  entryId: string;
  severity: Severity;
  /** "Provider · Service" of the entry. */
  catalog: string;
  meaning: string;
  /** The one-line message the Problems panel shows. */
  message: string;
  /** The https documentation of the code. */
  documentation?: string;
  /** How many entries the code could mean. */
  candidates: number;
}

type Described = Omit<FindingRecord, 'line' | 'column' | 'endColumn'>;

/**
 * Describes findings as records. A log repeats the same few codes thousands of times, so the part
 * that depends only on what was found, not where, is worked out once per code, entry and certainty.
 */
export class FindingDescriber {
  private readonly described = new Map<string, Described>();

  constructor(
    private readonly language: LanguageTag,
    private readonly severity: SeverityByStatus,
  ) {}

  describe({ occurrence, resolution }: ResolvedOccurrence): FindingRecord {
    const entry = resolution.ranked[0].entry;
    const key = `${occurrence.token}\u0000${entry.id}\u0000${resolution.confident}\u0000${resolution.ranked.length}`;
    let described = this.described.get(key);
    if (described === undefined) {
      const level = severityOf(entry, this.severity);
      const link = documentationLinks(entry, this.language, occurrence.token)[0];
      described = {
        code: occurrence.token,
        entryId: entry.id,
        severity: level === 'off' ? 'hint' : level,
        catalog: catalogLabel(entry.catalog, this.language),
        meaning: plainLine(meaningOf(entry, this.language)),
        message: renderDiagnosticMessage(resolution, occurrence.token, this.language),
        ...(link ? { documentation: link.url } : {}),
        candidates: resolution.ranked.length,
      };
      this.described.set(key, described);
    }
    return { line: occurrence.line + 1, column: occurrence.start + 1, endColumn: occurrence.end + 1, ...described };
  }
}
