/*
 * textDocument/inlayHint: the meaning of a line's codes at its end (errorCodebook.inlineMeaning).
 * In clients that run the explanation command themselves (VS Code), each code's part is clickable:
 * an entry opens its explanation, a code no entry explains its documentation. Elsewhere the hint is
 * a plain label. Hints are answered from the document's analysis, so every code was already decided.
 */
import { InlayHint, InlayHintLabelPart } from 'vscode-languageserver/node';
import { InlineMeaningPart } from '../core/index';
import { ServerContext } from '../serverContext';
import { OPEN_DOCUMENTATION_COMMAND } from './codeActions';

const EXPLAIN_ENTRY_COMMAND = 'errorCodebook.explainEntry';
const SEPARATOR = '  ·  ';

/** How long a burst of settings answers is waited out before the client is asked to refresh hints once. */
const REFRESH_DELAY_MS = 50;

export function registerInlayHints(context: ServerContext, canRefresh: boolean): void {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  context.refreshInlayHints = () => {
    if (!canRefresh) {
      return;
    }
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void context.connection.languages.inlayHint.refresh().catch(() => undefined), REFRESH_DELAY_MS);
  };
  context.connection.languages.inlayHint.on(async (params, token) => {
    const uri = String(params?.textDocument?.uri);
    const settings = context.settings.snapshot(uri);
    if (!context.documents.scanned(uri) || settings.inlineMeaning === 'off') {
      return null;
    }
    // Every code of the document decided once, in slices, before the hints read them.
    await context.analyses.current(uri, token);
    const code = context.documents.scanned(uri);
    if (!code || token.isCancellationRequested) {
      return null;
    }
    const from = Math.max(0, Math.floor(Number(params.range?.start?.line) || 0));
    const to = Math.floor(Number(params.range?.end?.line ?? code.lineCount - 1));
    const language = context.languageFrom(settings);
    const strings = context.strings(uri);
    const clickable = context.clientCommands.has(EXPLAIN_ENTRY_COMMAND);
    const hints = context.service.inlineMeanings(code, { from, to: Number.isFinite(to) ? to : code.lineCount - 1 }, {
      language,
      mode: settings.inlineMeaning,
      ignoredCodes: new Set(settings.ignoredCodes),
    });
    return hints.map((hint): InlayHint => {
      const position = { line: hint.line, character: hint.character };
      if (!clickable) {
        return { position, label: hint.parts.map((part) => part.label).join(SEPARATOR), tooltip: hint.parts.map((part) => part.tooltip).join('\n\n'), paddingLeft: true };
      }
      const parts: InlayHintLabelPart[] = [];
      hint.parts.forEach((part, index) => {
        if (index > 0) {
          parts.push({ value: SEPARATOR });
        }
        parts.push(labelPart(part, strings.inlineShowExplanation, strings.inlineOpenDocumentation));
      });
      return { position, label: parts, paddingLeft: true };
    });
  });
}

function labelPart(part: InlineMeaningPart, showExplanation: string, openDocumentation: string): InlayHintLabelPart {
  if (part.entryId) {
    return { value: part.label, tooltip: `${part.tooltip}\n\n${showExplanation}`, command: { title: showExplanation, command: EXPLAIN_ENTRY_COMMAND, arguments: [part.entryId] } };
  }
  if (part.documentation) {
    return { value: part.label, tooltip: `${part.tooltip}\n\n${openDocumentation}`, command: { title: openDocumentation, command: OPEN_DOCUMENTATION_COMMAND, arguments: [part.documentation] } };
  }
  return { value: part.label, tooltip: part.tooltip };
}
