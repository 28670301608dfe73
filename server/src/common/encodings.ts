/*
 * VS Code names encodings its own way (`files.encoding`: `utf8bom`, `windows1252`, `shiftjis`); the
 * disk scan decodes with WHATWG labels (`utf-8`, `windows-1252`, `shift_jis`).
 */

const VSCODE_TO_WHATWG: Record<string, string> = {
  utf8: 'utf-8',
  utf8bom: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  shiftjis: 'shift_jis',
  eucjp: 'euc-jp',
  euckr: 'euc-kr',
  big5hkscs: 'big5-hkscs',
  cp950: 'big5',
  macroman: 'macintosh',
  cp866: 'ibm866',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8ru: 'koi8-u',
};

/** The WHATWG label for an encoding named as VS Code names it; other names are returned as they are. */
export function encodingLabel(name: string): string {
  const id = name.trim().toLowerCase();
  const known = VSCODE_TO_WHATWG[id];
  if (known) {
    return known;
  }
  const windows = /^windows(\d{3,4})$/.exec(id);
  if (windows) {
    return `windows-${windows[1]}`;
  }
  const iso = /^iso8859(\d{1,2})$/.exec(id);
  if (iso) {
    return `iso-8859-${iso[1]}`;
  }
  return id;
}
