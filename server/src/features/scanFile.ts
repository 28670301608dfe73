/*
 * errorCodebook/scanFile: streams a file from disk (any size, bounded memory) with cancellable
 * progress, and publishes its findings as diagnostics of that file. The findings are said in the
 * display language and kept with the severities, ignored codes and catalogs of their scan; when
 * those change, the file is scanned again (once its scan ends, when they change during it).
 */
import { CancellationToken, Diagnostic } from 'vscode-languageserver/node';
import { FindingsChangedNotification, ScanFileRequest, ScanFileResult } from '../common/protocol';
import { linesToTime, stringsFor, timeGroups } from '../core/index';
import { filePathOf } from '../diskReading';
import { FileScanError, scanFile } from '../fileScan';
import { readLinesAt } from '../lineReader';
import { ServerContext } from '../serverContext';
import { toLspDiagnostic } from './diagnostics';

interface ScanOptions {
  encoding?: string;
  token?: string | number;
  requestToken?: CancellationToken;
  again?: boolean;
}

export function registerScanFile(context: ServerContext): void {
  /**
   * The newest scan of each file: what an older one still running finds is not published, and a
   * scan the server began itself (again, for new settings) stops.
   */
  const newest = new Map<string, number>();
  let scans = 0;
  /**
   * Scans running while the settings or catalogs changed: what they find is in the old ones, so the
   * file is scanned again once they end.
   */
  const outdated = new Set<number>();
  /** The scan of each file that is running now, if any. */
  const running = new Map<string, number>();

  /** Puts a file's findings in Problems, and tells the client the Error Codes view has new ones. */
  const publish = async (uri: string, diagnostics: Diagnostic[], total: number): Promise<void> => {
    await context.connection.sendDiagnostics({ uri, diagnostics });
    await context.connection.sendNotification(FindingsChangedNotification.type, { uri, total });
  };

  /**
   * Scans a file. `encoding` overrides the editor's for it; `token` is the client's progress token
   * and `requestToken` its request's cancellation; `again` marks a scan the server began itself.
   */
  const run = async (uri: string, options: ScanOptions = {}): Promise<ScanFileResult> => {
    const where = filePathOf(uri);
    if (!('path' in where)) {
      return { uri, total: 0, bytes: 0, cancelled: false, error: `Only files on disk can be scanned; ${where.reason}` };
    }
    const { path } = where;
    const scan = ++scans;
    newest.set(uri, scan);
    running.set(uri, scan);
    try {
      const result = await scanAndPublish(uri, path, () => newest.get(uri) !== scan, options);
      if (outdated.has(scan) && newest.get(uri) === scan && !result.cancelled && result.error === undefined) {
        void rescan(uri);
      }
      return result;
    } finally {
      outdated.delete(scan);
      if (running.get(uri) === scan) {
        running.delete(uri);
      }
    }
  };

  /** Scans a file and publishes its findings, unless a newer scan of it has begun meanwhile. */
  const scanAndPublish = async (uri: string, path: string, superseded: () => boolean, { encoding, token, requestToken, again = false }: ScanOptions): Promise<ScanFileResult> => {
    const settings = context.settings.snapshot(uri);
    const language = context.languageFrom(settings);
    const strings = stringsFor(language);
    // The client's own progress token when it sent one; else a progress the server creates, which has a cancel button.
    const created = token === undefined ? await context.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    const progress = token !== undefined ? context.connection.window.attachWorkDoneProgress(token) : created;
    const cancelled = () => (again && superseded()) || requestToken?.isCancellationRequested === true || created?.token.isCancellationRequested === true;
    const name = path.split(/[\\/]/).pop() ?? path;
    progress?.begin(strings.scanning(name), 0, undefined, true);
    const report = context.service.createScanReport(context.diagnosticsOptions(settings));
    // The encoding the editor reads the file in (files.encoding), unless the request names one.
    const fileEncoding = encoding ?? (await context.settings.fileEncoding(uri));
    try {
      const result = await scanFile(context.service, path, {
        onFound: (item) => report.add(item),
        onProgress: ({ bytesRead, totalBytes, found: count }) => {
          progress?.report(totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 0, strings.scanProgress(Math.round(bytesRead / 1048576), count));
        },
        isCancelled: cancelled,
        encoding: fileEncoding,
      });
      const { total, groups, diagnostics: found } = report.result();
      // The scan keeps no text: the lines whose times the Error Codes view shows are read again.
      const lines = await readLinesAt(path, linesToTime(groups), fileEncoding).catch(() => new Map<number, string>());
      if (superseded()) {
        return { uri, total, bytes: result.bytes, cancelled: result.cancelled };
      }
      timeGroups(groups, (line) => lines.get(line));
      context.diskFindings.set(uri, { total, groups, ...(encoding !== undefined ? { encoding } : {}) });
      await publish(uri, found.map(toLspDiagnostic), total);
      return { uri, total, bytes: result.bytes, cancelled: result.cancelled };
    } catch (error) {
      const message = error instanceof FileScanError ? error.message : `Scanning failed: ${(error as Error).message}`;
      context.log(message);
      return { uri, total: 0, bytes: 0, cancelled: false, error: message };
    } finally {
      progress?.done();
    }
  };

  /** Scans a file again as it was scanned; its findings are dropped when it cannot be read any more. */
  const rescan = async (uri: string): Promise<void> => {
    const kept = context.diskFindings.get(uri);
    if (!kept) {
      return;
    }
    const result = await run(uri, { encoding: kept.encoding, again: true });
    if (result.error !== undefined && context.diskFindings.get(uri) === kept) {
      context.log(`Dropped the findings of ${uri}, scanned from disk: it could not be scanned again (${result.error})`);
      context.diskFindings.delete(uri);
      await publish(uri, [], 0);
    }
  };

  context.scanFromDisk = (uri) => run(uri);
  context.rescanFromDisk = (include = () => true) => {
    for (const uri of new Set([...context.diskFindings.keys(), ...running.keys()])) {
      // An open document scanned in the editor has findings of its own, published in its settings.
      if (!include(uri) || context.documents.scanned(uri)) {
        continue;
      }
      const scan = running.get(uri);
      if (scan !== undefined) {
        outdated.add(scan);
      } else if (context.diskFindings.has(uri)) {
        void rescan(uri);
      }
    }
  };
  context.connection.onRequest(ScanFileRequest.type, (params, requestToken) =>
    run(String(params?.uri ?? ''), { encoding: typeof params?.encoding === 'string' ? params.encoding : undefined, token: params?.workDoneToken, requestToken }),
  );
}
