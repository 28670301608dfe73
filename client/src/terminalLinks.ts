/*
 * Codes in the integrated terminal are links: the server decides which words of a terminal line
 * are codes, as it would in a document of that line alone (errorCodebook/textFindings), and a
 * click opens the entry's explanation — or, for a code no entry explains, its documentation.
 */
import * as vscode from 'vscode';
import { TextFinding, TextFindingsRequest } from '../../server/src/common/protocol';
import { Commands } from './commandIds';
import { ServerConnection } from './serverConnection';
import { l10n } from './l10n';

interface CodeTerminalLink extends vscode.TerminalLink {
  finding: TextFinding;
}

/** Terminal lines longer than this are not looked at: no person reads a code in them. */
const MAX_LINE_LENGTH = 16 * 1024;

export class CodeTerminalLinks implements vscode.TerminalLinkProvider<CodeTerminalLink>, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly server: ServerConnection) {
    this.registration = vscode.window.registerTerminalLinkProvider(this);
  }

  async provideTerminalLinks(context: vscode.TerminalLinkContext, token: vscode.CancellationToken): Promise<CodeTerminalLink[]> {
    // A line with no letter or digit holds no code.
    if (context.line.length > MAX_LINE_LENGTH || !/[A-Za-z0-9]/.test(context.line) || this.server.isStopped) {
      return [];
    }
    try {
      const { findings } = await this.server.sendRequest(TextFindingsRequest.type, { text: context.line }, token);
      return findings
        .filter((finding) => finding.line === 0)
        .map((finding) => ({
          startIndex: finding.start,
          length: finding.end - finding.start,
          tooltip: finding.entryId
            ? l10n.t('{0}: {1} — show the explanation', finding.code, finding.meaning)
            : l10n.t('{0}: {1} — open the documentation', finding.code, finding.catalog),
          finding,
        }));
    } catch {
      // A terminal line is looked at again when the pointer comes back: nothing to report.
      return [];
    }
  }

  async handleTerminalLink(link: CodeTerminalLink): Promise<void> {
    const { finding } = link;
    if (finding.entryId) {
      await vscode.commands.executeCommand(Commands.explainEntry, finding.entryId);
    } else if (finding.documentation?.startsWith('https://')) {
      await vscode.env.openExternal(vscode.Uri.parse(finding.documentation, true));
    } else {
      await vscode.commands.executeCommand(Commands.lookUp, finding.code);
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}
