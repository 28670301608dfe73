/*
 * Writes which catalogs the server loaded (errorCodebook/catalogStatus) to the output channel each
 * time it loads them (at start, after a settings change, after an edit of a user catalog), with
 * every problem as file:line:column, and warns once about each problem in the user's own catalogs
 * (errorCodebook.catalogPaths).
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { CatalogStatusRequest, CatalogStatusResult } from '../../server/src/common/protocol';
import { ServerConnection } from './serverConnection';
import { l10n } from './l10n';

function describeCatalogStatus(status: CatalogStatusResult): string[] {
  const entries = status.catalogs.reduce((sum, catalog) => sum + catalog.entries, 0);
  const lines = [`Catalogs loaded: ${status.catalogs.length} (${entries} entries)`];
  for (const catalog of status.catalogs) {
    lines.push(`  ${catalog.id}: ${catalog.entries} entries — ${catalog.provider} · ${catalog.service} (${catalog.file})`);
  }
  for (const catalog of status.disabled ?? []) {
    lines.push(`  ${catalog.id}: turned off by errorCodebook.catalogs.disabled (${catalog.file})`);
  }
  if (status.problems.length > 0) {
    lines.push(`Catalog problems: ${status.problems.length}`);
    for (const problem of status.problems) {
      lines.push(`  ${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
    }
  }
  return lines;
}

export class CatalogStatusLog implements vscode.Disposable {
  private readonly disposable: vscode.Disposable;
  private readonly warnedAbout = new Set<string>();

  constructor(
    private readonly server: ServerConnection,
    private readonly builtInFolder: string,
  ) {
    this.disposable = server.onDidChangeCatalogs(() => void this.log());
  }

  async log(): Promise<CatalogStatusResult | undefined> {
    let status: CatalogStatusResult;
    try {
      status = await this.server.sendRequest(CatalogStatusRequest.type, undefined);
    } catch (error) {
      this.server.outputChannel.appendLine(`Could not ask the server for its catalogs: ${String(error)}`);
      return undefined;
    }
    for (const line of describeCatalogStatus(status)) {
      this.server.outputChannel.appendLine(line);
    }
    const own = status.problems.filter((problem) => !isInside(problem.file, this.builtInFolder));
    const fresh = own.filter((problem) => !this.warnedAbout.has(`${problem.file}:${problem.line}:${problem.column}`));
    if (fresh.length > 0) {
      fresh.forEach((problem) => this.warnedAbout.add(`${problem.file}:${problem.line}:${problem.column}`));
      const first = fresh[0];
      const showOutput = l10n.t('Show Output');
      const choice = await vscode.window.showWarningMessage(
        l10n.t('Error Codebook found {0} problems in your catalogs, first {1}:{2}: {3}', own.length, first.file, first.line, first.message),
        showOutput,
      );
      if (choice === showOutput) {
        this.server.outputChannel.show(true);
      }
    }
    return status;
  }

  dispose(): void {
    this.disposable.dispose();
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
