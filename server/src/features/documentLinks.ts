/*
 * textDocument/documentLink: each code links to its documentation.
 */
import { DocumentLink } from 'vscode-languageserver/node';
import { ServerContext } from '../serverContext';

export function registerDocumentLinks(context: ServerContext): void {
  context.connection.onDocumentLinks(({ textDocument }) => {
    const code = context.documents.scanned(String(textDocument?.uri));
    if (!code) {
      return null;
    }
    const links = context.service.links(code, context.language(textDocument.uri));
    return links.map((link): DocumentLink => ({ range: link.range, target: link.url, tooltip: link.tooltip }));
  });
}
