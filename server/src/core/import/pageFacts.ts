/*
 * Facts a page states about itself, read from its text: the language it is written in, its own
 * "updated" date, its title, the JSON keys of the error body it shows, and the provider it belongs to.
 */
import { ErrorBodyShape, LanguageTag } from '../catalogModel';
import { httpsHost } from '../url';

/** CJK ideographs (the unified blocks and their extension A). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/**
 * The language of a text: Chinese when at least one letter in twenty is a Chinese character, else
 * English. Chinese pages print English messages, so Chinese never makes up all of their text; an
 * English page quoting a Chinese word stays English.
 */
export function detectLanguage(text: string): LanguageTag {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  return han > 0 && han * 20 >= han + latin ? 'zh-cn' : 'en';
}

const UPDATED = /(?:Updated on|Updated at|Last updated(?: on)?:?|更新时间\s*[:：]?)\s*([0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?(?:\s*GMT[+-][0-9]{2}:[0-9]{2})?)/i;

/** The page's own "updated" date, exactly as it writes it (`2022-10-29 GMT+08:00`), or undefined. */
export function statedUpdated(text: string): string | undefined {
  return UPDATED.exec(text)?.[1].replace(/\s+/g, ' ');
}

/**
 * The title of a text capture: its first short line that is not a date line or a sentence (the
 * captures start with the page's heading, or with its prose when the heading was not captured).
 */
export function captureTitle(text: string): string | undefined {
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/^#+\s*/, '').replace(/<[^>]*>/g, '').trim();
    if (line.length === 0 || UPDATED.test(line)) {
      continue;
    }
    const isHeading = line.length <= 40 && !/[。.！!？?；;，,:：]$/.test(line) && !line.startsWith('{');
    return isHeading ? line : undefined;
  }
  return undefined;
}

/** The keys of the error body the page shows as an example, when it shows one of the known shapes. */
export function statedErrorBody(text: string): ErrorBodyShape | undefined {
  const hasKey = (key: string) => text.includes(`"${key}"`);
  if (hasKey('error_code') && hasKey('error_msg')) {
    return { codeKeys: ['error_code'], messageKeys: ['error_msg'] };
  }
  if (hasKey('Code') && hasKey('Message')) {
    return { codeKeys: ['Code'], messageKeys: ['Message'] };
  }
  return undefined;
}

/** The providers whose pages the importer reads. */
export type ProviderId = 'huaweicloud' | 'alibabacloud';

interface Provider {
  name: { en: string; 'zh-cn': string };
  /** Documentation hosts, and the words that name the provider in a page's text. */
  hosts: readonly string[];
  words: RegExp;
  /** Where any code of this provider is documented, when the provider has such a page. */
  codeUrlTemplate?: string;
}

export const PROVIDERS: Record<ProviderId, Provider> = {
  huaweicloud: {
    name: { en: 'Huawei Cloud', 'zh-cn': '华为云' },
    hosts: ['huaweicloud.com'],
    words: /huaweicloud|华为云|huawei cloud/gi,
  },
  alibabacloud: {
    name: { en: 'Alibaba Cloud', 'zh-cn': '阿里云' },
    hosts: ['aliyun.com', 'alibabacloud.com'],
    words: /aliyun|阿里云|alibaba cloud|alibabacloud/gi,
    codeUrlTemplate: 'https://error-center.aliyun.com/status/search?Keyword={code}',
  },
};

/** The provider a page belongs to: by its address when known, else by which provider its text names more often. */
export function detectProvider(text: string, url?: string): ProviderId | undefined {
  const host = url === undefined ? undefined : httpsHost(url);
  const ids = Object.keys(PROVIDERS) as ProviderId[];
  if (host !== undefined) {
    const byHost = ids.find((id) => PROVIDERS[id].hosts.some((known) => host === known || host.endsWith(`.${known}`)));
    if (byHost) {
      return byHost;
    }
  }
  const counts = ids.map((id) => ({ id, count: text.match(PROVIDERS[id].words)?.length ?? 0 })).sort((a, b) => b.count - a.count);
  return counts[0].count > 0 && counts[0].count > (counts[1]?.count ?? 0) ? counts[0].id : undefined;
}
