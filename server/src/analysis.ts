/*
 * What a scanned document's findings add up to (its capped diagnostics, its groups by code, its
 * total), worked out in slices: between slices the server goes back to the event loop, so requests
 * and edits that arrived meanwhile are served first. Work for a document that changed since (text,
 * scanning, catalogs or settings) or closed is dropped. One analysis per document state is shared
 * by the diagnostics it publishes and the errorCodebook/documentFindings requests about it.
 *
 * A large text's document clues (the names, hosts and links of the whole text, which a few codes
 * need to be decided) are tallied when the first such code asks for them. When that takes longer
 * than TALLY_FIRST_MS, the analysis goes on with the clues tallied so far, as a log read from disk
 * is first decided with the clues seen so far; the tally is finished afterwards in slices, and the
 * document is analysed and published again.
 */
import { CancellationToken } from 'vscode-languageserver/node';
import { CodeDiagnostic, DiagnosticsOptions, FindingGroup, GroupTimes, LanguageService, ScanReport, WHOLE_DOCUMENT_CLUES_FIRST } from './core/index';
import { TrackedDocument, scannedOf } from './documentStore';
import { afterDocumentText, afterDocumentWork } from './memory';

/** How long one slice may run before the server looks at other messages. */
const SLICE_MS = 8;
/** How long a large text's analysis tallies its document's clues before it goes on without the rest. */
const TALLY_FIRST_MS = 50;

export interface DocumentAnalysis {
  generation: number;
  version: number;
  total: number;
  groups: FindingGroup[];
  diagnostics: CodeDiagnostic[];
  /** Whether some decisions were made with the document's clues tallied so far, to be made again once all are. */
  provisional: boolean;
}

/** What decides an analysis besides the document's state, as a string to compare. */
function keyOf(options: DiagnosticsOptions): string {
  return JSON.stringify({ ...options, codes: options.codes && { ...options.codes, ignoredCodes: [...(options.codes.ignoredCodes ?? [])].sort() } });
}

/** Resolves once the event loop has served what was waiting (messages, timers). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Does work that goes on in runs, each while it is told to (`run` answers true once it is all
 * done), in slices of SLICE_MS with the event loop served between them. False as soon as `isStale`
 * says, after a slice, that the work is not wanted any more.
 */
async function inSlices(run: (keepGoing: () => boolean) => boolean, isStale: () => boolean): Promise<boolean> {
  for (;;) {
    const deadline = performance.now() + SLICE_MS;
    if (run(() => performance.now() < deadline)) {
      return true;
    }
    await yieldToEventLoop();
    if (isStale()) {
      return false;
    }
  }
}

/** Says yes until `ms` have passed since it was first asked. */
function timeBudget(ms: number): () => boolean {
  let end: number | undefined;
  return () => performance.now() < (end ??= performance.now() + ms);
}

/** Calls `isStale` between slices; the analysis gives up (undefined) as soon as it says so. */
async function analyseDocument(
  service: LanguageService,
  tracked: TrackedDocument,
  options: DiagnosticsOptions,
  isStale: () => boolean,
): Promise<DocumentAnalysis | undefined> {
  const { generation, version } = tracked;
  const code = scannedOf(tracked);
  if (!code) {
    return undefined;
  }
  const report = service.createScanReport(options);
  // A large text's codes that read the document's clues tally them for TALLY_FIRST_MS at most;
  // past that they are decided with the clues tallied so far, and the rest are tallied after.
  const text = tracked.code;
  const tallyWhile = text && tracked.length > WHOLE_DOCUMENT_CLUES_FIRST ? timeBudget(TALLY_FIRST_MS) : undefined;
  const walk = code.walkOccurrences((found) => report.add(found), tallyWhile ? { tallyWhile } : {});
  let result: ReturnType<ScanReport['result']> | undefined;
  let times: GroupTimes | undefined;
  // The findings, then the times the lines of each group carry (for the Error Codes view), in one
  // run of slices.
  const done = await inSlices((keepGoing) => {
    if (times === undefined) {
      if (!walk.run(keepGoing)) {
        return false;
      }
      result = report.result();
      times = new GroupTimes(result.groups, (line) => code.lineText(line));
    }
    return times.run(keepGoing);
  }, () => isStale() || tracked.generation !== generation);
  if (!done || result === undefined) {
    return undefined;
  }
  const { total, groups, diagnostics } = result;
  return { generation, version, total, groups, diagnostics, provisional: tallyWhile !== undefined && text!.hasProvisionalDecisions };
}

/**
 * One running or finished analysis per open document, for its current state. `current` starts one
 * when there is none for that state, and waits for it otherwise.
 */
export class DocumentAnalyses {
  private readonly running = new Map<string, { generation: number; optionsKey: string; result: Promise<DocumentAnalysis | undefined> }>();
  /** The state of each document whose clue tally is being finished after a provisional analysis. */
  private readonly settling = new Map<string, number>();

  constructor(
    private readonly service: () => LanguageService,
    private readonly documents: (uri: string) => TrackedDocument | undefined,
    private readonly options: (tracked: TrackedDocument) => DiagnosticsOptions,
    /**
     * Told when a document's provisional decisions can be made again (its state moved on), to
     * publish it anew; what it returns settles once that is done.
     */
    private readonly settled: (uri: string) => Promise<unknown> | void = () => undefined,
  ) {}

  /**
   * The analysis of a document's current state; undefined when the document is not scanned, or
   * closed, or the request was cancelled. A state that changes while it is worked out is followed
   * to the newest one.
   */
  async current(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    for (;;) {
      const tracked = this.documents(uri);
      if (!tracked || !scannedOf(tracked) || token?.isCancellationRequested) {
        return undefined;
      }
      if (tracked.disk?.scanning) {
        // A document read from disk is analysed once its scan is done.
        await tracked.disk.ready;
        continue;
      }
      const options = this.options(tracked);
      const optionsKey = keyOf(options);
      let entry = this.running.get(uri);
      if (entry?.generation !== tracked.generation || entry.optionsKey !== optionsKey) {
        entry = this.start(tracked, options, () => this.documents(uri) !== tracked);
      }
      const analysis = await entry.result;
      if (analysis && this.documents(uri) === tracked && analysis.generation === tracked.generation) {
        if (analysis.provisional) {
          this.settle(uri, tracked, analysis.generation);
        }
        // Worked out before the document opened (read ahead), its state is the same under a new version.
        return analysis.version === tracked.version ? analysis : { ...analysis, version: tracked.version };
      }
      if (token?.isCancellationRequested || this.documents(uri) !== tracked) {
        return undefined;
      }
    }
  }

  /**
   * The analysis of a file read ahead, worked out before its document opens in the settings known
   * for it now: the document takes it when it opens, if its state and settings are the same then.
   * Undefined once its document is open, or when its state moves on meanwhile.
   */
  async prepare(tracked: TrackedDocument): Promise<DocumentAnalysis | undefined> {
    if (this.documents(tracked.uri) !== undefined) {
      return undefined;
    }
    const options = this.options(tracked);
    const optionsKey = keyOf(options);
    let entry = this.running.get(tracked.uri);
    if (entry?.generation !== tracked.generation || entry.optionsKey !== optionsKey) {
      entry = this.start(tracked, options, () => this.documents(tracked.uri) !== undefined && this.documents(tracked.uri) !== tracked);
    }
    const analysis = await entry.result;
    return analysis?.generation === tracked.generation ? analysis : undefined;
  }

  forget(uri: string): void {
    this.running.delete(uri);
    this.settling.delete(uri);
  }

  /** Starts the analysis of a document's state; `isGone` says when the document is not the one analysed any more. */
  private start(tracked: TrackedDocument, options: DiagnosticsOptions, isGone: () => boolean): { generation: number; optionsKey: string; result: Promise<DocumentAnalysis | undefined> } {
    const generation = tracked.generation;
    const isStale = () => isGone() || tracked.generation !== generation;
    const result = analyseDocument(this.service(), tracked, options, isStale).then((analysis) => {
      // The work on a large document is done for now: its memory is given back once it is quiet.
      if (analysis && !analysis.provisional) {
        afterDocumentWork(tracked.length);
      }
      return analysis;
    });
    const entry = { generation, optionsKey: keyOf(options), result };
    this.running.set(tracked.uri, entry);
    return entry;
  }

  /**
   * Finishes, in slices, the clue tally of a document analysed with provisional decisions; then
   * moves its state on, so it is analysed with the whole document's clues and published again.
   * A change meanwhile stops it: the changed document's own analysis tallies on.
   */
  private settle(uri: string, tracked: TrackedDocument, generation: number): void {
    const text = tracked.code;
    if (!text || this.settling.get(uri) === generation) {
      return;
    }
    this.settling.set(uri, generation);
    const isStale = () => this.documents(uri) !== tracked || tracked.generation !== generation || tracked.code !== text;
    void (async () => {
      if ((await inSlices((keepGoing) => text.tallyDocumentClues(keepGoing), isStale)) && !isStale()) {
        tracked.generation++;
        await this.settled(uri);
        // The work on a large document is done: its memory is given back once things are quiet.
        afterDocumentText(tracked.length);
      }
    })().finally(() => {
      if (this.settling.get(uri) === generation) {
        this.settling.delete(uri);
      }
    });
  }
}
