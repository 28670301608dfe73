/*
 * The benchmark's measurements of large logs without the JSON tax: a document the server reads
 * from disk (errorCodebook/openFromDisk), the server's memory with a large log open and after it
 * closes (text-synced or read from disk, plain ASCII or with Chinese lines), and the stdio read
 * path for one huge message against JSON.parse of the same bytes.
 */
import { PassThrough } from 'stream';
import { LspSession, PublishedDiagnostics } from './lspSession';
import { median, now } from './measure';
import type { Core } from './bundledCore';

/**
 * How long the server is left alone before its memory is read: it collects 250 ms after a large
 * document arrives or closes, 1 s after its work for an edit or new settings.
 */
const SETTLE_MS = 1500;

export interface MemoryResult {
  idle: number;
  /** RSS with the document open, once the server has collected after it. */
  open: number;
  /** The peak (VmHWM) so far. */
  peak: number;
  /** RSS after the document was closed and the server collected again. */
  closed: number;
  total: number;
}

export interface DiskOpenResult extends MemoryResult {
  /** openFromDisk sent → publishDiagnostics received. */
  time: number;
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** The number of findings behind published diagnostics: the cap note's total, else the count. */
export function totalOf(published: PublishedDiagnostics): number {
  const note = published.diagnostics.find((diagnostic) => diagnostic.code === undefined && /shows \d+ of \d+/.test(diagnostic.message));
  return note ? Number(/shows \d+ of (\d+)/.exec(note.message)![1]) : published.diagnostics.length;
}

async function closeAndMeasure(session: LspSession, uri: string): Promise<number> {
  const cleared = session.nextDiagnostics(uri);
  await session.close(uri);
  await cleared;
  await settle();
  return session.memory()?.rss ?? NaN;
}

/** A fresh server opens a file from disk: time to its diagnostics, and its memory open and closed. */
export async function openFromDisk(serverPath: string, settings: Record<string, unknown>, file: string, sessions: Set<LspSession>): Promise<DiskOpenResult> {
  const session = await LspSession.start(serverPath, { settings });
  sessions.add(session);
  try {
    await session.request('errorCodebook/catalogStatus', {});
    const idle = session.memory()?.rss ?? NaN;
    const uri = `file://${file}`;
    const published = session.nextDiagnostics(uri, 1);
    const start = now();
    const answer = await session.request<{ accepted: boolean; reason?: string }>('errorCodebook/openFromDisk', { textDocument: { uri, languageId: 'log', version: 1 } });
    if (!answer.accepted) {
      throw new Error(`The server did not read ${file} from disk: ${answer.reason}`);
    }
    const diagnostics = await published;
    const time = now() - start;
    await settle();
    const memory = session.memory();
    return { time, idle, open: memory?.rss ?? NaN, peak: memory?.peak ?? NaN, closed: await closeAndMeasure(session, uri), total: totalOf(diagnostics) };
  } finally {
    await session.stop();
    sessions.delete(session);
  }
}

/** A fresh server is sent a document's text: its memory open and closed. */
export async function openAsText(serverPath: string, settings: Record<string, unknown>, text: string, sessions: Set<LspSession>): Promise<MemoryResult> {
  const session = await LspSession.start(serverPath, { settings });
  sessions.add(session);
  try {
    await session.request('errorCodebook/catalogStatus', {});
    const idle = session.memory()?.rss ?? NaN;
    const uri = 'file:///bench/data/memory.log';
    const published = session.nextDiagnostics(uri, 1);
    await session.open(uri, 'log', 1, text);
    const diagnostics = await published;
    await settle();
    const memory = session.memory();
    return { idle, open: memory?.rss ?? NaN, peak: memory?.peak ?? NaN, closed: await closeAndMeasure(session, uri), total: totalOf(diagnostics) };
  } finally {
    await session.stop();
    sessions.delete(session);
  }
}

export interface ReadPathResult {
  bytes: number;
  /** The server's reader, vscode-jsonrpc's, and JSON.parse of the decoded bytes: medians in ms. */
  ours: number;
  stock: number;
  floor: number;
}

/**
 * One didOpen of the text, as the bytes a client writes, read in 64 KB pieces by the server's reader
 * and by vscode-jsonrpc's StreamMessageReader, from the first piece to the parsed message; against
 * JSON.parse of the same bytes decoded (the floor: nothing can do less). Median of `runs`, in turn.
 */
export async function readPath(core: Core, text: string, runs: number): Promise<ReadPathResult> {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///bench.log', languageId: 'log', version: 1, text } } }), 'utf8');
  const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65536) {
    pieces.push(Buffer.from(bytes.subarray(at, at + 65536)));
  }
  const timeReader = async (kind: 'ours' | 'stock') => {
    const stream = new PassThrough({ highWaterMark: 65536 });
    const reader = kind === 'ours' ? new core.StdioMessageReader(stream) : new core.StreamMessageReader(stream);
    const done = new Promise<unknown>((resolve) => reader.listen(resolve));
    const start = now();
    for (const piece of pieces) {
      stream.write(piece);
    }
    await done;
    const elapsed = now() - start;
    reader.dispose();
    stream.destroy();
    return elapsed;
  };
  const times = { ours: [] as number[], stock: [] as number[], floor: [] as number[] };
  for (let run = 0; run < runs; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    times.ours.push(await timeReader('ours'));
    (globalThis as { gc?: () => void }).gc?.();
    times.stock.push(await timeReader('stock'));
    (globalThis as { gc?: () => void }).gc?.();
    const start = now();
    JSON.parse(body.toString('utf8'));
    times.floor.push(now() - start);
  }
  return { bytes: bytes.length, ours: median(times.ours), stock: median(times.stock), floor: median(times.floor) };
}
