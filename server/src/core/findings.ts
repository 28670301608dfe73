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

/** Groups occurrences by code and entry; the largest groups come first, then the most severe. */
export function groupFindings(occurrences: Iterable<ResolvedOccurrence>, language: LanguageTag, severity: SeverityByStatus): { total: number; groups: FindingGroup[] } {
  const groups = new Map<string, FindingGroup>();
  let total = 0;
  for (const { occurrence, resolution } of occurrences) {
    total++;
    const entry = resolution.ranked[0].entry;
    const key = `${occurrence.token}\u0000${entry.id}`;
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.lastLine = occurrence.line;
      continue;
    }
    const level = severityOf(entry, severity);
    groups.set(key, {
      code: occurrence.token,
      entryId: entry.id,
      catalog: catalogLabel(entry.catalog, language),
      meaning: plainLine(meaningOf(entry, language)),
      count: 1,
      firstLine: occurrence.line,
      lastLine: occurrence.line,
      firstCharacter: occurrence.start,
      severity: level === 'off' ? 'hint' : level,
    });
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.firstLine - b.firstLine);
  return { total, groups: sorted };
}
