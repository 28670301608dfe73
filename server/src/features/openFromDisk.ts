/*
 * errorCodebook/openFromDisk: the client asks the server to read a document from its file instead
 * of sending its text (a large log saved on disk). The server answers at once whether it can (a
 * file: URI of a regular UTF-8 file), then reads the file in the background and publishes its
 * findings like any document's. Asked again for a document it reads already, it reads the file on
 * from where it was when it only grew, else anew.
 */
import { URI } from 'vscode-uri';
import { OpenFromDiskRequest, OpenFromDiskResult } from '../common/protocol';
import { NotReadableFromDisk, inspectFile } from '../diskReading';
import { ServerContext } from '../serverContext';

export function registerOpenFromDisk(context: ServerContext): void {
  context.connection.onRequest(OpenFromDiskRequest.type, async (params): Promise<OpenFromDiskResult> => {
    const document = params?.textDocument;
    const uri = document?.uri;
    if (typeof uri !== 'string' || typeof document?.languageId !== 'string' || typeof document.version !== 'number') {
      return { accepted: false, reason: 'errorCodebook/openFromDisk needs textDocument.uri, languageId and version.' };
    }
    let path: string;
    try {
      const parsed = URI.parse(uri);
      if (parsed.scheme !== 'file') {
        return { accepted: false, reason: `${uri} is not a file: URI.` };
      }
      path = parsed.fsPath;
    } catch {
      return { accepted: false, reason: `Not a URI: ${uri}` };
    }
    try {
      const file = await inspectFile(path);
      const current = context.documents.get(uri);
      if (current && typeof current.version === 'number' && document.version < current.version) {
        // An older state than the one the server has: the newer notification already replaced it.
        return { accepted: true };
      }
      context.documents.openFromDisk({ uri, languageId: document.languageId, version: document.version }, file, context.settings.snapshot(uri));
      context.settings.ask(uri);
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
