/*
 * The errorCodebook/* requests: search, explain, a document's findings, and catalog status.
 */
import { CatalogStatusRequest, DocumentFindingsRequest, ExplainRequest, SearchRequest } from '../common/protocol';
import { catalogOverview } from '../core/provenance';
import { ServerContext } from '../serverContext';

export function registerCustomRequests(context: ServerContext): void {
  const { connection } = context;

  connection.onRequest(SearchRequest.type, async (params) => {
    const language = params?.language ?? (await context.language());
    const query = typeof params?.query === 'string' ? params.query : '';
    const limit = typeof params?.limit === 'number' && Number.isFinite(params.limit) ? params.limit : 50;
    return { items: context.service.search(query, language, limit) };
  });

  connection.onRequest(ExplainRequest.type, async (params) => {
    if (typeof params?.id !== 'string') {
      return null;
    }
    const language = params.language ?? (await context.language());
    return context.service.explain(params.id, language) ?? null;
  });

  connection.onRequest(DocumentFindingsRequest.type, async (params) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const tracked = context.documents.get(uri);
    const settings = await context.settings.forResource(uri || undefined);
    const language = context.languageFrom(settings);
    if (tracked?.code) {
      return { uri, ...context.service.findings(tracked.code, language, settings['diagnostics.severity']) };
    }
    const fromDisk = context.diskFindings.get(uri);
    if (fromDisk) {
      return { uri, ...fromDisk };
    }
    return { uri, total: 0, groups: [], ...(tracked?.skipped ? { skippedReason: tracked.skipped } : {}) };
  });

  connection.onRequest(CatalogStatusRequest.type, async () => {
    const language = await context.language();
    const { catalogs, problems } = context.service.loaded;
    return {
      catalogs: catalogs.map(({ catalog, file }) => catalogOverview(catalog, file, language)),
      problems,
    };
  });
}
