/*
 * Clues of origin: what a line of text says about whose error stands in it. The catalogs declare
 * their own providers' hosts, SDK names, API paths and body keys; the shapes of other clouds'
 * errors are known here, so their codes can be left alone. A clue names a provider and, when the
 * text says, a product; the resolver weighs the clues nearest to a code.
 */
import { CatalogOrigin } from './catalogModel';
import { LiteralSearch } from './literalSearch';

/** What kind of text gave a clue, strongest last. */
export type ClueKind =
  /** A product named in prose (`OCR`, `智能媒体管理`): tells apart the products of a provider the text shows. */
  | 'name'
  /** A provider named in prose (`Huawei Cloud`, `阿里云`, `Tencent`). */
  | 'providerName'
  /** A code whose entries all belong to one product, counted for the document as a whole. */
  | 'code'
  /** A key of the provider's error body (`RequestId`, `error_msg`) near the code. */
  | 'bodyKey'
  /** An API path of the product. */
  | 'apiPath'
  /** The shape of another cloud's error (`"Response":{"Error"`, `An error occurred (…) when calling`). */
  | 'shape'
  /** An SDK package, module, client or exception class. */
  | 'sdk'
  /** A host name of an endpoint. */
  | 'host'
  /** A provider's diagnosis link naming the product (`Recommend`, `product=imm`). */
  | 'link'
  /** The entry's own catalog message next to the code. */
  | 'message';

/** How much a clue counts when clues of several providers stand at the same distance. */
export const CLUE_STRENGTH: Record<ClueKind, number> = { name: 1, providerName: 1, code: 1, bodyKey: 1, apiPath: 2, shape: 3, sdk: 3, host: 3, link: 3, message: 4 };

export interface Clue {
  provider: string;
  /** The product, when the clue names one. */
  product?: string;
  kind: ClueKind;
  /** The text that gave the clue, shortened: `imm.cn-hangzhou.aliyuncs.com`, `huaweicloudsdkocr`. */
  text: string;
  /**
   * The zero-based line it stands on. AT_THE_CODE in a resolution's origin when the clue is the
   * code itself (its own message, its own table): it stands where the code does.
   */
  line: number;
  /** Where in the line it starts; AT_THE_CODE with the line. */
  start: number;
}

/** The line and start of an origin's clue that is the code itself (see `Clue`). */
export const AT_THE_CODE = -1;

/** Another cloud's telltale signs: its clues make codes of our catalogs stay silent. */
interface ForeignSignature {
  provider: string;
  /** Domains (and their subdomains) of its endpoints. */
  domains: string[];
  /** Literal names: SDK packages, exception classes, headers. Matched without regard to case. */
  names: string[];
  /** How prose names the provider: a weak clue. */
  proseNames: string[];
  /** Structural shapes of its error bodies and messages, each with a literal that must be in the line first. */
  shapes: { trigger: string; pattern: RegExp }[];
}

const FOREIGN_SIGNATURES: ForeignSignature[] = [
  {
    provider: 'aws',
    domains: ['amazonaws.com', 'amazonaws.com.cn', 'aws.amazon.com', 'awsstatic.com'],
    names: [
      'botocore', 'boto3', 'aws-sdk', '@aws-sdk/', 'software.amazon.awssdk', 'com.amazonaws', 'Aws::', 'aws-sdk-go',
      'AmazonServiceException', 'AmazonS3Exception', 'AmazonClientException', 'AwsServiceException', 'S3Exception',
      'x-amz-request-id', 'x-amz-id-2', 'x-amzn-RequestId', 'x-amzn-ErrorType', 'AWS Error Code', 'awserr.', 'boto.exception',
      'EC2ResponseError', 'S3ResponseError',
    ],
    proseNames: ['Amazon Web Services', 'AWS', 'Amazon S3', 'Amazon EC2', 'EC2', 'Amazon Bedrock'],
    shapes: [
      { trigger: 'An error occurred (', pattern: /An error occurred \([A-Za-z0-9._-]+\) when calling the [A-Za-z0-9]+ operation/ },
      { trigger: '<ErrorResponse', pattern: /<ErrorResponse\b/ },
      { trigger: '</Type>', pattern: /<Type>(?:Sender|Receiver)<\/Type>/ },
      { trigger: '"__type"', pattern: /"__type"\s*:\s*"/ },
      // EC2's query API: `<Response><Errors><Error>…</Errors><RequestID>…`.
      { trigger: '<Errors>', pattern: /<Response>\s*<Errors>\s*<Error>/ },
      { trigger: '<RequestID>', pattern: /<RequestID>/ },
    ],
  },
  {
    provider: 'tencentcloud',
    domains: ['tencentcloudapi.com', 'myqcloud.com', 'tencentcos.cn', 'qcloud.com', 'tencentcloud.com'],
    names: ['TencentCloudSDKException', 'tencentcloud.common', 'tencentcloud-sdk', 'com.tencentcloudapi', 'tencentcloud/common', 'TencentCloud\\', 'qcloud_cos', 'CosServiceError', 'CosClientError', 'qcloudsms'],
    proseNames: ['Tencent', 'TencentCloud', '腾讯云', 'QCloud'],
    shapes: [
      { trigger: '"Response"', pattern: /"Response"\s*:\s*\{\s*"Error"\s*:/ },
      { trigger: '"Response"', pattern: /"Response"\s*:\s*\{[^{}]{0,400}"RequestId"/ },
      // Pretty-printed, the response object opens on a line of its own.
      { trigger: '"Response"', pattern: /^\s*\{?\s*"Response"\s*:\s*\{\s*$/ },
    ],
  },
  {
    provider: 'azure',
    domains: ['azure.com', 'windows.net', 'azure.net', 'azurewebsites.net', 'microsoftonline.com', 'azure-api.net', 'azurecr.io'],
    names: ['azure.core.exceptions', 'HttpResponseError', 'RequestFailedException', 'com.azure.', '@azure/', 'Microsoft.Azure', 'x-ms-request-id', 'x-ms-error-code', 'CloudError', 'azure-sdk', 'msrestazure', 'Azure.RequestFailedException'],
    proseNames: ['Azure', 'Microsoft Azure', 'Azure AI'],
    shapes: [
      { trigger: '"error"', pattern: /"error"\s*:\s*\{\s*"code"\s*:\s*"/ },
      { trigger: '"odata.error"', pattern: /"odata\.error"\s*:/ },
    ],
  },
  {
    provider: 'google',
    domains: ['googleapis.com', 'cloud.google.com', 'google.com'],
    names: ['google.api_core', 'google.cloud', 'com.google.api', 'google.rpc', 'GoogleAPICallError', 'google.auth', 'googleapis/', 'com.google.cloud', 'cloud.google.com/go'],
    proseNames: ['Google Cloud', 'GCP', 'Google API'],
    shapes: [
      { trigger: '"error"', pattern: /"error"\s*:\s*\{\s*"code"\s*:\s*[0-9]+\s*,\s*"message"/ },
      { trigger: '"status"', pattern: /"status"\s*:\s*"(?:PERMISSION_DENIED|RESOURCE_EXHAUSTED|UNAVAILABLE|INVALID_ARGUMENT|NOT_FOUND|INTERNAL|UNAUTHENTICATED|FAILED_PRECONDITION|DEADLINE_EXCEEDED|ALREADY_EXISTS|ABORTED)"/ },
    ],
  },
  {
    provider: 'kubernetes',
    domains: ['k8s.io', 'kubernetes.io'],
    names: ['kubectl', 'kubernetes.client', 'io.kubernetes', 'client-go', 'k8s.io/'],
    proseNames: ['Kubernetes', 'K8s'],
    shapes: [
      { trigger: '"Status"', pattern: /"kind"\s*:\s*"Status"/ },
      { trigger: "'Status'", pattern: /'kind'\s*:\s*'Status'/ },
      { trigger: 'Error from server (', pattern: /Error from server \(/ },
      { trigger: 'kind: Status', pattern: /\bkind:\s*Status\b/ },
    ],
  },
  {
    provider: 'grpc',
    domains: [],
    names: ['StatusRuntimeException', 'io.grpc', 'grpc._channel', '_InactiveRpcError', 'grpc.RpcError', 'grpc-status', 'grpc.StatusCode', 'google.golang.org/grpc'],
    proseNames: ['gRPC'],
    shapes: [
      { trigger: 'rpc error', pattern: /rpc error: code\s*=\s*[A-Za-z]+/ },
      { trigger: 'StatusCode.', pattern: /\bStatusCode\.[A-Z_]{3,}/ },
      { trigger: 'status', pattern: /\bstatus\s*=\s*(?:UNAVAILABLE|INTERNAL|DEADLINE_EXCEEDED|RESOURCE_EXHAUSTED|PERMISSION_DENIED)\b/ },
    ],
  },
  {
    provider: 'stripe',
    domains: ['stripe.com'],
    names: ['Stripe::', 'stripe.error', 'StripeError', 'com.stripe', 'stripe-node', 'StripeInvalidRequestError'],
    proseNames: ['Stripe'],
    shapes: [
      { trigger: '_error"', pattern: /"type"\s*:\s*"(?:api_error|card_error|idempotency_error|invalid_request_error|api_connection_error|authentication_error|rate_limit_error)"/ },
    ],
  },
  {
    provider: 'baidu',
    domains: ['baidubce.com', 'bcebos.com', 'bce.baidu.com', 'aip.baidubce.com'],
    names: ['AipOcr', 'baidu-aip', 'com.baidu.aip', 'BceServiceException', 'BceClientException', 'baidubce'],
    proseNames: ['Baidu', '百度', '百度智能云'],
    shapes: [],
  },
];

/** One label of a host pattern: literal text and `{region}`, `{product}` or `{name}` parts. */
type LabelPart = { literal: string } | { placeholder: 'region' | 'product' | 'name' };

/** A host pattern, label by label, with the product it names. */
interface HostPattern {
  provider: string;
  /** The product, fixed by the pattern, or read from its `{product}` part. */
  product?: string;
  labels: LabelPart[][];
}

/** What a literal found in a line stands for. */
type Literal =
  | { kind: 'name'; clues: { provider: string; product?: string; kind: ClueKind }[] }
  | { kind: 'domain' }
  | { kind: 'path' }
  | { kind: 'link' }
  | { kind: 'page'; patterns: PagePattern[] }
  | { kind: 'bodyKey'; key: string; provider: string; spellings: readonly string[] }
  | { kind: 'shape'; shapes: number[] };

/** A link to a provider's documentation whose path names a product: the path's segments after the host. */
interface PagePattern {
  provider: string;
  segments: LabelPart[][];
}

interface PathClue {
  provider: string;
  product: string;
  /** The path's literal parts; each placeholder between two parts fills one path segment. */
  parts: string[];
}

function labelParts(label: string): LabelPart[] {
  const parts: LabelPart[] = [];
  let rest = label;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = open === -1 ? -1 : rest.indexOf('}', open);
    const name = close === -1 ? '' : rest.slice(open + 1, close);
    if (open === -1 || (name !== 'region' && name !== 'product' && name !== 'name')) {
      parts.push({ literal: rest });
      break;
    }
    if (open > 0) {
      parts.push({ literal: rest.slice(0, open) });
    }
    parts.push({ placeholder: name });
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** How many hosts' answers are kept before the memory starts again. */
const HOSTS_REMEMBERED = 1024;

const isLower = (code: number) => code >= 97 && code <= 122;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** How far a placeholder may reach from `at` in a label: the ends it could stop at, longest first. */
function placeholderEnds(label: string, at: number, placeholder: 'region' | 'product' | 'name'): number[] {
  const ends: number[] = [];
  if (placeholder === 'product') {
    // Letters and digits, starting with a letter: `ecs`, `imm`, `oss`.
    if (!isLower(label.charCodeAt(at))) {
      return ends;
    }
    let end = at + 1;
    while (end < label.length && (isLower(label.charCodeAt(end)) || isDigit(label.charCodeAt(end)))) {
      end++;
    }
    for (let stop = end; stop > at; stop--) {
      ends.push(stop);
    }
  } else if (placeholder === 'region') {
    // Two or more letters, then one or more `-` and letters or digits: `cn-north-4`, `cn-hangzhou`.
    let end = at;
    while (end < label.length && isLower(label.charCodeAt(end))) {
      end++;
    }
    if (end - at < 2) {
      return ends;
    }
    while (end < label.length && label.charCodeAt(end) === 45) {
      let part = end + 1;
      while (part < label.length && (isLower(label.charCodeAt(part)) || isDigit(label.charCodeAt(part)))) {
        part++;
      }
      if (part === end + 1) {
        break;
      }
      end = part;
      ends.unshift(end);
    }
  } else {
    // Any run of a host label's characters.
    for (let stop = label.length; stop > at; stop--) {
      ends.push(stop);
    }
  }
  return ends;
}

/** Matches a label against its parts; returns the `{product}` it holds (or '' without one), or undefined. */
function matchLabel(label: string, parts: readonly LabelPart[], partIndex = 0, at = 0): string | undefined {
  if (partIndex === parts.length) {
    return at === label.length ? '' : undefined;
  }
  const part = parts[partIndex];
  if ('literal' in part) {
    return label.startsWith(part.literal, at) ? matchLabel(label, parts, partIndex + 1, at + part.literal.length) : undefined;
  }
  for (const end of placeholderEnds(label, at, part.placeholder)) {
    const rest = matchLabel(label, parts, partIndex + 1, end);
    if (rest !== undefined) {
      return part.placeholder === 'product' ? label.slice(at, end) : rest;
    }
  }
  return undefined;
}

/** Splits `/v2/{project_id}/ocr/` into the literal parts between its placeholders. */
function pathParts(path: string): string[] {
  const parts: string[] = [];
  let rest = path;
  for (;;) {
    const open = rest.indexOf('{');
    const close = open === -1 ? -1 : rest.indexOf('}', open);
    if (open === -1 || close === -1) {
      parts.push(rest);
      return parts;
    }
    parts.push(rest.slice(0, open));
    rest = rest.slice(close + 1);
  }
}

/** A character that ends a path segment. */
function endsSegment(code: number): boolean {
  return code === 47 || code === 63 || code === 35 || code === 34 || code === 39 || code <= 32;
}

/** Where an API path matches in a text, as [start, end), or undefined. */
function findPath(text: string, parts: readonly string[]): [number, number] | undefined {
  const lower = text.toLowerCase();
  let start = lower.indexOf(parts[0]);
  while (start !== -1) {
    let at = start + parts[0].length;
    let matched = true;
    for (let index = 1; index < parts.length && matched; index++) {
      // A placeholder fills one segment, then the next literal part must follow.
      const segmentStart = at;
      while (at < lower.length && !endsSegment(lower.charCodeAt(at))) {
        at++;
      }
      matched = at > segmentStart && lower.startsWith(parts[index], at);
      at += parts[index].length;
    }
    if (matched) {
      return [start, at];
    }
    start = lower.indexOf(parts[0], start + 1);
  }
  return undefined;
}

/** The domain a host pattern ends in: its last two labels, when they hold no placeholder. */
function domainOf(pattern: string): string | undefined {
  const labels = pattern.split('.');
  const tail = labels.slice(-2);
  return tail.length === 2 && !tail.some((label) => label.includes('{')) ? tail.join('.') : undefined;
}

/** A character of a host name. */
function isHostChar(code: number): boolean {
  return isLower(code) || isDigit(code) || code === 45 || code === 46 || (code >= 65 && code <= 90);
}

/**
 * Reads clues out of lines. Built once per set of catalogs: every origin the catalogs declare, and
 * the signatures of other clouds, compiled into one literal search and a few plain tests.
 */
export class OriginDetector {
  /** Providers that some loaded catalog belongs to. */
  readonly providers = new Set<string>();
  private readonly hostPatterns: HostPattern[] = [];
  private readonly foreignDomains = new Map<string, string>();
  private readonly paths: PathClue[] = [];
  private readonly shapes: { provider: string; trigger: string; pattern: RegExp }[] = [];
  /** Keys of each provider's error bodies, lower-case, with the provider and the spellings that count. */
  private readonly bodyKeys = new Map<string, { provider: string; spellings: string[] }>();
  /** The product ids and names of our products, lower-case, for `product=` in a link. */
  private readonly productNames = new Map<string, { provider: string; product: string }>();
  /** Every name, domain and API path literal, found in one pass over a line. */
  private readonly literals: LiteralSearch<Literal>;
  /** What each host seen lately names (null: nothing), since a log names the same few hosts on line after line. */
  private readonly hostsSeen = new Map<string, { provider: string; product?: string } | null>();

  constructor(origins: readonly CatalogOrigin[]) {
    const names = new Map<string, { provider: string; product?: string; kind: ClueKind }[]>();
    const domains = new Set<string>();
    const pathLiterals = new Set<string>();
    const pages = new Map<string, PagePattern[]>();
    const addName = (name: string, provider: string, product: string | undefined, kind: ClueKind = 'sdk') => {
      const key = name.toLowerCase();
      const list = names.get(key) ?? [];
      if (!list.some((known) => known.provider === provider && known.product === product && known.kind === kind)) {
        list.push({ provider, ...(product ? { product } : {}), kind });
      }
      names.set(key, list);
    };
    // Product hosts come first: the most specific pattern that matches names the product.
    const productHosts: HostPattern[] = [];
    const providerHosts: HostPattern[] = [];
    for (const origin of origins) {
      this.providers.add(origin.provider);
      this.productNames.set(origin.product.toLowerCase(), { provider: origin.provider, product: origin.product });
      for (const name of origin.productNames ?? []) {
        this.productNames.set(name.toLowerCase(), { provider: origin.provider, product: origin.product });
      }
      for (const [hosts, list, product] of [
        [origin.hosts ?? [], productHosts, origin.product],
        [origin.providerHosts ?? [], providerHosts, undefined],
      ] as const) {
        for (const host of hosts) {
          list.push({ provider: origin.provider, ...(product ? { product } : {}), labels: host.toLowerCase().split('.').map(labelParts) });
          const domain = domainOf(host.toLowerCase());
          if (domain) {
            domains.add(domain);
          }
        }
      }
      for (const link of origin.providerLinks ?? []) {
        const slash = link.indexOf('/');
        const start = link.slice(0, slash + 1).toLowerCase();
        const segments = link.slice(slash + 1).toLowerCase().split('/').filter((segment) => segment !== '').map(labelParts);
        const list = pages.get(start) ?? [];
        if (!list.some((known) => known.provider === origin.provider && JSON.stringify(known.segments) === JSON.stringify(segments))) {
          list.push({ provider: origin.provider, segments });
        }
        pages.set(start, list);
      }
      for (const name of origin.sdks ?? []) {
        addName(name, origin.provider, origin.product);
      }
      for (const name of origin.providerSdks ?? []) {
        addName(name, origin.provider, undefined);
      }
      for (const name of origin.names ?? []) {
        addName(name, origin.provider, origin.product, 'name');
      }
      for (const name of origin.providerNames ?? []) {
        addName(name, origin.provider, undefined, 'providerName');
      }
      for (const path of origin.apiPaths ?? []) {
        const parts = pathParts(path.toLowerCase());
        this.paths.push({ provider: origin.provider, product: origin.product, parts });
        pathLiterals.add(parts.reduce((longest, part) => (part.length > longest.length ? part : longest), ''));
      }
      for (const key of origin.bodyKeys ?? []) {
        // A key counts as the provider writes it, or in camel case (`requestId`); `RequestID` is AWS's.
        const known = this.bodyKeys.get(key.toLowerCase()) ?? { provider: origin.provider, spellings: [] };
        for (const spelling of [key, key.charAt(0).toLowerCase() + key.slice(1)]) {
          if (!known.spellings.includes(spelling)) {
            known.spellings.push(spelling);
          }
        }
        this.bodyKeys.set(key.toLowerCase(), known);
      }
    }
    const byLabels = (a: HostPattern, b: HostPattern) => b.labels.length - a.labels.length;
    this.hostPatterns.push(...productHosts.sort(byLabels), ...providerHosts.sort(byLabels));
    for (const signature of FOREIGN_SIGNATURES) {
      if (this.providers.has(signature.provider)) {
        // A provider some catalog claims is no longer another cloud.
        continue;
      }
      for (const domain of signature.domains) {
        this.foreignDomains.set(domain, signature.provider);
        domains.add(domain);
      }
      for (const name of signature.names) {
        addName(name, signature.provider, undefined);
      }
      for (const name of signature.proseNames) {
        addName(name, signature.provider, undefined, 'providerName');
      }
      for (const shape of signature.shapes) {
        this.shapes.push({ provider: signature.provider, ...shape });
      }
    }
    const triggers = new Map<string, number[]>();
    this.shapes.forEach((shape, at) => triggers.set(shape.trigger, [...(triggers.get(shape.trigger) ?? []), at]));
    this.literals = new LiteralSearch<Literal>([
      ...[...names].map(([text, clues]) => ({ text, value: { kind: 'name' as const, clues } })),
      ...[...domains].map((text) => ({ text, value: { kind: 'domain' as const } })),
      ...[...pathLiterals].filter((text) => text.length >= 3).map((text) => ({ text, value: { kind: 'path' as const } })),
      // An Alibaba troubleshooting link, or a piece of one (`q=Throttling.User&product=Sts`).
      { text: '&product=', value: { kind: 'link' as const } },
      // The longest pattern is tried first: `en-us/api-ocr/` is a locale and a product's page.
      ...[...pages].map(([text, patterns]) => ({ text, value: { kind: 'page' as const, patterns: patterns.sort((a, b) => b.segments.length - a.segments.length) } })),
      ...[...this.bodyKeys].map(([key, { provider, spellings }]) => ({ text: key, value: { kind: 'bodyKey' as const, key, provider, spellings } })),
      ...[...triggers].map(([text, shapes]) => ({ text, value: { kind: 'shape' as const, shapes } })),
    ]);
  }

  /** Whether a provider is one of another cloud's, known only to be left alone. */
  isForeign(provider: string): boolean {
    return !this.providers.has(provider);
  }

  /** The product a link or body names with `product=…` (`Imm`, `ecs`), lower-case. */
  productNamed(name: string): { provider?: string; product: string } {
    return this.productNames.get(name.toLowerCase()) ?? { product: name.toLowerCase() };
  }

  /**
   * The clues in (a window of) one line, found in one pass over it. `from` and `to` bound the part
   * read, so a huge line costs no more than the window around the code that asked.
   */
  cluesIn(text: string, line: number, from = 0, to = text.length): Clue[] {
    from = Math.max(0, from);
    to = Math.min(to, text.length);
    const clues: Clue[] = [];
    let hosts: number[] | undefined;
    let paths = false;
    let links = false;
    let named: Set<Literal> | undefined;
    let keys: Set<string> | undefined;
    let shapes: Set<number> | undefined;
    this.literals.scan(text, from, to, (start, end, literal) => {
      switch (literal.kind) {
        case 'page':
          pageLinkAt(text, start, end, literal.patterns, line, clues, (name) => this.productNamed(name));
          break;
        case 'domain':
          (hosts ??= []).push(start, end);
          break;
        case 'path':
          paths = true;
          break;
        case 'link':
          links = true;
          break;
        case 'shape':
          for (const shape of literal.shapes) {
            (shapes ??= new Set()).add(shape);
          }
          break;
        case 'bodyKey':
          if (!keys?.has(literal.key) && this.bodyKeyAt(text, start, end, literal, line, clues)) {
            (keys ??= new Set()).add(literal.key);
          }
          break;
        case 'name':
          if (!named?.has(literal) && standsAsName(text, start, end)) {
            const prose = standsAsProse(text, start, end);
            const written = text.slice(start, end);
            for (const clue of literal.clues) {
              // A name of prose counts only as a word of prose; an SDK's name counts anywhere it stands alone.
              if (prose || (clue.kind !== 'name' && clue.kind !== 'providerName')) {
                (named ??= new Set()).add(literal);
                clues.push(clueAt(clue.provider, clue.product, clue.kind, written, line, start));
              }
            }
          }
          break;
      }
    });
    if (hosts === undefined && !paths && !links && shapes === undefined) {
      return clues;
    }
    if (hosts !== undefined) {
      this.findHosts(text, hosts, line, clues);
    }
    const window = from === 0 && to === text.length ? text : text.slice(from, to);
    if (hosts !== undefined || links) {
      this.findProductLinks(window, line, from, clues);
    }
    if (paths) {
      for (const path of this.paths) {
        const found = findPath(window, path.parts);
        if (found) {
          clues.push({ provider: path.provider, product: path.product, kind: 'apiPath', text: window.slice(found[0], found[1]), line, start: from + found[0] });
        }
      }
    }
    for (const at of shapes ?? []) {
      const shape = this.shapes[at];
      const match = shape.pattern.exec(window);
      if (match) {
        clues.push({ provider: shape.provider, kind: 'shape', text: match[0].slice(0, 60), line, start: from + match.index });
      }
    }
    return clues;
  }

  /**
   * A body key found at [start, end): a clue when it is a key (`"RequestId":`, `error_msg=`,
   * `<HostId>`). Alibaba's HostId is always a host name: an S3-style body's HostId (an opaque id) is
   * not Alibaba's. Returns whether the key was taken.
   */
  private bodyKeyAt(text: string, start: number, end: number, literal: { key: string; provider: string; spellings: readonly string[] }, line: number, clues: Clue[]): boolean {
    if (!literal.spellings.includes(text.slice(start, end))) {
      return false;
    }
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if ((before >= 48 && before <= 57) || (before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 95) {
      return false;
    }
    const after = text.slice(end, end + 4);
    if (!/^["']?\s*[:=>]/.test(after)) {
      return false;
    }
    if (literal.key === 'hostid') {
      const value = /^["']?\s*[:=>]\s*["']?([^"'<\s,}]*)/.exec(text.slice(end, end + 300))?.[1] ?? '';
      if (value !== '' && !/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value)) {
        clues.push({ provider: 's3-style', kind: 'shape', text: `HostId ${value.slice(0, 24)}`, line, start });
        return true;
      }
    }
    clues.push({ provider: literal.provider, kind: 'bodyKey', text: text.slice(start, end), line, start });
    return true;
  }

  /** The hosts that end in the known domains found at `domains` (pairs of start and end). */
  private findHosts(text: string, domains: readonly number[], line: number, clues: Clue[]): void {
    const seen = new Set<string>();
    for (let at = 0; at < domains.length; at += 2) {
      const start = domains[at];
      const end = domains[at + 1];
      const after = text.charCodeAt(end);
      if (isHostChar(after) && after !== 46) {
        // The domain goes on: `aliyuncs.community` is another one.
        continue;
      }
      // The host reaches left over labels joined by dots.
      let hostStart = start;
      while (hostStart > 0 && isHostChar(text.charCodeAt(hostStart - 1))) {
        hostStart--;
      }
      while (hostStart < start && (text.charCodeAt(hostStart) === 46 || text.charCodeAt(hostStart) === 45)) {
        hostStart++;
      }
      const host = text.slice(hostStart, end).toLowerCase();
      if (seen.has(host)) {
        continue;
      }
      seen.add(host);
      let clue = this.hostsSeen.get(host);
      if (clue === undefined) {
        if (this.hostsSeen.size >= HOSTS_REMEMBERED) {
          this.hostsSeen.clear();
        }
        clue = this.hostClue(host) ?? null;
        this.hostsSeen.set(host, clue);
      }
      if (clue) {
        clues.push(clueAt(clue.provider, clue.product, 'host', host, line, hostStart));
      }
    }
  }

  /** The provider and product a host names, from the most specific pattern that matches its trailing labels. */
  private hostClue(host: string): { provider: string; product?: string } | undefined {
    const labels = host.split('.');
    for (const pattern of this.hostPatterns) {
      if (pattern.labels.length > labels.length) {
        continue;
      }
      const tail = labels.slice(labels.length - pattern.labels.length);
      let product = pattern.product;
      let matched = true;
      for (let index = 0; index < tail.length && matched; index++) {
        const found = matchLabel(tail[index], pattern.labels[index]);
        if (found === undefined) {
          matched = false;
        } else if (found !== '' && product === undefined) {
          product = found;
        }
      }
      if (matched) {
        return { provider: pattern.provider, ...(product ? { product: this.productNamed(product).product } : {}) };
      }
    }
    for (const [domain, provider] of this.foreignDomains) {
      if (host === domain || host.endsWith(`.${domain}`)) {
        return { provider };
      }
    }
    return undefined;
  }

  /**
   * A diagnosis link that names the product: Alibaba's `api.aliyun.com/troubleshoot?…&product=Ecs`,
   * or the piece of one an SDK prints (`q=Throttling.User&product=Sts`).
   */
  private findProductLinks(window: string, line: number, from: number, clues: Clue[]): void {
    const match =
      /https?:\/\/[a-z0-9.-]*aliyun(?:cs)?\.com\/[^\s"'<>]*?[?&]product=([A-Za-z0-9-]+)/i.exec(window) ?? /[?&\s]q=[A-Za-z0-9_.]+&product=([A-Za-z0-9-]+)/.exec(window);
    if (match) {
      const named = this.productNamed(match[1]);
      clues.push({ provider: named.provider ?? 'alibabacloud', product: named.product, kind: 'link', text: `product=${match[1]}`, line, start: from + match.index });
    }
  }
}

/** How far into a link's path its product is looked for. */
const PAGE_PATH_LENGTH = 200;

/** The product a documentation link at [start, end) (its host and slash) names in its path, if any. */
function pageLinkAt(
  text: string,
  start: number,
  end: number,
  patterns: readonly PagePattern[],
  line: number,
  clues: Clue[],
  productNamed: (name: string) => { provider?: string; product: string },
): void {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  if (isHostChar(before) && before !== 46) {
    // `notsupport.huaweicloud.com/` is another host.
    return;
  }
  let pathEnd = end;
  while (pathEnd < text.length && pathEnd - end < PAGE_PATH_LENGTH && isPathChar(text.charCodeAt(pathEnd))) {
    pathEnd++;
  }
  const segments = text.slice(end, pathEnd).toLowerCase().split('/');
  for (const pattern of patterns) {
    if (segments.length <= pattern.segments.length) {
      // A segment the pattern names must be followed by the rest of the path.
      continue;
    }
    let product: string | undefined;
    const matched = pattern.segments.every((parts, index) => {
      const found = matchLabel(segments[index], parts);
      if (found) {
        product = found;
      }
      return found !== undefined;
    });
    if (matched && product) {
      const named = productNamed(product);
      if (named.provider === undefined || named.provider === pattern.provider) {
        const length = pattern.segments.reduce((sum, _, index) => sum + segments[index].length + 1, 0);
        clues.push({ provider: pattern.provider, product: named.product, kind: 'link', text: text.slice(start, end + length), line, start });
        return;
      }
    }
  }
}

/** A character of a link's path. */
function isPathChar(code: number): boolean {
  return isHostChar(code) || code === 95 || code === 47;
}

/**
 * A clue built with its properties in one order, a product only when there is one: spreading
 * clues of several shapes into new ones took V8's slow path, a few microseconds a clue.
 */
function clueAt(provider: string, product: string | undefined, kind: ClueKind, text: string, line: number, start: number): Clue {
  return product === undefined ? { provider, kind, text, line, start } : { provider, product, kind, text, line, start };
}

/** Whether a name found at [start, end) stands on its own: not inside a longer word on either side. */
function standsAsName(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  // Names that start or end with punctuation (`Aws::`, `@aws-sdk/`) bound themselves on that side.
  return (!isWordChar(text.charCodeAt(start)) || !isWordChar(before)) && (!isWordChar(text.charCodeAt(end - 1)) || !isWordChar(after));
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * Whether a name found in prose stands as a word of prose: not a piece of an identifier, a path or
 * a host (`c.e.ocr.OcrService`, `/ocr/`, `ocr_client.py`, `ocr.cn-north-4…` say no product).
 */
function standsAsProse(text: string, start: number, end: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 32;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  const joins = (code: number) => isWordChar(code) || code === 46 || code === 47 || code === 92 || code === 45 || code === 64 || code === 61;
  return !joins(before) && !(joins(after) && !(after === 46 && !isWordChar(end + 1 < text.length ? text.charCodeAt(end + 1) : 32)));
}
