/*
 * How serious an occurrence is, from the HTTP status of the entry it means and the user's settings.
 */
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
