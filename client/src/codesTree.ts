/*
 * The "Error Codes" view in the Explorer: the active document's codes (or a file's scanned from
 * disk) grouped by code, with how often each occurs, how severe it is, what it means, its first and
 * last line and the times those lines carry. A group opens onto its occurrences (the first ones and
 * the last); clicking a group or an occurrence goes there, also in a file too large for VS Code to
 * hand to extensions.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { FindingGroup } from '../../server/src/common/protocol';
import { Commands } from './commandIds';
import { ActiveFindings, FindingsModel, columnShowing } from './findingsModel';
import { l10n } from './l10n';

const CODES_VIEW_ID = 'errorCodebook.codes';

const SEVERITY_ICONS: Record<FindingGroup['severity'], vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};
const IGNORED_ICON = new vscode.ThemeIcon('circle-slash');
const OCCURRENCE_ICON = new vscode.ThemeIcon('location');

export function groupLabel(group: FindingGroup): string {
  return `${group.code} ×${group.count}`;
}

/** "2024-06-18 10:02:11 → 10:59:58": the date once when both times share it. */
function timeSpan(first: string | undefined, last: string | undefined): string | undefined {
  if (first === undefined || last === undefined || first === last) {
    return first ?? last;
  }
  const date = /^\d{4}[-/]\d{2}[-/]\d{2}[T ]/.exec(first)?.[0];
  return date !== undefined && last.startsWith(date) ? `${first} → ${last.slice(date.length)}` : `${first} → ${last}`;
}

/** "line 12" or "lines 12–14880" (one-based). */
function lineSpan(group: FindingGroup): string {
  return group.firstLine === group.lastLine
    ? l10n.t('line {0}', group.firstLine + 1)
    : l10n.t('lines {0}–{1}', group.firstLine + 1, group.lastLine + 1);
}

function groupTooltip(group: FindingGroup): vscode.MarkdownString {
  const lines =
    group.firstLine === group.lastLine
      ? l10n.t('Line {0}', group.firstLine + 1)
      : l10n.t('First on line {0}, last on line {1}', group.firstLine + 1, group.lastLine + 1);
  const times = timeSpan(group.firstTime, group.lastTime);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${group.code} — ${group.catalog}\n`);
  tooltip.appendText(`${group.meaning}\n\n`);
  tooltip.appendText(`${lines}${times ? ` · ${times}` : ''}\n`);
  if (group.origin) {
    tooltip.appendText(`\n${group.origin}\n`);
  }
  if (group.ignored) {
    tooltip.appendText(`\n${l10n.t('Ignored (errorCodebook.ignoredCodes): no Problems entry, no meaning at the end of its lines.')}\n`);
  }
  return tooltip;
}

/** A group, an occurrence of it, or the note that stands for the occurrences not kept. */
type Node =
  | { kind: 'group'; group: FindingGroup }
  | { kind: 'occurrence'; group: FindingGroup; line: number; character: number; time?: string; last: boolean }
  | { kind: 'more'; group: FindingGroup; hidden: number; kept: number };

class CodesTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  findings: ActiveFindings | undefined;

  update(findings: ActiveFindings | undefined): void {
    this.findings = findings;
    this.changed.fire();
  }

  getChildren(element?: Node): Node[] {
    if (!this.findings?.scanned) {
      return [];
    }
    if (!element) {
      return this.findings.result.groups.map((group) => ({ kind: 'group', group }));
    }
    if (element.kind !== 'group') {
      return [];
    }
    const { group } = element;
    const occurrences = group.occurrences ?? [{ line: group.firstLine, character: group.firstCharacter }];
    const children: Node[] = occurrences.map((occurrence, index) => ({
      kind: 'occurrence',
      group,
      line: occurrence.line,
      character: occurrence.character,
      ...(occurrence.time !== undefined ? { time: occurrence.time } : {}),
      last: index === occurrences.length - 1 && group.count > 1,
    }));
    const hidden = group.count - occurrences.length;
    if (hidden > 0) {
      // The occurrences between the first ones and the last are counted, not listed.
      children.splice(children.length - 1, 0, { kind: 'more', group, hidden, kept: occurrences.length - 1 });
    }
    return children;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = this.findings?.uri;
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(l10n.t('… {0} more occurrences', node.hidden), vscode.TreeItemCollapsibleState.None);
      item.id = `${groupId(node.group)}\u0000more`;
      item.tooltip = l10n.t('The view keeps the first {0} occurrences of a code and its last; the Problems panel and the file hold the others.', node.kept);
      return item;
    }
    if (node.kind === 'occurrence') {
      const item = new vscode.TreeItem(l10n.t('Line {0}', node.line + 1), vscode.TreeItemCollapsibleState.None);
      item.id = `${groupId(node.group)}\u0000${node.line}:${node.character}`;
      item.description = [node.time, node.last ? l10n.t('last') : undefined].filter(Boolean).join(' · ');
      item.iconPath = OCCURRENCE_ICON;
      if (uri) {
        item.command = { title: l10n.t('Go to Occurrence'), command: Commands.revealFinding, arguments: [uri, node.line, node.character] };
      }
      return item;
    }
    const { group } = node;
    const expandable = group.count > 1 || (group.occurrences?.length ?? 0) > 1;
    const item = new vscode.TreeItem(groupLabel(group), expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = groupId(group);
    const times = timeSpan(group.firstTime, group.lastTime);
    item.description = [group.ignored ? l10n.t('ignored') : undefined, lineSpan(group), times, group.meaning].filter(Boolean).join(' · ');
    item.tooltip = groupTooltip(group);
    item.iconPath = group.ignored ? IGNORED_ICON : SEVERITY_ICONS[group.severity];
    item.contextValue = group.entryId ? 'errorCodebook.group.entry' : 'errorCodebook.group';
    if (uri) {
      item.command = {
        title: l10n.t('Go to First Occurrence'),
        command: Commands.revealFinding,
        arguments: [uri, group.firstLine, group.firstCharacter],
      };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function groupId(group: FindingGroup): string {
  return `${group.code}\u0000${group.entryId ?? ''}\u0000${group.firstLine}`;
}

export class CodesTreeView implements vscode.Disposable {
  private readonly provider = new CodesTreeProvider();
  private readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(model: FindingsModel) {
    this.view = vscode.window.createTreeView(CODES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.view, this.provider, model.onDidChange((findings) => this.update(findings)));
    this.update(model.findings);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private update(findings: ActiveFindings | undefined): void {
    this.provider.update(findings);
    // The view's name follows the display language too, not only VS Code's.
    this.view.title = l10n.t('Error Codes');
    if (!findings) {
      this.view.description = undefined;
      this.view.message = l10n.t('Open a log, JSON or source file to list its error codes.');
      return;
    }
    this.view.description = path.posix.basename(findings.uri.path);
    if (!findings.scanned) {
      const reason = findings.result.skippedReason;
      this.view.message =
        reason === 'reading'
          ? l10n.t('Reading this file for error codes…')
          : reason === 'notOpen' && findings.uri.scheme === 'file'
            ? l10n.t('VS Code does not hand this file to extensions (it is over 50 MB). Scan it from disk with "Error Codebook: Scan Log File…".')
            : l10n.t('This file is not scanned for error codes.');
    } else if (findings.result.groups.length === 0) {
      this.view.message = l10n.t('No error codes in this file.');
    } else {
      const codes = new Set(findings.result.groups.map((group) => group.code)).size;
      const { total } = findings.result;
      this.view.message =
        codes !== 1 ? l10n.t('{0} occurrences of {1} distinct codes.', total, codes) : total === 1 ? l10n.t('1 occurrence of 1 code.') : l10n.t('{0} occurrences of 1 code.', total);
    }
  }
}

/**
 * Opens a document and puts the cursor on a finding, in the column that shows it already (not
 * beside it, in the column of a view that has the focus, such as an explanation). A file VS Code
 * does not hand to extensions (over 50 MB) is opened by the editor itself, at the finding.
 */
export async function revealFinding(uri: vscode.Uri, line: number, character = 0): Promise<vscode.TextEditor | undefined> {
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    const position = new vscode.Position(Math.max(0, line), Math.max(0, character));
    try {
      await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: columnShowing(uri), selection: new vscode.Range(position, position), preview: false });
    } catch (error) {
      void vscode.window.showErrorMessage(l10n.t('Could not open {0}: {1}', uri.fsPath || uri.toString(), String((error as Error).message ?? error)));
    }
    return undefined;
  }
  try {
    const position = new vscode.Position(Math.min(line, Math.max(0, document.lineCount - 1)), character);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: columnShowing(uri), selection: new vscode.Range(position, position), preserveFocus: false });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  } catch (error) {
    void vscode.window.showErrorMessage(l10n.t('Could not open {0}: {1}', uri.fsPath || uri.toString(), String((error as Error).message ?? error)));
    return undefined;
  }
}
