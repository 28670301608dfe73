/*
 * The server's own words, in every display language it has. Catalog text is never here: it is
 * shown as the source wrote it.
 */
import { LanguageTag } from './catalogModel';

const en = {
  message: 'Message',
  meaning: 'Meaning',
  cause: 'Cause',
  fix: 'Fix',
  httpStatus: 'HTTP',
  module: 'Module',
  boundPlaceholder: 'Placeholder',
  documentation: 'Documentation',
  sourcePage: 'Source page',
  alsoIn: 'Elsewhere this code means',
  otherCandidates: 'Other entries this could be',
  candidatesNote: 'Not enough context to tell which entry is meant; the most likely comes first.',
  pickedByMessage: 'Picked by the message next to it.',
  pickedByKey: 'Picked by the key it stands under.',
  commonError: 'Common error',
  translation: 'translation, not from the source',
  translated: 'translated',
  relatedTable: (prefix: string) => `${prefix} codes are documented in this table, which Error Codebook does not hold; its meaning is not explained here.`,
  repaired: 'Repaired from the capture',
  noMeaning: 'No description in the catalog.',
  candidates: (count: number) => `${count} possible entries`,
  diagnosticMore: (shown: number, total: number) =>
    `Error Codebook shows ${shown} of ${total} error codes in the Problems panel; the Error Codes view lists them all.`,
  openDocumentation: (code: string) => `Open documentation for ${code}`,
  copyExplanation: (code: string) => `Copy explanation of ${code}`,
  showExplanation: (code: string) => `Show explanation of ${code}`,
  tooLarge: (megabytes: number, limit: number) =>
    `This file is ${megabytes} MB, over the ${limit} MB limit for scanning in the editor. Use "Error Codebook: Scan Log File…" to scan it from disk.`,
  binary: 'This file looks binary; Error Codebook does not scan it.',
  scanFromDisk: 'Scan from disk',
  scanning: (name: string) => `Scanning ${name}`,
  scanProgress: (megabytes: number, found: number) => `${megabytes} MB read, ${found} codes found`,
  catalogProblem: (file: string, line: number, column: number, message: string) => `${file}:${line}:${column}: ${message}`,
  origin: {
    host: (host: string) => `from the host ${host}`,
    sdk: (name: string) => `from ${name}`,
    apiPath: (path: string) => `from the API path ${path}`,
    link: (text: string) => `from the diagnosis link (${text})`,
    bodyKey: (key: string) => `from its error body (${key})`,
    message: 'from its message',
    code: (code: string) => `from ${code}`,
    ownCode: 'from the code itself',
    onLine: (line: number) => `on line ${line}`,
    inDocument: (line: number) => `elsewhere in the document (line ${line})`,
  },
  uncertainOrigin: 'Nothing in the text says which product this error comes from; this is the most likely entry.',
  notInCatalogs: 'not in the catalogs',
  familyTitle: (prefix: string) => `${prefix}* codes`,
  unknownCode: (code: string, family: string) => `${code} is one of the ${family}, but none of Error Codebook's tables lists it.`,
  nearestEntry: 'Nearest entry',
  otherProductCode: (code: string, product: string) => `${code} is an error of ${product}, whose table Error Codebook does not hold; no entry of another product's table is claimed.`,
  generalPattern: (catalog: string) => `General pattern from another product's table (${catalog})`,
  familyDocumentation: 'Where the provider documents these codes',
  errorCenter: 'Error center',
  drift: (said: string, table: string) => `The text says "${said}"; the table says "${table}".`,
  diagnosticUnknownCode: (code: string, family: string) => `${code}: one of the ${family}, not in the catalogs.`,
  diagnosticOtherProduct: (code: string, product: string) => `${code}: an error of ${product}, not in the catalogs.`,
  catalogName: (provider: string, service: string) => `${provider} ${service}`.trim(),
  pageUpdated: (catalog: string, date: string) => `${catalog} error codes, page updated ${date}`,
  pageCaptured: (catalog: string, date: string) => `${catalog} error codes, captured ${date}`,
  inlineShowExplanation: 'Click to show the explanation.',
  inlineOpenDocumentation: 'Click to open the documentation.',
  ignoredNote: 'You ignore this code here (errorCodebook.ignoredCodes): it has no Problems entry and no meaning at the end of its line.',
  ignoreCode: (code: string) => `Ignore ${code} in this workspace`,
};

export type Strings = typeof en;

const zhCn: Strings = {
  message: '错误信息',
  meaning: '说明',
  cause: '产生原因',
  fix: '处理方法',
  httpStatus: 'HTTP',
  module: '模块',
  boundPlaceholder: '占位符',
  documentation: '文档',
  sourcePage: '来源页面',
  alsoIn: '此错误码在其他目录中的含义',
  otherCandidates: '其他可能的条目',
  candidatesNote: '上下文不足以确定具体条目;最可能的排在最前。',
  pickedByMessage: '根据旁边的错误信息确定。',
  pickedByKey: '根据所在的键确定。',
  commonError: '常见错误',
  translation: '译文,非来源原文',
  translated: '译文',
  relatedTable: (prefix: string) => `${prefix} 错误码记录在此表中,Error Codebook 未收录该表;此处不解释其含义。`,
  repaired: '已修复采集损坏',
  noMeaning: '目录中没有说明。',
  candidates: (count: number) => `${count} 个可能的条目`,
  diagnosticMore: (shown: number, total: number) =>
    `Error Codebook 在问题面板中显示了 ${total} 个错误码中的 ${shown} 个;“错误码”视图列出了全部。`,
  openDocumentation: (code: string) => `打开 ${code} 的文档`,
  copyExplanation: (code: string) => `复制 ${code} 的解释`,
  showExplanation: (code: string) => `查看 ${code} 的解释`,
  tooLarge: (megabytes: number, limit: number) =>
    `此文件大小为 ${megabytes} MB,超过编辑器内扫描的 ${limit} MB 上限。请使用“Error Codebook: 扫描日志文件…”从磁盘扫描。`,
  binary: '此文件看起来是二进制文件;Error Codebook 不扫描它。',
  scanFromDisk: '从磁盘扫描',
  scanning: (name: string) => `正在扫描 ${name}`,
  scanProgress: (megabytes: number, found: number) => `已读取 ${megabytes} MB,找到 ${found} 个错误码`,
  catalogProblem: (file: string, line: number, column: number, message: string) => `${file}:${line}:${column}: ${message}`,
  origin: {
    host: (host: string) => `依据主机 ${host}`,
    sdk: (name: string) => `依据 ${name}`,
    apiPath: (path: string) => `依据 API 路径 ${path}`,
    link: (text: string) => `依据诊断链接(${text})`,
    bodyKey: (key: string) => `依据其错误响应体(${key})`,
    message: '依据其错误信息',
    code: (code: string) => `依据 ${code}`,
    ownCode: '依据错误码本身',
    onLine: (line: number) => `第 ${line} 行`,
    inDocument: (line: number) => `文档中其他位置(第 ${line} 行)`,
  },
  uncertainOrigin: '文本中没有线索表明此错误来自哪个产品;此处显示最可能的条目。',
  notInCatalogs: '不在目录中',
  familyTitle: (prefix: string) => `${prefix}* 错误码`,
  unknownCode: (code: string, family: string) => `${code} 属于 ${family},但 Error Codebook 的各表均未收录。`,
  nearestEntry: '最接近的条目',
  otherProductCode: (code: string, product: string) => `${code} 是 ${product} 的错误,Error Codebook 未收录其错误码表;不套用其他产品表中的条目。`,
  generalPattern: (catalog: string) => `来自其他产品错误码表的通用模式(${catalog})`,
  familyDocumentation: '服务商记录这些错误码的页面',
  errorCenter: '错误中心',
  drift: (said: string, table: string) => `文本中为“${said}”;表中为“${table}”。`,
  diagnosticUnknownCode: (code: string, family: string) => `${code}:不在目录中;属于 ${family}。`,
  diagnosticOtherProduct: (code: string, product: string) => `${code}:${product} 的错误,不在目录中。`,
  catalogName: (provider: string, service: string) => `${provider}${service}`,
  pageUpdated: (catalog: string, date: string) => `${catalog}错误码,页面更新于 ${date}`,
  pageCaptured: (catalog: string, date: string) => `${catalog}错误码,采集于 ${date}`,
  inlineShowExplanation: '单击查看解释。',
  inlineOpenDocumentation: '单击打开文档。',
  ignoredNote: '你已在此处忽略此错误码（errorCodebook.ignoredCodes）：问题面板中没有它，行末也不显示其含义。',
  ignoreCode: (code: string) => `在此工作区中忽略 ${code}`,
};

const bundles: Record<LanguageTag, Strings> = { en, 'zh-cn': zhCn };

export function stringsFor(language: LanguageTag): Strings {
  return bundles[language];
}

/** Maps an editor locale (`zh-CN`, `zh-cn`, `en-US`, …) to a display language. */
export function languageFromLocale(locale: string | undefined): LanguageTag {
  return locale !== undefined && /^zh\b/i.test(locale.trim()) ? 'zh-cn' : 'en';
}
