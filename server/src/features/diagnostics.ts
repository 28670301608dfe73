/*
 * textDocument/publishDiagnostics: one diagnostic per occurrence, up to the configured cap, most
 * severe first, with a note when the cap cut some off. Publishing is debounced per document: the
 * first refresh after a quiet spell is published at once, the rest of a burst once at its end.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { FindingsChangedNotification } from '../common/protocol';
import { CodeDiagnostic, diagnosticsEnabled, stringsFor } from '../core/index';
import { ServerContext } from '../serverContext';

export const DIAGNOSTIC_SOURCE = 'Error Codebook';
const DEBOUNCE_MS = 30;

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toLspDiagnostic(diagnostic: CodeDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    source: DIAGNOSTIC_SOURCE,
    ...(diagnostic.code !== undefined ? { code: diagnostic.code } : {}),
    ...(diagnostic.href ? { codeDescription: { href: diagnostic.href } } : {}),
    message: diagnostic.message,
    ...(diagnostic.entryId !== undefined ? { data: { entryId: diagnostic.entryId, href: diagnostic.href } } : {}),
  };
}

export function registerDiagnostics(context: ServerContext): void {
  const timers = new Map<string, NodeJS.Timeout>();
  const toldTooLarge = new Set<string>();

  const publish = async (uri: string) => {
    const tracked = context.documents.get(uri);
    if (!tracked) {
      return;
    }
    const settings = await context.settings.forResource(uri);
    const language = context.languageFrom(settings);
    if (tracked.skipped === 'tooLarge' && !toldTooLarge.has(uri)) {
      toldTooLarge.add(uri);
      void offerDiskScan(context, uri, Math.round(tracked.sizeMegabytes), settings['scan.maxFileSizeMB'], language);
    }
    const version = tracked.version;
    let diagnostics: Diagnostic[] = [];
    let total = 0;
    if (tracked.code && diagnosticsEnabled(tracked.kind, settings)) {
      const result = context.service.diagnostics(tracked.code, { language, severity: settings['diagnostics.severity'], maxCount: settings['diagnostics.maxPerFile'] });
      total = result.total;
      diagnostics = result.diagnostics.map(toLspDiagnostic);
    } else if (tracked.code) {
      total = context.service.countFindings(tracked.code);
    }
    if (context.documents.get(uri) !== tracked || tracked.version !== version) {
      return;
    }
    if (!tracked.code && context.diskFindings.has(uri)) {
      // The document is not scanned in the editor but was scanned from disk: keep those results.
      return;
    }
    await context.connection.sendDiagnostics({ uri, version, diagnostics });
    await context.connection.sendNotification(FindingsChangedNotification.type, { uri, total });
  };

  // When diagnostics of a document were last computed, so the first change after a quiet spell (and
  // the opening) is published at once, and only a burst of changes waits for the debounce.
  const lastRun = new Map<string, number>();

  const schedule = (uri: string) => {
    clearTimeout(timers.get(uri));
    const quiet = Date.now() - (lastRun.get(uri) ?? -Infinity) >= DEBOUNCE_MS;
    timers.set(
      uri,
      setTimeout(
        () => {
          timers.delete(uri);
          lastRun.set(uri, Date.now());
          publish(uri).catch((error) => context.log(`Could not publish diagnostics for ${uri}: ${(error as Error).stack ?? error}`));
        },
        quiet ? 0 : DEBOUNCE_MS,
      ),
    );
  };

  context.onRefresh(schedule);
  context.onClose((uri) => {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    lastRun.delete(uri);
    toldTooLarge.delete(uri);
    if (!context.diskFindings.has(uri)) {
      void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });
}

async function offerDiskScan(context: ServerContext, uri: string, megabytes: number, limit: number, language: 'en' | 'zh-cn'): Promise<void> {
  const strings = stringsFor(language);
  const choice = await context.connection.window.showInformationMessage(strings.tooLarge(megabytes, limit), { title: strings.scanFromDisk });
  if (choice?.title === strings.scanFromDisk && uri.startsWith('file:')) {
    await context.scanFromDisk(uri);
  }
}
