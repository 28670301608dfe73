/*
 * Problems-panel entries: one per occurrence, most severe first, capped, and never silently: when
 * the cap cuts some off, a note says how many there are, so the rest can be listed elsewhere.
 */
import { LanguageTag } from './catalogModel';
import { Range, ResolvedOccurrence } from './codeDocument';
import { CodeIndex } from './codeIndex';
import { findingLinks, renderDiagnosticMessage } from './render';
import { CodeRules, SEVERITY_RANK, Severity, SeverityByStatus, isIgnored, severityOfOccurrence } from './severity';
import { stringsFor } from './strings';

export interface CodeDiagnostic {
  range: Range;
  severity: Severity;
  /** The code as it appears in the text; absent on the cap note. */
  code?: string;
  /** The https documentation of the code. */
  href?: string;
  message: string;
  /** The entry the finding means; absent on the cap note and on codes no entry explains. */
  entryId?: string;
  /** What the finding is; absent on the cap note. */
  kind?: 'entry' | 'unknownCode' | 'otherProduct';
}

export interface DiagnosticsOptions {
  language: LanguageTag;
  severity: SeverityByStatus;
  maxCount: number;
  /** The user's severities of particular codes, and the codes they ignore. */
  codes?: CodeRules;
}

export interface DiagnosticsResult {
  /** The diagnostics to show; the cap note, when there is one, comes first. */
  diagnostics: CodeDiagnostic[];
  /** Occurrences that would have a diagnostic, before the cap. */
  total: number;
}

interface Kept {
  item: ResolvedOccurrence;
  severity: Severity;
  order: number;
}

/**
 * Collects occurrences one at a time and keeps only the most severe `maxCount` (and, among equals,
 * the first), so a file of any size needs memory for the cap only.
 */
export class DiagnosticsCollector {
  private kept: Kept[] = [];
  private count = 0;
  private readonly max: number;
  /**
   * Once `max` are kept: the rank of the least severe of them. A later occurrence no more severe
   * than that can never be kept (among equals the first are), so it is only counted.
   */
  private worstKept = Infinity;

  constructor(
    private readonly options: DiagnosticsOptions,
    private readonly index: CodeIndex,
  ) {
    this.max = Math.max(0, Math.floor(options.maxCount));
  }

  add(item: ResolvedOccurrence): void {
    if (isIgnored(item, this.options.codes)) {
      return;
    }
    const severity = severityOfOccurrence(item, this.options.severity, this.options.codes);
    if (severity === 'off') {
      return;
    }
    const order = this.count++;
    if (SEVERITY_RANK[severity] >= this.worstKept) {
      return;
    }
    this.kept.push({ item, severity, order });
    if (this.kept.length > this.max * 2 + 1000) {
      this.trim();
    }
  }

  result(): DiagnosticsResult {
    this.trim();
    const { language } = this.options;
    const diagnostics = this.kept.map(({ item: { occurrence, resolution }, severity }): CodeDiagnostic => {
      const href = findingLinks(resolution, occurrence.token, language, this.index)[0]?.url;
      return {
        range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
        severity,
        code: occurrence.token,
        ...(href ? { href } : {}),
        message: renderDiagnosticMessage(resolution, occurrence.token, language, this.index),
        ...(resolution.kind === 'entry' ? { entryId: resolution.ranked[0].entry.id } : {}),
        kind: resolution.kind,
      };
    });
    if (this.count > diagnostics.length) {
      // The note takes the severity of the most severe entry it stands for, at the top of the
      // file: editors list by severity, then position, so it comes first in the Problems panel.
      const severity = diagnostics.reduce<Severity>((most, diagnostic) => (SEVERITY_RANK[diagnostic.severity] < SEVERITY_RANK[most] ? diagnostic.severity : most), 'information');
      diagnostics.unshift({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity,
        message: stringsFor(language).diagnosticMore(diagnostics.length, this.count),
      });
    }
    return { diagnostics, total: this.count };
  }

  /** Keeps the most severe `max`, in text order. */
  private trim(): void {
    if (this.kept.length <= this.max) {
      return;
    }
    this.kept = this.kept
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order)
      .slice(0, this.max)
      .sort((a, b) => a.order - b.order);
    this.worstKept = this.kept.length < this.max ? Infinity : this.kept.reduce((worst, kept) => Math.max(worst, SEVERITY_RANK[kept.severity]), -Infinity);
  }
}

export function computeDiagnostics(occurrences: Iterable<ResolvedOccurrence>, options: DiagnosticsOptions, index: CodeIndex): DiagnosticsResult {
  const collector = new DiagnosticsCollector(options, index);
  for (const item of occurrences) {
    collector.add(item);
  }
  return collector.result();
}
