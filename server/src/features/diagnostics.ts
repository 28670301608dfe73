/*
 * textDocument/publishDiagnostics: one diagnostic per occurrence, up to the configured cap, most
 * severe first, with a note when the cap cut some off (the core's rule). Publishing is debounced per
 * document: the first refresh after a quiet spell is published at once, the rest of a burst once
 * at its end. The analysis behind it runs in slices, so it never holds other requests up for long,
 * and is dropped when the document changes or closes meanwhile.
 *
 * A large file read ahead (its editor opened, VS Code still loading its text) has its findings
 * published as soon as it is read, so Problems and the Error Codes view list them before the editor
 * shows the text; they are withdrawn when the file is dropped before its document opens. A file
 * scanned from disk (errorCodebook/scanFile) keeps that scan's findings until its document opens.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { FindingsChangedNotification } from '../common/protocol';
import { CodeDiagnostic, diagnosticsEnabled, stringsFor } from '../core/index';
import { scannedOf } from '../documentStore';
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
  // When diagnostics of a document were last computed, so the first change after a quiet spell (and
  // the opening) is published at once, and only a burst of changes waits for the debounce.
  const lastRun = new Map<string, number>();
  // The state of each document whose diagnostics were last published, so an answer of settings
  // that changes nothing publishes nothing.
  const published = new Map<string, number>();
  // The files read ahead whose findings are published, their documents not open yet.
  const publishedAhead = new Set<string>();
  // The newest publishing of each file read ahead: an older one still working out its analysis (in
  // settings since changed) publishes nothing.
  const aheadTurns = new Map<string, number>();

  const publish = async (uri: string) => {
    const tracked = context.documents.get(uri);
    if (!tracked || context.settings.isPending(uri)) {
      // Settings on their way: their arrival publishes.
      return;
    }
    // Open now: what it publishes replaces what was published ahead.
    publishedAhead.delete(uri);
    if (published.get(uri) === tracked.generation) {
      return;
    }
    const settings = context.settings.snapshot(uri);
    if (tracked.skipped === 'tooLarge' && !toldTooLarge.has(uri)) {
      toldTooLarge.add(uri);
      void offerDiskScan(context, uri, Math.round(tracked.length / 1048576), settings['scan.maxFileSizeMB'], context.languageFrom(settings));
    }
    if (!scannedOf(tracked)) {
      if (context.diskFindings.has(uri)) {
        // The document is not scanned in the editor but was scanned from disk: keep those results.
        return;
      }
      const { version, generation } = tracked;
      published.set(uri, generation);
      await context.connection.sendDiagnostics({ uri, version, diagnostics: [] });
      if (context.documents.get(uri) === tracked && tracked.generation === generation) {
        await context.connection.sendNotification(FindingsChangedNotification.type, { uri, total: 0 });
      }
      return;
    }
    const analysis = await context.analyses.current(uri);
    if (!analysis || context.documents.get(uri) !== tracked || tracked.generation !== analysis.generation) {
      // Closed, or changed meanwhile: the change scheduled its own publishing.
      return;
    }
    if (published.get(uri) === analysis.generation) {
      // An earlier publishing waited for the same analysis and sent it.
      return;
    }
    published.set(uri, analysis.generation);
    const diagnostics: Diagnostic[] = diagnosticsEnabled(tracked.kind, settings) ? analysis.diagnostics.map(toLspDiagnostic) : [];
    await context.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    await context.connection.sendNotification(FindingsChangedNotification.type, { uri, total: analysis.total });
  };

  // Those waiting for the publishing a refresh scheduled: told once it is done, or replaced by a later one's.
  const waiting = new Map<string, (() => void)[]>();
  const release = (uri: string) => {
    const resolvers = waiting.get(uri) ?? [];
    waiting.delete(uri);
    resolvers.forEach((resolve) => resolve());
  };

  const schedule = (uri: string): Promise<void> => {
    clearTimeout(timers.get(uri));
    const quiet = Date.now() - (lastRun.get(uri) ?? -Infinity) >= DEBOUNCE_MS;
    const done = new Promise<void>((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve]));
    timers.set(
      uri,
      setTimeout(
        () => {
          timers.delete(uri);
          lastRun.set(uri, Date.now());
          const resolvers = waiting.get(uri) ?? [];
          waiting.delete(uri);
          publish(uri)
            .catch((error) => context.log(`Could not publish diagnostics for ${uri}: ${(error as Error).stack ?? error}`))
            .finally(() => resolvers.forEach((resolve) => resolve()));
        },
        quiet ? 0 : DEBOUNCE_MS,
      ),
    );
    return done;
  };

  context.onRefresh(schedule);
  context.publishAhead = async (uri) => {
    // Never over the findings of a scan from disk.
    if (context.diskFindings.has(uri)) {
      return;
    }
    const turn = (aheadTurns.get(uri) ?? 0) + 1;
    aheadTurns.set(uri, turn);
    // Not while it is still read (its reading tells when it is done), nor before its settings are known.
    const found = await context.analysisAhead(uri);
    if (aheadTurns.get(uri) !== turn) {
      return;
    }
    aheadTurns.delete(uri);
    if (found === undefined || found === 'reading' || context.diskFindings.has(uri)) {
      return;
    }
    const { ahead, analysis } = found;
    const diagnostics = diagnosticsEnabled(ahead.kind, context.settings.snapshot(uri)) ? analysis.diagnostics.map(toLspDiagnostic) : [];
    if (diagnostics.length > 0 || publishedAhead.has(uri)) {
      await context.connection.sendDiagnostics({ uri, diagnostics });
    }
    publishedAhead.add(uri);
    // The Error Codes view lists them too (errorCodebook/documentFindings answers for a file read ahead).
    await context.connection.sendNotification(FindingsChangedNotification.type, { uri, total: analysis.total });
  };
  context.withdrawAhead = (uri) => {
    if (publishedAhead.delete(uri) && !context.documents.has(uri) && !context.diskFindings.has(uri)) {
      void context.connection.sendDiagnostics({ uri, diagnostics: [] });
      void context.connection.sendNotification(FindingsChangedNotification.type, { uri, total: 0 });
    }
  };
  context.onClose((uri) => {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    release(uri);
    lastRun.delete(uri);
    published.delete(uri);
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
