/*
 * errorCodebook/openFromDisk: the client asks the server to read a document from its file instead
 * of sending its text (a large log saved on disk). The server answers at once whether it can (a
 * file: URI of a regular UTF-8 file), then reads the file in the background and publishes its
 * findings like any document's. Asked again for a document it reads already, it reads the file on
 * from where it was when it only grew, else anew.
 *
 * errorCodebook/readAhead: the client says a large file's editor opened, before the editor has its
 * text; the server starts reading the file, asks for its settings, works out its analysis and
 * publishes its findings, and the document takes all that over when it opens.
 * errorCodebook/readAheadClosed: that editor closed first; what was read is dropped.
 */
import { OpenFromDiskRequest, OpenFromDiskResult, ReadAheadClosedNotification, ReadAheadNotification } from '../common/protocol';
import { NotReadableFromDisk, filePathOf, inspectFile } from '../diskReading';
import { ServerContext } from '../serverContext';

export function registerOpenFromDisk(context: ServerContext): void {
  context.connection.onNotification(ReadAheadNotification.type, async (params) => {
    const uri = params?.uri;
    const where = typeof uri === 'string' ? filePathOf(uri) : undefined;
    if (typeof uri !== 'string' || !where || !('path' in where)) {
      return;
    }
    try {
      const file = await inspectFile(where.path);
      // Once read, its findings are published, and its document publishes them at once when it opens.
      if (context.documents.readAhead(uri, file, context.settings.snapshot(uri), () => void context.publishAhead(uri))) {
        context.log(`Reading ${where.path} ahead (${(file.size / 1048576).toFixed(1)} MB), while the editor loads it.`);
        // Asked now, the client answers before its document opens: its diagnostics need not wait then.
        context.settings.ask(uri);
      }
    } catch (error) {
      // A hint only: the file is looked at again when its document opens, and said why then.
      if (!(error instanceof NotReadableFromDisk)) {
        context.log(`Reading ${where.path} ahead failed: ${(error as Error).message}`);
      }
    }
  });

  context.connection.onNotification(ReadAheadClosedNotification.type, (params) => {
    if (typeof params?.uri === 'string') {
      context.documents.closeReadAhead(params.uri);
    }
  });

  context.connection.onRequest(OpenFromDiskRequest.type, async (params): Promise<OpenFromDiskResult> => {
    const document = params?.textDocument;
    const uri = document?.uri;
    if (typeof uri !== 'string' || typeof document?.languageId !== 'string' || typeof document.version !== 'number') {
      return { accepted: false, reason: 'errorCodebook/openFromDisk needs textDocument.uri, languageId and version.' };
    }
    const where = filePathOf(uri);
    if (!('path' in where)) {
      return { accepted: false, reason: where.reason };
    }
    try {
      const file = await inspectFile(where.path);
      const current = context.documents.get(uri);
      if (current && typeof current.version === 'number' && document.version < current.version) {
        // An older state than the one the server has: the newer notification already replaced it.
        return { accepted: true };
      }
      const readAhead = context.documents.isReadAhead(uri);
      context.documents.openFromDisk({ uri, languageId: document.languageId, version: document.version }, file, context.settings.snapshot(uri));
      // The settings of a file read ahead were asked for then (and again at every change since).
      if (!readAhead || !context.settings.knows(uri)) {
        context.settings.ask(uri);
      }
      context.refresh(uri);
      return { accepted: true };
    } catch (error) {
      if (error instanceof NotReadableFromDisk) {
        return { accepted: false, reason: error.message };
      }
      throw error;
    }
  });
}
