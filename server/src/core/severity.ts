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

export function severityOf(entry: Entry, bySeverity: SeverityByStatus): SeverityOrOff {
  const status = entry.data.httpStatus;
  if (entry.data.kind === 'success' || (status !== undefined && status < 300)) {
    return bySeverity.success;
  }
  if (status === undefined) {
    return bySeverity.unknownStatus;
  }
  return status >= 500 ? bySeverity.serverError : bySeverity.clientError;
}

/**
 * The severity of an occurrence. When every entry it could mean has the same severity, that is it,
 * and the occurrence need not be resolved to know it.
 */
export function severityOfOccurrence(found: ResolvedOccurrence, bySeverity: SeverityByStatus): SeverityOrOff {
  const { candidates } = found.occurrence;
  const first = severityOf(candidates[0].entry, bySeverity);
  for (let index = 1; index < candidates.length; index++) {
    if (severityOf(candidates[index].entry, bySeverity) !== first) {
      return severityOf(found.resolution.ranked[0].entry, bySeverity);
    }
  }
  return first;
}
