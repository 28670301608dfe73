/*
 * The "Error Codes" view in the Explorer: the active document's codes grouped by code, with how
 * often each occurs and what it means; clicking one goes to its first occurrence.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { FindingGroup } from '../../server/src/common/protocol';
import { Commands } from './commandIds';
import { ActiveFindings, FindingsModel } from './findingsModel';

const CODES_VIEW_ID = 'errorCodebook.codes';

const SEVERITY_ICONS: Record<FindingGroup['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

export function groupLabel(group: FindingGroup): string {
  return `${group.code} ×${group.count}`;
}

function groupTooltip(group: FindingGroup): string {
  const lines =
    group.firstLine === group.lastLine
      ? vscode.l10n.t('Line {0}', group.firstLine + 1)
      : vscode.l10n.t('First on line {0}, last on line {1}', group.firstLine + 1, group.lastLine + 1);
  return `${group.code} — ${group.catalog}\n${group.meaning}\n${lines}`;
}

class CodesTreeProvider implements vscode.TreeDataProvider<FindingGroup> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  findings: ActiveFindings | undefined;

  update(findings: ActiveFindings | undefined): void {
    this.findings = findings;
    this.changed.fire();
  }

  getChildren(element?: FindingGroup): FindingGroup[] {
    if (element || !this.findings?.scanned) {
      return [];
    }
    return this.findings.result.groups;
  }

  getTreeItem(group: FindingGroup): vscode.TreeItem {
    const item = new vscode.TreeItem(groupLabel(group), vscode.TreeItemCollapsibleState.None);
    item.id = `${group.code}\u0000${group.entryId ?? ''}\u0000${group.firstLine}`;
    item.description = group.meaning;
    item.tooltip = groupTooltip(group);
    item.iconPath = SEVERITY_ICONS[group.severity];
    item.contextValue = group.entryId ? 'errorCodebook.group.entry' : 'errorCodebook.group';
    if (this.findings) {
      item.command = {
        title: vscode.l10n.t('Go to First Occurrence'),
        command: Commands.revealFinding,
        arguments: [this.findings.uri, group.firstLine, group.firstCharacter],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class CodesTreeView implements vscode.Disposable {
  private readonly provider = new CodesTreeProvider();
  private readonly view: vscode.TreeView<FindingGroup>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(model: FindingsModel) {
    this.view = vscode.window.createTreeView(CODES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: false });
    this.disposables.push(this.view, this.provider, model.onDidChange((findings) => this.update(findings)));
    this.update(model.findings);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private update(findings: ActiveFindings | undefined): void {
    this.provider.update(findings);
    if (!findings) {
      this.view.description = undefined;
      this.view.message = vscode.l10n.t('Open a log, JSON or source file to list its error codes.');
      return;
    }
    this.view.description = path.posix.basename(findings.uri.path);
    if (!findings.scanned) {
      this.view.message = vscode.l10n.t('This file is not scanned for error codes.');
    } else if (findings.result.groups.length === 0) {
      this.view.message = vscode.l10n.t('No error codes in this file.');
    } else {
      const codes = new Set(findings.result.groups.map((group) => group.code)).size;
      this.view.message = vscode.l10n.t('{0} occurrences of {1} distinct codes.', findings.result.total, codes);
    }
  }
}

/** Opens a document and puts the cursor on a finding. */
export async function revealFinding(uri: vscode.Uri, line: number, character = 0): Promise<vscode.TextEditor | undefined> {
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const position = new vscode.Position(Math.min(line, Math.max(0, document.lineCount - 1)), character);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preserveFocus: false });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not open {0}: {1}', uri.fsPath || uri.toString(), String((error as Error).message ?? error)));
    return undefined;
  }
}
