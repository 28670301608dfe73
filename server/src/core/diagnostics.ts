/*
 * Problems-panel entries: one per occurrence, most severe first, capped, and never silently: the
 * total is always reported so the rest can be listed elsewhere.
 */
import { LanguageTag } from './catalogModel';
import { Range, ResolvedOccurrence } from './codeDocument';
import { documentationLinks, renderDiagnosticMessage } from './render';
import { SEVERITY_RANK, Severity, SeverityByStatus, severityOfOccurrence } from './severity';

export interface CodeDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  /** The https documentation of the code. */
  href?: string;
  message: string;
  entryId: string;
}

export interface DiagnosticsOptions {
  language: LanguageTag;
  severity: SeverityByStatus;
  maxCount: number;
}

export interface DiagnosticsResult {
  diagnostics: CodeDiagnostic[];
  /** Occurrences that would have a diagnostic, before the cap. */
  total: number;
}

export function computeDiagnostics(occurrences: Iterable<ResolvedOccurrence>, options: DiagnosticsOptions): DiagnosticsResult {
  // First collect cheap records; only those that survive the cap get a message.
  const records: { occurrence: ResolvedOccurrence; severity: Severity }[] = [];
  for (const item of occurrences) {
    const severity = severityOfOccurrence(item, options.severity);
    if (severity !== 'off') {
      records.push({ occurrence: item, severity });
    }
  }
  const total = records.length;
  let kept = records;
  if (records.length > options.maxCount) {
    kept = records
      .map((record, order) => ({ record, order }))
      .sort((a, b) => SEVERITY_RANK[a.record.severity] - SEVERITY_RANK[b.record.severity] || a.order - b.order)
      .slice(0, Math.max(0, options.maxCount))
      .sort((a, b) => a.order - b.order)
      .map(({ record }) => record);
  }
  const diagnostics = kept.map(({ occurrence: { occurrence, resolution }, severity }) => {
    const entry = resolution.ranked[0].entry;
    const href = documentationLinks(entry, options.language, occurrence.token)[0]?.url;
    return {
      range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
      severity,
      code: occurrence.token,
      ...(href ? { href } : {}),
      message: renderDiagnosticMessage(resolution, occurrence.token, options.language),
      entryId: entry.id,
    };
  });
  return { diagnostics, total };
}
