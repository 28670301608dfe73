/*
 * A realistic, deterministic log: mostly ordinary SDK-style INFO/DEBUG lines full of traps
 * (timestamps, request ids, durations, counts, HTTP statuses, code words in prose), and about one
 * error line in forty carrying one code from the loaded catalogs, in the shape each provider's SDK
 * writes it, naming its own product's SDK or endpoint. Every line is checked on its own against the service (an error line must yield exactly
 * its one code, an ordinary line nothing), so the number of findings the whole log must produce is
 * known exactly: one per error line.
 */
import { compileCodeTemplate, Entry, pickText, LanguageService, compileMessage } from '../../server/src/core/index';
import { Random } from './random';

/** About one error line in this many lines. */
export const ERROR_LINE_ONE_IN = 40;

export interface CodePosition {
  line: number;
  start: number;
  end: number;
  token: string;
}

export interface GeneratedLine {
  /** Without the line terminator. */
  text: string;
  /** Set for an error line: where its one code stands. */
  code?: { start: number; end: number; token: string; entryId: string };
}

type Clock = { py: string; java: string; iso: string; go: string; access: string };
type Formatter = (r: Random, t: Clock) => string;

const PARAMETER_NAMES = ['SourceURI', 'TargetURI', 'ProjectName', 'DatasetName', 'MaxKeys', 'NextMarker', 'NotifyTopicName', 'ImageUri'];
const RESOURCE_TYPES = ['Project', 'Dataset', 'Binding', 'Task', 'Stream'];
const VALUES = ['threshold', '120', '0', '100', 'image', 'url', 'ocr-general-text', 'language', '4096'];
const ACTIONS = ['CreateOfficeConversionTask', 'DetectImageLabels', 'RecognizeGeneral', 'GetTask', 'ListProjects', 'CreateBinding'];
const PROJECTS = ['media-prod', 'media-staging', 'ocr-batch', 'invoices-2024', 'archive'];
const STATUSES = [200, 200, 200, 200, 204, 206, 304, 403, 404, 461, 500, 503];

/** Ordinary lines. None may hold a finding; they are checked at start-up anyway. */
const ORDINARY: Formatter[] = [
  (r, t) => `${t.py} INFO  ocr_client.py:42 - recognize_general_text request_id=${r.hex(16)} took ${r.int(3, 2500)} ms`,
  (r, t) => `${t.java} [pool-2-thread-${r.int(1, 16)}] DEBUG c.e.ocr.OcrService - calling imm ${r.pick(ACTIONS)} project=${r.pick(PROJECTS)} size=${r.int(100, 9_000_000)} bytes`,
  (r, t) =>
    `${t.go} DEBUG sdk/http.go:118 POST https://ocr.cn-north-4.myhuaweicloud.com/v2/${r.hex(32)}/ocr/general-text ${r.pick(STATUSES)} in ${r.int(5, 3000)}ms bytes=${r.int(200, 90000)}`,
  (r, t) =>
    `10.0.${r.int(0, 255)}.${r.int(1, 254)} - - [${t.access}] "POST /v2/ocr HTTP/1.1" ${r.pick(STATUSES)} ${r.int(100, 99999)} "-" "python-requests/2.31.0" 0.${r.int(100, 999)}`,
  (r, t) => `${t.iso} INFO  batch - processed ${r.int(1, 900)} images in ${r.int(0, 90)}.${r.int(0, 999)}s, ${r.int(1, 600)} pages, ${r.int(400, 503)} bytes, retries=${r.int(0, 3)}`,
  (r, t) => `${t.java} [main] INFO  c.e.ocr.OcrService - Throttling is enabled for this client; backing off ${r.int(100, 5000)} ms`,
  (r, t) => `${t.py} DEBUG urllib3.connectionpool:456 - https://imm.cn-hangzhou.aliyuncs.com:443 "POST / HTTP/1.1" ${r.pick(STATUSES)} ${r.int(80, 40000)}`,
  (r, t) => `${t.java} [pool-1-thread-${r.int(1, 8)}] INFO  c.e.media.Pipeline - task ${r.uuid()} finished: state=Succeeded elapsed=${r.int(10, 90000)}ms objects=${r.int(0, 5000)}`,
  (r, t) => `${t.iso} DEBUG tea-openapi: x-acs-request-id=${r.uuid()} x-acs-signature-nonce=${r.hex(32)} duration=${r.int(5, 4000)}ms`,
  (r, t) => `${t.py} INFO  worker.py:88 - version 4.0.${r.int(400, 503)} build ${r.int(400, 503)}-rc2 pid=${r.int(100, 65000)}`,
  (r, t) => `${t.go} INFO  client.go:77 - retry policy: maxRetries=3 backoff=${r.int(100, 2000)}ms timeout=${r.int(5, 60)}s region=cn-north-4`,
  (r) => `\tat com.aliyun.teaopenapi.Client.doRPCRequest(Client.java:${r.int(100, 900)})`,
  (r, t) => `${t.java} [main] WARN  c.e.ocr.OcrService - slow call: ${r.int(400, 9000)} ms (threshold 400 ms), InternalError counters reset`,
  (r, t) => `${t.iso} INFO  metrics - requests=${r.int(0, 99999)} errors=${r.int(0, 99)} p99=${r.int(10, 5000)}ms status_2xx=${r.int(0, 99999)}`,
  (r, t) => `${t.py} DEBUG ocr_client.py:51 - response headers: {"Content-Length": "${r.int(100, 99999)}", "X-Request-Id": "${r.hex(32)}", "Server": "api-gateway"}`,
  (r, t) => `${t.java} [pool-4-thread-${r.int(1, 4)}] INFO  c.e.ocr.OcrService - The API answered in ${r.int(1, 999)} ms; Forbidden words list has ${r.int(600, 9000)} entries, Timeout ${r.int(1, 60)} s`,
  (r, t) => `${t.go} DEBUG cache.go:31 - hit ratio 0.${r.int(100, 999)} keys=${r.int(0, 1e6)} evicted=${r.int(0, 999)} AIS_0101_fallback=false v2.4.0101`,
];

/**
 * Ordinary lines in Chinese, as services run in China log them. One of them in a log makes V8 keep
 * the whole text as a two-byte string, which is what the `mixed` logs are for.
 */
const ORDINARY_CHINESE: Formatter[] = [
  (r, t) => `${t.py} INFO  ocr_client.py:61 - 识别完成，共 ${r.int(1, 90)} 页，耗时 ${r.int(3, 2500)} 毫秒，请求编号 ${r.hex(16)}`,
  (r, t) => `${t.java} [pool-2-thread-${r.int(1, 16)}] WARN  c.e.ocr.OcrService - 图片过大，已压缩到 ${r.int(100, 4096)} KB 后重新上传`,
  (r, t) => `${t.iso} INFO  batch - 批量任务 ${r.uuid()} 已提交，排队中的任务 ${r.int(0, 500)} 个`,
];

/** What a log holds besides ASCII: nothing, or a Chinese line now and then. */
export type LogText = 'ascii' | 'mixed';

/** In a mixed log, about one ordinary line in this many is Chinese. */
const CHINESE_LINE_ONE_IN = 20;

interface ErrorValues {
  code: string;
  message: string;
  status: number;
  /** The SDK or endpoint of the entry's own product, as SDK logs name it on the error line. */
  via: string;
}

type ErrorFormatter = (r: Random, t: Clock, v: ErrorValues) => { before: string; after: string };

const json = (text: string) => JSON.stringify(text).slice(1, -1);

/** Error line shapes; the code stands between `before` and `after`. */
const ERROR_FORMATS: Record<string, ErrorFormatter> = {
  huaweiPython: (r, t, v) => ({
    before: `${t.py} ERROR ocr_client.py:57 [${v.via}] - huaweicloudsdkcore.exceptions.exceptions.ClientRequestException: {"status_code": ${v.status}, "request_id": "${r.hex(32)}", "error_code": "`,
    after: `", "error_msg": "${json(v.message)}"}`,
  }),
  huaweiJava: (r, t, v) => ({
    before: `${t.java} [pool-3-thread-${r.int(1, 8)}] ERROR c.e.ai.ImageTagger [${v.via}] - com.huaweicloud.sdk.core.exception.ClientRequestException: {"error_code":"`,
    after: `","error_msg":"${json(v.message)}","request_id":"${r.hex(32)}"}`,
  }),
  huaweiGo: (_r, t, v) => ({
    before: `${t.go} ERROR tagging.go:77 [${v.via}] - image tagging failed: error_code=`,
    after: ` error_msg=${v.message}`,
  }),
  alibabaBody: (r, t, v) => ({
    before: `${t.java} [pool-2-thread-${r.int(1, 8)}] ERROR c.e.ocr.OcrService [${v.via}] - Caused by: {"Code":"`,
    after: `","Message":"${json(v.message)}","RequestId":"${r.uuid()}","HostId":"imm.cn-hangzhou.aliyuncs.com"}`,
  }),
  alibabaTea: (r, t, v) => ({
    before: `${t.java} [pool-2-thread-${r.int(1, 8)}] ERROR c.e.ocr.OcrService [${v.via}] - com.aliyun.tea.TeaException: code: ${v.status}, errorCode=`,
    after: ` message=${v.message} request id: ${r.uuid()}`,
  }),
  alibabaCodeKey: (r, t, v) => ({
    before: `${t.java} [pool-2-thread-${r.int(1, 8)}] WARN  c.e.ocr.OcrService [${v.via}] - Code: `,
    after: v.message ? `, Message: ${v.message}` : '',
  }),
  marketplace: (r, t, v) => ({
    before: `${t.java} [pool-2-thread-${r.int(1, 8)}] ERROR c.e.ocr.MarketOcr [${v.via}] - market OCR failed status=`,
    after: ` ${v.message}`,
  }),
  generic: (_r, t, v) => ({
    before: `${t.iso} ERROR api [${v.via}] - request failed: code=`,
    after: v.message ? ` message=${v.message}` : '',
  }),
};

function formatsFor(entry: Entry): string[] {
  if (/^[0-9]+$/.test(entry.data.code)) {
    return ['marketplace', 'generic'];
  }
  const keys = entry.catalog.errorBody?.codeKeys ?? [];
  if (keys.includes('error_code')) {
    return ['huaweiPython', 'huaweiJava', 'huaweiGo'];
  }
  if (keys.includes('Code')) {
    return ['alibabaBody', 'alibabaTea', 'alibabaCodeKey'];
  }
  return ['generic', 'huaweiGo', 'alibabaBody'];
}

/**
 * What names an entry's own product on its error line: the first SDK its catalog declares, else one
 * of its hosts with the placeholders filled. A log mixes every product, so a code is attributed by
 * the clue on its own line, as in real SDK logs, never by whatever product a nearby line names.
 */
function viaOf(entry: Entry): string {
  const origin = entry.catalog.origin;
  const sdk = origin?.sdks?.[0];
  if (sdk) {
    return sdk;
  }
  const host = origin?.hosts?.[0];
  return host ? host.replace('{region}', 'cn-north-4').replace('{name}', 'ocr').replace('{product}', origin.product) : 'sdk';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export class LogGenerator {
  private readonly random: Random;
  private time = Date.UTC(2024, 5, 2, 0, 0, 0);
  private clockText: Clock | undefined;
  private clockSecond = -1;
  private readonly byCatalog: { entries: Entry[]; failures: Map<Entry, number> }[];
  private readonly ordinary: Formatter[];
  /** The Chinese ordinary lines, in a mixed log. */
  private readonly chinese: Formatter[];
  /** Ordinary formatters dropped because a catalog made them produce a finding. */
  readonly droppedOrdinary: number[] = [];
  /** Error line attempts that did not produce exactly the one intended finding (retried with another shape or code). */
  rejectedErrorLines = 0;
  /** Ordinary lines the scanner found a code in (replaced by another line), with a few examples. */
  rejectedOrdinaryLines = 0;
  readonly rejectedOrdinaryExamples: string[] = [];

  constructor(
    private readonly service: LanguageService,
    seed: number,
    private readonly kind: LogText = 'mixed',
  ) {
    this.random = new Random(seed);
    const groups = new Map<string, Entry[]>();
    for (const entry of service.index.entries) {
      if (entry.template.isTemplate && entry.template.prefix.length < 2) {
        continue;
      }
      const list = groups.get(entry.catalog.id) ?? [];
      list.push(entry);
      groups.set(entry.catalog.id, list);
    }
    this.byCatalog = [...groups.values()].map((entries) => ({ entries, failures: new Map() }));
    if (this.byCatalog.length === 0) {
      throw new Error('No catalog entries to take codes from.');
    }
    // Check every ordinary shape against the catalogs: a shape that yields a finding is dropped.
    const probe = new Random(seed ^ 0x5bd1e995);
    const usable = (format: Formatter, index: number) => {
      for (let i = 0; i < 200; i++) {
        const line = format(probe, this.clock(i * 997));
        if (this.findingsOf(line).length > 0) {
          this.droppedOrdinary.push(index);
          return false;
        }
      }
      return true;
    };
    this.ordinary = ORDINARY.filter(usable);
    this.chinese = kind === 'mixed' ? ORDINARY_CHINESE.filter((format, index) => usable(format, ORDINARY.length + index)) : [];
  }

  /** The next line of the log. */
  next(): GeneratedLine {
    this.time += this.random.int(0, 40);
    const clock = this.clock(this.time);
    if (this.random.int(1, ERROR_LINE_ONE_IN) === 1) {
      const line = this.errorLine(clock);
      if (line) {
        return line;
      }
    }
    // Every ordinary line is checked, so the count of findings stays exact whatever the catalogs
    // hold; one that yields a finding (a number next to its message by chance) is replaced.
    for (let attempt = 0; attempt < 20; attempt++) {
      const text = this.pickOrdinary()(this.random, clock);
      if (this.findingsOf(text).length === 0) {
        return { text };
      }
      this.rejectedOrdinaryLines++;
      if (this.rejectedOrdinaryExamples.length < 3) {
        this.rejectedOrdinaryExamples.push(text);
      }
    }
    throw new Error('The ordinary line shapes keep producing findings with these catalogs.');
  }

  private pickOrdinary(): Formatter {
    if (this.chinese.length > 0 && this.random.int(1, CHINESE_LINE_ONE_IN) === 1) {
      return this.random.pick(this.chinese);
    }
    return this.random.pick(this.ordinary);
  }

  /** An error line on its own, e.g. for an edit. */
  errorLineNow(): GeneratedLine {
    for (let attempt = 0; attempt < 100; attempt++) {
      const line = this.errorLine(this.clock(this.time));
      if (line) {
        return line;
      }
    }
    throw new Error('Could not make an error line from the loaded catalogs.');
  }

  private errorLine(clock: Clock): GeneratedLine | undefined {
    for (let attempt = 0; attempt < 8; attempt++) {
      const group = this.random.pick(this.byCatalog);
      if (group.entries.length === 0) {
        continue;
      }
      const entry = this.random.pick(group.entries);
      const formats = formatsFor(entry);
      const start = this.random.int(0, formats.length - 1);
      for (let i = 0; i < formats.length; i++) {
        const made = this.tryErrorLine(entry, formats[(start + i) % formats.length], clock);
        if (made) {
          group.failures.delete(entry);
          return made;
        }
        this.rejectedErrorLines++;
      }
      // An entry that never makes a clean line (e.g. a bare word with no message) is dropped.
      const failures = (group.failures.get(entry) ?? 0) + 1;
      group.failures.set(entry, failures);
      if (failures >= 3) {
        group.entries.splice(group.entries.indexOf(entry), 1);
      }
    }
    return undefined;
  }

  private tryErrorLine(entry: Entry, formatName: string, clock: Clock): GeneratedLine | undefined {
    const bindings: Record<string, string> = {};
    const template = compileCodeTemplate(entry.data.code);
    let code = '';
    for (const segment of template.segments) {
      if ('literal' in segment) {
        code += segment.literal;
      } else {
        const value = bindings[segment.placeholder] ?? this.random.pick(segment.placeholder === 'ResourceType' ? RESOURCE_TYPES : PARAMETER_NAMES);
        bindings[segment.placeholder] = value;
        code += value;
      }
    }
    const messageText = pickText(entry.data.message, 'en') ?? '';
    let message = '';
    if (messageText) {
      const matcher = compileMessage(messageText, entry.data.messageVariables ?? []);
      message = matcher.literals[0];
      for (let i = 0; i < matcher.variables.length; i++) {
        const name = matcher.variables[i];
        const value = bindings[name] ?? (name === 'XX' ? String(this.random.int(1, 100)) : name === '%s' ? this.random.pick(VALUES) : this.random.pick(['ocr-general-text', 'image-tagging', 'id-card']));
        message += value + matcher.literals[i + 1];
      }
      if (messageText.trim().endsWith('.') && !message.endsWith('.')) {
        message += '.';
      }
    }
    const values: ErrorValues = { code, message, status: entry.data.httpStatus ?? 400, via: viaOf(entry) };
    const { before, after } = ERROR_FORMATS[formatName](this.random, clock, values);
    const text = before + code + after;
    if (this.kind === 'ascii' && /[^\x00-\x7f]/.test(text)) {
      // A message only the Chinese page gives: not for an ASCII log.
      return undefined;
    }
    // The line must hold exactly this one finding; a number must also carry its whole message, so
    // no neighbouring line can take it away (a bare number next to another code is only a status).
    const found = this.findingsOf(text);
    if (found.length !== 1 || found[0].occurrence.token !== code || found[0].occurrence.start !== before.length) {
      return undefined;
    }
    if (/^[0-9]+$/.test(code) && found[0].resolution.ranked[0].messageScore !== 1) {
      return undefined;
    }
    return { text, code: { start: before.length, end: before.length + code.length, token: code, entryId: found[0].resolution.ranked[0].entry.id } };
  }

  private findingsOf(line: string) {
    return [...this.service.createDocument(line).occurrences()];
  }

  private clock(time: number): Clock {
    const second = Math.floor(time / 1000);
    const ms = pad(time % 1000, 3);
    if (second !== this.clockSecond || !this.clockText) {
      const d = new Date(second * 1000);
      const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      const hms = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
      this.clockSecond = second;
      this.clockText = {
        py: `${date} ${hms},`,
        java: `${date} ${hms}.`,
        iso: `${date}T${hms}.`,
        go: `${date.replace(/-/g, '/')} ${hms}.`,
        access: `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${hms} +0000`,
      };
    }
    const c = this.clockText;
    return { py: c.py + ms, java: c.java + ms, iso: `${c.iso}${ms}Z`, go: `${c.go}${ms}${pad(this.random.int(0, 999), 3)}`, access: c.access };
  }
}

/** Generates a log of about `targetBytes` in memory, with the position of every code. */
export function generateLogText(service: LanguageService, seed: number, targetBytes: number, kind: LogText = 'mixed'): { text: string; lines: number; codes: CodePosition[]; generator: LogGenerator } {
  const generator = new LogGenerator(service, seed, kind);
  const parts: string[] = [];
  const codes: CodePosition[] = [];
  let bytes = 0;
  let line = 0;
  while (bytes < targetBytes) {
    const next = generator.next();
    parts.push(next.text);
    bytes += Buffer.byteLength(next.text) + 1;
    if (next.code) {
      codes.push({ line, start: next.code.start, end: next.code.end, token: next.code.token });
    }
    line++;
  }
  return { text: parts.join('\n') + '\n', lines: line, codes, generator };
}

/** Generates a log of about `targetBytes` straight to a file, in bounded memory. */
export function generateLogFile(service: LanguageService, seed: number, targetBytes: number, file: string, write: (file: string, chunk: string, append: boolean) => void): { bytes: number; lines: number; errorLines: number; rejectedOrdinaryLines: number } {
  const generator = new LogGenerator(service, seed);
  let chunk = '';
  let bytes = 0;
  let lines = 0;
  let errorLines = 0;
  let first = true;
  while (bytes < targetBytes) {
    const next = generator.next();
    chunk += next.text + '\n';
    bytes += Buffer.byteLength(next.text) + 1;
    if (next.code) {
      errorLines++;
    }
    lines++;
    if (chunk.length >= 4 << 20) {
      write(file, chunk, !first);
      first = false;
      chunk = '';
    }
  }
  write(file, chunk, !first);
  return { bytes, lines, errorLines, rejectedOrdinaryLines: generator.rejectedOrdinaryLines };
}
