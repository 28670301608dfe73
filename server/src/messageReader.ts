/*
 * The server's reader of JSON-RPC messages on standard input: the same framing and errors as
 * vscode-jsonrpc's StreamMessageReader (headers up to a blank line, a Content-Length, a UTF-8 JSON
 * body), built for one huge message (the 20 MB text of a didOpen):
 * - the body is copied into one buffer of its announced length as its pieces arrive, rather than
 *   kept as a list of pieces joined at the end;
 * - a body of plain ASCII (most logs) is turned into a string one byte per character, which is a
 *   plain copy, instead of being decoded as UTF-8;
 * - it is parsed at once, in order, with no promise per message.
 * What is left is JSON.parse of the same bytes, the floor.
 */
import { AbstractMessageReader, DataCallback, Disposable, Message } from 'vscode-languageserver/node';

type BufferWithSlices = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** How long a partly received message may wait before the connection hears of it (as vscode-jsonrpc's). */
const PARTIAL_MESSAGE_TIMEOUT_MS = 10_000;

const nativeIsAscii = (require('buffer') as { isAscii?: (input: Uint8Array) => boolean }).isAscii;

/** The JSON value of a message body: read one byte per character when it is all ASCII, else decoded as UTF-8. */
export function parseBody(body: Buffer): unknown {
  const slices = body as BufferWithSlices;
  const text = nativeIsAscii?.(body) ? slices.latin1Slice(0, body.length) : slices.utf8Slice(0, body.length);
  return JSON.parse(text);
}

/** Parses a header block (without the blank line ending it) as vscode-jsonrpc does: `Key: value` lines, keys lower-cased. */
function parseHeaders(block: Buffer): Map<string, string> {
  const headers = new Map<string, string>();
  for (const header of block.toString('ascii').split('\r\n')) {
    if (header === '') {
      continue;
    }
    const colon = header.indexOf(':');
    if (colon === -1) {
      throw new Error(`Message header must separate key and value using ':'\n${header}`);
    }
    headers.set(header.slice(0, colon).toLowerCase(), header.slice(colon + 1).trim());
  }
  return headers;
}

export class StdioMessageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  /** Header bytes received so far, while the blank line that ends them has not come. */
  private header: Buffer = Buffer.alloc(0);
  /** The body being received: its announced length and the bytes so far. */
  private bodyLength = -1;
  private body: Buffer | undefined;
  private bodyFilled = 0;
  private partialTimer: NodeJS.Timeout | undefined;
  private messageToken = 0;

  constructor(private readonly readable: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
      this.clearPartialTimer();
    });
  }

  override dispose(): void {
    this.clearPartialTimer();
    super.dispose();
  }

  private onData(data: Buffer): void {
    let offset = 0;
    while (offset < data.length) {
      if (this.bodyLength === -1) {
        // Headers that are incomplete wait for more data; broken ones were reported, and the next message is read.
        offset = this.readHeader(data, offset);
        if (this.bodyLength === -1) {
          continue;
        }
      }
      offset = this.readBody(data, offset);
    }
  }

  /** Reads header bytes from `offset`; returns where the body starts, or the end of the data while the headers go on. */
  private readHeader(data: Buffer, offset: number): number {
    // A header split between two pieces is joined; a piece that starts with the whole header is read in place.
    const joined = this.header.length > 0 ? Buffer.concat([this.header, data.subarray(offset)]) : data.subarray(offset);
    const end = joined.indexOf(HEADER_END);
    if (end === -1) {
      this.header = Buffer.from(joined);
      return data.length;
    }
    const consumed = end + HEADER_END.length - this.header.length;
    const block = joined.subarray(0, end);
    this.header = Buffer.alloc(0);
    let headers: Map<string, string>;
    try {
      headers = parseHeaders(block);
    } catch (error) {
      this.fireError(error);
      return offset + consumed;
    }
    const contentLength = headers.get('content-length');
    if (!contentLength) {
      this.fireError(new Error(`Header must provide a Content-Length property.\n${JSON.stringify(Object.fromEntries(headers))}`));
      return offset + consumed;
    }
    const length = parseInt(contentLength);
    if (isNaN(length)) {
      this.fireError(new Error(`Content-Length value must be a number. Got ${contentLength}`));
      return offset + consumed;
    }
    this.bodyLength = length;
    this.body = undefined;
    this.bodyFilled = 0;
    return offset + consumed;
  }

  /** Reads body bytes from `offset`; dispatches the message once its body is complete. Returns where the next message starts. */
  private readBody(data: Buffer, offset: number): number {
    const missing = this.bodyLength - this.bodyFilled;
    const available = data.length - offset;
    if (this.body === undefined && available >= missing) {
      // The whole body is in this piece: read it in place.
      this.dispatch(data.subarray(offset, offset + missing));
      return offset + missing;
    }
    this.body ??= Buffer.allocUnsafe(this.bodyLength);
    const take = Math.min(missing, available);
    data.copy(this.body, this.bodyFilled, offset, offset + take);
    this.bodyFilled += take;
    if (this.bodyFilled === this.bodyLength) {
      const body = this.body;
      this.dispatch(body);
    } else {
      this.setPartialTimer();
    }
    return offset + take;
  }

  private dispatch(body: Buffer): void {
    this.clearPartialTimer();
    this.bodyLength = -1;
    this.body = undefined;
    this.bodyFilled = 0;
    this.messageToken++;
    let message: Message;
    try {
      message = parseBody(body) as Message;
    } catch (error) {
      this.fireError(error);
      return;
    }
    this.callback?.(message);
  }

  private setPartialTimer(): void {
    if (this.partialTimer) {
      return;
    }
    const token = this.messageToken;
    this.partialTimer = setTimeout(() => {
      this.partialTimer = undefined;
      if (token === this.messageToken) {
        this.firePartialMessage({ messageToken: token, waitingTime: PARTIAL_MESSAGE_TIMEOUT_MS });
        this.setPartialTimer();
      }
    }, PARTIAL_MESSAGE_TIMEOUT_MS);
    this.partialTimer.unref();
  }

  private clearPartialTimer(): void {
    if (this.partialTimer) {
      clearTimeout(this.partialTimer);
      this.partialTimer = undefined;
    }
  }
}
