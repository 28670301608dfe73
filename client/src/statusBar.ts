/*
 * The status bar item: how many error codes the active document has; hidden for documents that
 * are not scanned. Clicking it lists the document's codes.
 */
import * as vscode from 'vscode';
import { Commands } from './commandIds';
import { ActiveFindings, FindingsModel } from './findingsModel';
import { ServerConnection } from './serverConnection';
import { l10n } from './l10n';

function statusText(total: number): string {
  return total === 1 ? l10n.t('$(bug) 1 error code') : l10n.t('$(bug) {0} error codes', total);
}

export class FindingsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private stopped = false;

  constructor(model: FindingsModel, server: ServerConnection) {
    this.item = vscode.window.createStatusBarItem('errorCodebook.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = l10n.t('Error Codebook');
    this.disposables.push(
      this.item,
      model.onDidChange((findings) => this.update(findings)),
      server.onDidGiveUp(() => {
        this.stopped = true;
        this.showStopped();
      }),
      server.onDidStart(() => {
        this.stopped = false;
        this.update(model.findings);
      }),
    );
    this.update(model.findings);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private update(findings: ActiveFindings | undefined): void {
    if (this.stopped) {
      return;
    }
    if (!findings || !findings.scanned) {
      this.item.hide();
      return;
    }
    const { total, groups } = findings.result;
    this.item.text = statusText(total);
    const codes = new Set(groups.map((group) => group.code)).size;
    this.item.tooltip =
      codes !== 1
        ? l10n.t('Error Codebook: {0} occurrences of {1} distinct codes in this file. Click to list them.', total, codes)
        : total === 1
          ? l10n.t('Error Codebook: 1 occurrence of 1 code in this file. Click to show it.')
          : l10n.t('Error Codebook: {0} occurrences of 1 code in this file. Click to list them.', total);
    this.item.command = Commands.showDocumentCodes;
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  private showStopped(): void {
    this.item.text = l10n.t('$(error) Error Codebook stopped');
    this.item.tooltip = l10n.t('The Error Codebook server crashed repeatedly. Click to restart it.');
    this.item.command = Commands.restartServer;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }
}
