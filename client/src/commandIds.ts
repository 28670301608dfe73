/* The extension's command ids, as contributed in package.json. */
export const Commands = {
  lookUp: 'errorCodebook.lookUp',
  lookUpAtCursor: 'errorCodebook.lookUpAtCursor',
  copyExplanation: 'errorCodebook.copyExplanation',
  scanLogFile: 'errorCodebook.scanLogFile',
  showDocumentCodes: 'errorCodebook.showDocumentCodes',
  restartServer: 'errorCodebook.restartServer',
  showOutput: 'errorCodebook.showOutput',
  revealFinding: 'errorCodebook.revealFinding',
  explainEntry: 'errorCodebook.explainEntry',
  ignoreCode: 'errorCodebook.ignoreCode',
  copySupportTicket: 'errorCodebook.copySupportTicket',
  /** Executed by the server itself (executeCommandProvider); the client only forwards it. */
  openDocumentation: 'errorCodebook.openDocumentation',
} as const;

/** Commands the client runs itself when the server's code actions ask for them. */
export const CLIENT_COMMANDS = [Commands.explainEntry, Commands.copyExplanation, Commands.ignoreCode, Commands.copySupportTicket];
