/*
 * "Error Codebook: Show Error Codes of This File" (the status bar item): a quick pick of the active
 * document's codes, grouped; choosing one goes to its first occurrence. Options `{ pick: 'first' |
 * <code> }` choose without a person, for tests. Resolves with the chosen group.
 */
import * as vscode from 'vscode';
import { FindingGroup } from '../../../server/src/common/protocol';
import { groupLabel, revealFinding } from '../codesTree';
import { FindingsModel } from '../findingsModel';
import { l10n } from '../l10n';

interface GroupPickItem extends vscode.QuickPickItem {
  group: FindingGroup;
}

const ICONS: Record<FindingGroup['severity'], string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };

export async function showDocumentCodes(model: FindingsModel, arg?: unknown): Promise<FindingGroup | undefined> {
  const pick = arg !== null && typeof arg === 'object' && typeof (arg as { pick?: unknown }).pick === 'string' ? (arg as { pick: string }).pick : undefined;
  const findings = await model.refresh();
  if (!findings) {
    // No file is shown (none is open, or focus is on another kind of editor with no file beside it).
    void vscode.window.showInformationMessage(l10n.t('Open a log, JSON or source file to list its error codes.'));
    return undefined;
  }
  if (!findings.scanned) {
    void vscode.window.showInformationMessage(l10n.t('The active file is not scanned for error codes.'));
    return undefined;
  }
  const groups = findings.result.groups;
  if (groups.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('No error codes in this file.'));
    return undefined;
  }
  let chosen: FindingGroup | undefined;
  if (pick) {
    chosen = pick === 'first' ? groups[0] : groups.find((group) => group.code === pick);
  } else {
    const items: GroupPickItem[] = groups.map((group) => ({
      label: `${ICONS[group.severity]} ${groupLabel(group)}`,
      description: group.catalog,
      detail:
        group.firstLine === group.lastLine
          ? `${group.meaning} — ${l10n.t('Line {0}', group.firstLine + 1)}`
          : `${group.meaning} — ${l10n.t('First on line {0}, last on line {1}', group.firstLine + 1, group.lastLine + 1)}`,
      group,
    }));
    const item = await vscode.window.showQuickPick(items, {
      title: l10n.t('Error Codes in This File ({0})', findings.result.total),
      placeHolder: l10n.t('Choose a code to go to its first occurrence'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    chosen = item?.group;
  }
  if (chosen) {
    await revealFinding(findings.uri, chosen.firstLine, chosen.firstCharacter);
  }
  return chosen;
}
