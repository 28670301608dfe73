/*
 * "Error Codebook: Look Up Error Code…": a quick pick that searches the catalogs as you type
 * (errorCodebook/search, debounced) and opens the chosen entry's explanation.
 *
 * Arguments: none (palette: starts from the selection, if any); a string (the initial query); an
 * editor's URI (the selection or the code-like word under the cursor there); or options
 * `{ query, pick: 'first' | <entry id>, show }` that pick without waiting for a person, for tests
 * and other extensions. It resolves with what was chosen (entry id, code, catalog, explanation), or
 * undefined when nothing was.
 */
import * as vscode from 'vscode';
import { ExplainRequest, ExplainResult, SearchItem, SearchRequest } from '../../../server/src/common/protocol';
import { ExplanationPanel } from '../explanationView';
import { ServerConnection } from '../serverConnection';
import { editorFor, queryFromEditor } from '../wordAtCursor';
import { l10n } from '../l10n';

export interface LookUpOptions {
  query?: string;
  /** Accept an item as soon as the results arrive: the first one, or the one with this entry id. */
  pick?: 'first' | string;
  /** Whether to open the explanation view (default true). */
  show?: boolean;
}

export interface LookUpResult {
  id: string;
  code: string;
  catalogId: string;
  catalog: string;
  query: string;
  explanation: ExplainResult | null;
}

interface SearchPickItem extends vscode.QuickPickItem {
  item?: SearchItem;
}

const DEBOUNCE_MS = 150;
const LIMIT = 50;

function pickOptions(arg: unknown): Omit<LookUpOptions, 'query'> {
  if (arg === null || typeof arg !== 'object' || arg instanceof vscode.Uri) {
    return {};
  }
  const { pick, show } = arg as Record<string, unknown>;
  return { pick: typeof pick === 'string' ? pick : undefined, show: typeof show === 'boolean' ? show : undefined };
}

function optionsFrom(arg: unknown): LookUpOptions {
  if (typeof arg === 'string') {
    return { query: arg };
  }
  if (arg instanceof vscode.Uri) {
    // From the editor's context menu: what is under the cursor in that editor.
    return { query: queryFromEditor(editorFor(arg)) };
  }
  if (arg !== null && typeof arg === 'object') {
    const { query } = arg as Record<string, unknown>;
    return { query: typeof query === 'string' ? query : undefined, ...pickOptions(arg) };
  }
  // From the palette: start from a selection, never from a stray word.
  const editor = vscode.window.activeTextEditor;
  return { query: editor && !editor.selection.isEmpty ? queryFromEditor(editor) : '' };
}

/** "Error Codebook: Look Up Error Code…" (palette, or with a query or options). */
export function lookUp(server: ServerConnection, arg?: unknown): Promise<LookUpResult | undefined> {
  return lookUpWith(server, optionsFrom(arg));
}

/**
 * "Look Up Error Code" (the editor's context menu): the selection, else the code-like word under the
 * cursor. VS Code passes the editor's URI; a second argument may carry `{ pick, show }`.
 */
export function lookUpAtCursor(server: ServerConnection, uri?: unknown, options?: unknown): Promise<LookUpResult | undefined> {
  const editor = editorFor(uri instanceof vscode.Uri ? uri : undefined);
  return lookUpWith(server, { query: queryFromEditor(editor), ...pickOptions(options) });
}

async function lookUpWith(server: ServerConnection, options: LookUpOptions): Promise<LookUpResult | undefined> {
  const query = options.query ?? '';
  const chosen = await pickEntry(server, query, options.pick);
  if (!chosen) {
    return undefined;
  }
  let explanation: ExplainResult | null = null;
  try {
    explanation = await server.sendRequest(ExplainRequest.type, { id: chosen.item.id });
  } catch (error) {
    void vscode.window.showErrorMessage(l10n.t('Could not explain {0}: {1}', chosen.item.code, String((error as Error).message ?? error)));
  }
  if (explanation && options.show !== false) {
    ExplanationPanel.show(explanation, { id: chosen.item.id });
  }
  const { id, code, catalogId, catalog } = chosen.item;
  return { id, code, catalogId, catalog, query: chosen.query, explanation };
}

function toPickItem(item: SearchItem): SearchPickItem {
  const status = item.httpStatus !== undefined ? ` · HTTP ${item.httpStatus}` : '';
  return {
    label: item.code,
    description: `${item.catalog}${status}`,
    detail: item.detail && item.detail !== item.title ? `${item.title} — ${item.detail}` : item.title,
    // The server ranks by code, message and meaning in two languages: show its order, unfiltered.
    alwaysShow: true,
    item,
  };
}

function pickEntry(server: ServerConnection, initialQuery: string, pick: string | undefined): Promise<{ item: SearchItem; query: string } | undefined> {
  return new Promise((resolve) => {
    const quickPick = vscode.window.createQuickPick<SearchPickItem>();
    quickPick.title = l10n.t('Look Up Error Code');
    quickPick.placeholder = l10n.t('Type an error code, a message, or words of its meaning (English or Chinese)');
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.value = initialQuery;
    let timer: NodeJS.Timeout | undefined;
    let sequence = 0;
    let cancellation: vscode.CancellationTokenSource | undefined;
    let settled = false;
    const disposables: vscode.Disposable[] = [];

    const finish = (value: { item: SearchItem; query: string } | undefined) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      cancellation?.cancel();
      resolve(value);
      quickPick.hide();
      vscode.Disposable.from(...disposables).dispose();
      quickPick.dispose();
    };

    const search = async (query: string) => {
      const current = ++sequence;
      cancellation?.cancel();
      cancellation = new vscode.CancellationTokenSource();
      if (query.trim() === '') {
        quickPick.busy = false;
        quickPick.items = [];
        return;
      }
      quickPick.busy = true;
      try {
        const result = await server.sendRequest(SearchRequest.type, { query, limit: LIMIT }, cancellation.token);
        if (current !== sequence || settled) {
          return;
        }
        quickPick.items =
          result.items.length > 0
            ? result.items.map(toPickItem)
            : [{ label: l10n.t('No catalog entry matches "{0}"', query), alwaysShow: true }];
        if (pick) {
          const found = pick === 'first' ? result.items[0] : result.items.find((item) => item.id === pick);
          finish(found ? { item: found, query } : undefined);
        }
      } catch (error) {
        if (current === sequence && !settled && !(error instanceof vscode.CancellationError) && !/cancel/i.test(String(error))) {
          quickPick.items = [{ label: l10n.t('Search failed: {0}', String((error as Error).message ?? error)), alwaysShow: true }];
          if (pick) {
            finish(undefined);
          }
        }
      } finally {
        if (current === sequence) {
          quickPick.busy = false;
        }
      }
    };

    disposables.push(
      quickPick.onDidChangeValue((value) => {
        clearTimeout(timer);
        timer = setTimeout(() => void search(value), DEBOUNCE_MS);
      }),
      quickPick.onDidAccept(() => {
        const selected = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (selected?.item) {
          finish({ item: selected.item, query: quickPick.value });
        }
      }),
      quickPick.onDidHide(() => finish(undefined)),
    );
    quickPick.show();
    void search(initialQuery);
  });
}
