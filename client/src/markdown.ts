/*
 * A small, strict Markdown-to-HTML renderer for the explanations the server writes (bold, italics,
 * line breaks, lists, rules, links). Every character of input ends up escaped unless it is one of
 * those constructs, and only https links become anchors, so catalog text can never become markup.
 */

const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][^\s<>"'`\\{}|^]*)?$/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function isHttpsUrl(url: string): boolean {
  return HTTPS_URL.test(url);
}

/** Renders a block-level document: paragraphs split by blank lines, "- " lists and "---" rules. */
export function renderMarkdown(markdown: string): string {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const html: string[] = [];
  for (const block of blocks) {
    const trimmed = block.trim();
    if (trimmed === '') {
      continue;
    }
    if (/^(?:-{3,}|\*{3,})$/.test(trimmed)) {
      html.push('<hr>');
      continue;
    }
    const lines = trimmed.split('\n');
    if (lines.every((line) => /^[-*] /.test(line))) {
      html.push(`<ul>${lines.map((line) => `<li>${renderInline(line.slice(2))}</li>`).join('')}</ul>`);
      continue;
    }
    const heading = /^(#{1,6}) (.*)$/.exec(trimmed);
    if (heading && lines.length === 1) {
      const level = Math.min(6, heading[1].length + 1);
      html.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      continue;
    }
    html.push(`<p>${renderInline(trimmed)}</p>`);
  }
  return html.join('\n');
}

/** Renders one paragraph's inline Markdown. */
export function renderInline(text: string): string {
  let out = '';
  let strong = false;
  let em = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\' && index + 1 < text.length && ASCII_PUNCTUATION.test(text[index + 1])) {
      out += escapeHtml(text[index + 1]);
      index += 2;
      continue;
    }
    if (char === '\\' && text[index + 1] === '\n') {
      out += '<br>';
      index += 2;
      continue;
    }
    if (char === ' ' && text.startsWith('  \n', index)) {
      out += '<br>';
      index += 3;
      continue;
    }
    if (char === '\n') {
      out += ' ';
      index++;
      continue;
    }
    if (char === '*' && text[index + 1] === '*') {
      out += strong ? '</strong>' : '<strong>';
      strong = !strong;
      index += 2;
      continue;
    }
    if (char === '*') {
      out += em ? '</em>' : '<em>';
      em = !em;
      index++;
      continue;
    }
    if (char === '[') {
      const link = parseLink(text, index);
      if (link) {
        const label = renderInline(link.label);
        out += isHttpsUrl(link.href) ? `<a href="${escapeHtml(link.href)}" title="${escapeHtml(link.href)}">${label}</a>` : label;
        index = link.end;
        continue;
      }
    }
    out += escapeHtml(char);
    index++;
  }
  if (em) {
    out += '</em>';
  }
  if (strong) {
    out += '</strong>';
  }
  return out;
}

/** `[label](href)` starting at `start`, honouring backslash escapes in the label. */
function parseLink(text: string, start: number): { label: string; href: string; end: number } | undefined {
  let index = start + 1;
  let depth = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '[') {
      depth++;
    } else if (char === ']') {
      if (depth === 0) {
        break;
      }
      depth--;
    } else if (char === '\n' && text[index + 1] === '\n') {
      return undefined;
    }
    index++;
  }
  if (index >= text.length || text[index + 1] !== '(') {
    return undefined;
  }
  const close = text.indexOf(')', index + 2);
  if (close === -1) {
    return undefined;
  }
  const href = text.slice(index + 2, close).trim().replace(/^<(.*)>$/, '$1');
  if (/\s/.test(href)) {
    return undefined;
  }
  return { label: text.slice(start + 1, index), href, end: close + 1 };
}
