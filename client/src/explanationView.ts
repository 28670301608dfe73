/*
 * The readable view of one catalog entry: a webview panel that lays out the server's structured
 * explanation (its labelled fields, documentation links and repairs), every text escaped, under a
 * Content Security Policy that allows no remote content, with a Copy button. Only the entry's own
 * https documentation links become anchors.
 */
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { ExplainParams, ExplainRequest, ExplainResult } from '../../server/src/common/protocol';
import type { ServerConnection } from './serverConnection';
import { displayLanguage, l10n } from './l10n';


const EXPLANATION_VIEW_TYPE = 'errorCodebook.explanation';

type FromWebview = { type: 'copy' } | { type: 'open'; url: string };

export class ExplanationPanel implements vscode.Disposable {
  private static current: ExplanationPanel | undefined;
  private explanation: ExplainResult;
  /** What the explanation was asked with (the code as the text writes it, too), to ask again. */
  private asked: ExplainParams;
  private readonly disposables: vscode.Disposable[] = [];

  /** Shows an explanation, asked for with `asked`, in the panel already open when there is one. */
  static show(explanation: ExplainResult, asked: ExplainParams): ExplanationPanel {
    if (ExplanationPanel.current) {
      ExplanationPanel.current.asked = asked;
      ExplanationPanel.current.update(explanation);
      ExplanationPanel.current.panel.reveal();
      return ExplanationPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      EXPLANATION_VIEW_TYPE,
      ExplanationPanel.titleOf(explanation),
      { viewColumn: vscode.ViewColumn.Beside },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    ExplanationPanel.current = new ExplanationPanel(panel, explanation, asked);
    return ExplanationPanel.current;
  }

  /** Asks the server for the open panel's entry again (the display language changed). */
  static async refresh(server: ServerConnection): Promise<void> {
    const shown = ExplanationPanel.current;
    if (!shown) {
      return;
    }
    const explanation = await server.sendRequest(ExplainRequest.type, shown.asked).catch(() => null);
    if (explanation && ExplanationPanel.current === shown) {
      shown.update(explanation);
    }
  }

  /** The open panel's entry id, if any (for tests and for commands). */
  static get shownId(): string | undefined {
    return ExplanationPanel.current?.explanation.id;
  }

  private static titleOf(explanation: ExplainResult): string {
    return l10n.t('Error Code {0}', explanation.code);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    explanation: ExplainResult,
    asked: ExplainParams,
  ) {
    this.explanation = explanation;
    this.asked = asked;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
    );
    this.render();
  }

  update(explanation: ExplainResult): void {
    this.explanation = explanation;
    this.render();
  }

  dispose(): void {
    if (ExplanationPanel.current === this) {
      ExplanationPanel.current = undefined;
    }
    vscode.Disposable.from(...this.disposables).dispose();
    this.panel.dispose();
  }

  private async receive(message: FromWebview): Promise<void> {
    if (message?.type === 'copy') {
      await vscode.env.clipboard.writeText(this.explanation.plainText);
      void vscode.window.setStatusBarMessage(l10n.t('Copied the explanation of {0}.', this.explanation.code), 3000);
      void this.panel.webview.postMessage({ type: 'copied' });
    } else if (message?.type === 'open' && typeof message.url === 'string' && isHttpsUrl(message.url)) {
      // Only the entry's own https documentation links are opened.
      if (this.explanation.links.some((link) => link.url === message.url)) {
        await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
      }
    }
  }

  private render(): void {
    this.panel.title = ExplanationPanel.titleOf(this.explanation);
    this.panel.webview.html = explanationHtml(this.explanation, crypto.randomBytes(16).toString('base64'), displayLanguage());
  }
}

const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\s<>"'`\\{}|^]*)?$/;

function isHttpsUrl(url: string): boolean {
  return HTTPS_URL.test(url);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Paragraphs of plain text, each line kept. */
function paragraphs(texts: readonly string[]): string {
  return texts.map((text) => `<p>${escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')}</p>`).join('');
}

/** The explanation's fields as a definition list; a field without a label is a note. */
function fieldsHtml(explanation: ExplainResult): string {
  if (!explanation.fields) {
    // A server that sends no structure: its plain text, as it is.
    return `<pre class="plain">${escapeHtml(explanation.plainText)}</pre>`;
  }
  const items = explanation.fields.map((field) =>
    field.label ? `<dt>${escapeHtml(field.label)}</dt><dd>${paragraphs(field.texts)}</dd>` : `<dd class="note">${paragraphs(field.texts)}</dd>`,
  );
  return `<dl>${items.join('')}</dl>`;
}

export function explanationHtml(explanation: ExplainResult, nonce: string, language: string): string {
  const links = explanation.links.filter((link) => isHttpsUrl(link.url));
  const linkItems = links
    .map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.title)}</a><div class="url">${escapeHtml(link.url)}</div></li>`)
    .join('');
  const repairs = explanation.repairs ?? [];
  const copy = escapeHtml(l10n.t('Copy'));
  const docs = escapeHtml(l10n.t('Documentation'));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(explanation.code)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 20px 20px; line-height: 1.5; max-width: 60em; }
  .toolbar { position: sticky; top: 0; padding: 10px 0; background: var(--vscode-editor-background); display: flex; gap: 8px; align-items: center; }
  button { font-family: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; cursor: pointer; border-radius: 2px; }
  button:hover { background: var(--vscode-button-hoverBackground); }
  .status { color: var(--vscode-descriptionForeground); }
  a { color: var(--vscode-textLink-foreground); }
  hr { border: none; border-top: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
  .url { color: var(--vscode-descriptionForeground); font-size: 0.9em; word-break: break-all; }
  ul.links { padding-left: 1.2em; }
  .catalog, .note { color: var(--vscode-descriptionForeground); }
  .note { font-style: italic; }
  dt { font-weight: bold; margin-top: 0.8em; }
  dd { margin-left: 0; }
  dd p, #repairs p { margin: 0.2em 0; }
  pre.plain { white-space: pre-wrap; font-family: inherit; }
</style>
</head>
<body>
<div class="toolbar"><button id="copy" type="button">${copy}</button><span class="status" id="status" role="status"></span></div>
<article id="explanation">
<h2>${escapeHtml(explanation.code)}</h2>
${explanation.catalog ? `<div class="catalog">${escapeHtml(explanation.catalog)}</div>` : ''}
${fieldsHtml(explanation)}
</article>
${links.length > 0 ? `<section id="links"><h3>${docs}</h3><ul class="links">${linkItems}</ul></section>` : ''}
${repairs.length > 0 ? `<section id="repairs"><h3>${escapeHtml(l10n.t('Repaired from the capture'))}</h3>${paragraphs(repairs)}</section>` : ''}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
  document.addEventListener('click', (event) => {
    const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (anchor) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', url: anchor.getAttribute('href') });
    }
  });
  window.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'copied') {
      document.getElementById('status').textContent = ${JSON.stringify(l10n.t('Copied')).replace(/</g, '\\u003c')};
    }
  });
</script>
</body>
</html>`;
}
