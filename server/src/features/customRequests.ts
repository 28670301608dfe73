/*
 * The errorCodebook/* requests: search, explain, a document's findings (paged), and catalog status.
 * A document's findings come from the analysis its diagnostics use, worked out in slices; a request
 * that is cancelled meanwhile stops waiting for it.
 */
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { CatalogStatusRequest, DocumentFindingsRequest, DocumentFindingsResult, ExplainRequest, SearchRequest, SupportTicketRequest, TextFinding, TextFindingsRequest } from '../common/protocol';
import { FindingGroup, catalogOverview } from '../core/index';
import { ServerContext } from '../serverContext';

/** The most items errorCodebook/search returns, whatever the request asks. */
const MAX_SEARCH_ITEMS = 200;
/** How much text errorCodebook/textFindings reads, and how many codes it answers at most. */
const MAX_TEXT_LENGTH = 64 * 1024;
const MAX_TEXT_FINDINGS = 200;

export function registerCustomRequests(context: ServerContext): void {
  const { connection } = context;

  connection.onRequest(SearchRequest.type, (params) => {
    const language = context.requestedLanguage(params?.language);
    const query = typeof params?.query === 'string' ? params.query : '';
    const asked = typeof params?.limit === 'number' && Number.isFinite(params.limit) ? Math.floor(params.limit) : 50;
    return { items: context.service.search(query, language, Math.max(0, Math.min(MAX_SEARCH_ITEMS, asked))) };
  });

  connection.onRequest(ExplainRequest.type, (params) => {
    if (typeof params?.id !== 'string') {
      return null;
    }
    const code = typeof params.code === 'string' && params.code.length <= 256 ? params.code : undefined;
    return context.service.explain(params.id, context.requestedLanguage(params.language), code) ?? null;
  });

  connection.onRequest(DocumentFindingsRequest.type, async (params, token) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const page = (total: number, groups: FindingGroup[], extra: Partial<DocumentFindingsResult> = {}): DocumentFindingsResult => {
      const offset = wholeNumber(params?.offset, 0);
      const limit = wholeNumber(params?.limit, groups.length);
      const end = Math.min(groups.length, offset + limit);
      return {
        uri,
        total,
        groups: groups.slice(offset, end),
        groupCount: groups.length,
        ...(end < groups.length ? { nextOffset: end } : {}),
        ...extra,
      };
    };
    if (context.documents.scanned(uri)) {
      const analysis = await context.analyses.current(uri, token);
      if (token.isCancellationRequested) {
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      }
      if (analysis) {
        return page(analysis.total, analysis.groups);
      }
    }
    const fromDisk = context.diskFindings.get(uri);
    if (fromDisk) {
      return page(fromDisk.total, fromDisk.groups);
    }
    // A file read ahead, its document not open yet: what was published ahead for it, once it is read.
    const ahead = await context.analysisAhead(uri);
    if (ahead === 'reading') {
      return page(0, [], { skippedReason: 'reading' });
    }
    if (ahead) {
      return page(ahead.analysis.total, ahead.analysis.groups);
    }
    const now = context.documents.get(uri);
    return page(0, [], { skippedReason: now ? (now.skipped ?? 'notSelected') : 'notOpen' });
  });

  connection.onRequest(SupportTicketRequest.type, (params) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    // A text-synced document or a log read from disk: a ticket reads its lines either way.
    const code = context.documents.scanned(uri);
    const line = params?.position?.line;
    const character = params?.position?.character;
    if (!code || !isWholeNumber(line) || !isWholeNumber(character)) {
      return null;
    }
    const ticket = context.service.supportTicket(code, { line, character }, context.requestedLanguage(params.language, uri));
    if (!ticket) {
      return null;
    }
    return {
      code: ticket.facts.code,
      markdown: ticket.markdown,
      plainText: ticket.plainText,
      ...(ticket.facts.requestId ? { requestId: ticket.facts.requestId.value } : {}),
      ...(ticket.facts.diagnosis ? { diagnosis: ticket.facts.diagnosis.url } : {}),
    };
  });

  connection.onRequest(TextFindingsRequest.type, (params) => {
    const text = typeof params?.text === 'string' ? params.text.slice(0, MAX_TEXT_LENGTH) : '';
    const settings = context.settings.snapshot();
    const describer = context.service.describer(context.requestedLanguage(params?.language), settings['diagnostics.severity']);
    const findings: TextFinding[] = [];
    for (const found of context.service.createDocument(text).occurrences()) {
      const record = describer.describe(found);
      findings.push({
        line: record.line - 1,
        start: record.column - 1,
        end: record.endColumn - 1,
        code: record.code,
        ...(record.entryId !== undefined ? { entryId: record.entryId } : {}),
        kind: record.kind,
        catalog: record.catalog,
        meaning: record.meaning,
        ...(record.documentation !== undefined ? { documentation: record.documentation } : {}),
      });
      if (findings.length >= MAX_TEXT_FINDINGS) {
        break;
      }
    }
    return { findings };
  });

  connection.onRequest(CatalogStatusRequest.type, () => {
    const language = context.language();
    const { catalogs, problems, disabled } = context.service.loaded;
    return {
      catalogs: catalogs.map(({ catalog, file }) => catalogOverview(catalog, file, language)),
      problems,
      disabled,
    };
  });
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
