/*
 * How serious an occurrence is, from the HTTP status of the entry it means and the user's settings.
 */
import { ResolvedOccurrence } from './codeDocument';
import { Entry } from './codeIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface SeverityByStatus {
  serverError: SeverityOrOff;
  clientError: SeverityOrOff;
  unknownStatus: SeverityOrOff;
  success: SeverityOrOff;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** What the user said about particular codes: a severity of their own, or to ignore them. */
export interface CodeRules {
  /** Severities by code as it appears in the text; they win over every other rule. */
  severityByCode?: Readonly<Record<string, SeverityOrOff>>;
  /** Codes that give no diagnostics and no meaning at the line's end. */
  ignoredCodes?: ReadonlySet<string>;
}

/** Whether the user ignores this finding's code. */
export function isIgnored(found: ResolvedOccurrence, rules: CodeRules | undefined): boolean {
  return rules?.ignoredCodes?.has(found.occurrence.token) === true;
}

function severityOf(entry: Entry, bySeverity: SeverityByStatus): SeverityOrOff {
  const status = entry.data.httpStatus;
  if (entry.data.kind === 'success' || (status !== undefined && status < 300)) {
    return bySeverity.success;
  }
  if (status === undefined) {
    return bySeverity.unknownStatus;
  }
  return status >= 500 ? bySeverity.serverError : bySeverity.clientError;
}

/** The most a finding of uncertain origin may be: the text does not show it is this entry's. */
const UNCERTAIN_AT_MOST: Severity = 'information';

/**
 * The severity of a finding: the user's own for its code, when they set one; else its entry's, by
 * HTTP status, when the evidence establishes the entry; at most information when it does not;
 * information for an unknown code of a known family or of a product whose table is here; a hint for
 * another product's error.
 */
export function severityOfOccurrence(found: ResolvedOccurrence, bySeverity: SeverityByStatus, rules?: CodeRules): SeverityOrOff {
  const own = rules?.severityByCode !== undefined && Object.prototype.hasOwnProperty.call(rules.severityByCode, found.occurrence.token) ? rules.severityByCode[found.occurrence.token] : undefined;
  if (own !== undefined) {
    return own;
  }
  const { resolution } = found;
  if (resolution.kind === 'unknownCode') {
    return 'information';
  }
  if (resolution.kind === 'otherProduct') {
    // A code our product's table leaves out is as worth knowing as a family's unknown code.
    return resolution.otherProduct?.listed ? 'information' : 'hint';
  }
  const level = severityOf(resolution.ranked[0].entry, bySeverity);
  if (level === 'off' || resolution.established) {
    return level;
  }
  return SEVERITY_RANK[level] < SEVERITY_RANK[UNCERTAIN_AT_MOST] ? UNCERTAIN_AT_MOST : level;
}
