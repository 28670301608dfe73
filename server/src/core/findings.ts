/*
 * Every code of a document grouped by code, for log triage ("2,100× APIG.0308") in the Error Codes view.
 */
import { LanguageTag } from './catalogModel';
import { ResolvedOccurrence } from './codeDocument';
import { catalogLabel, meaningOf, plainLine } from './render';
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
