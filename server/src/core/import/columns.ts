/*
 * The column headings of the providers' error-code tables, in English and Chinese, and the catalog
 * field each one fills. Tables come in any column order; a heading decides what its column holds.
 */

/** What a column of an error-code table holds. */
export type ColumnField = 'httpStatus' | 'code' | 'module' | 'message' | 'description' | 'cause' | 'solution';

/** A table's columns, in the page's order, and whether it is a table of common errors (IMM's "常见错误"). */
export interface TableColumns {
  fields: ColumnField[];
  commonErrors: boolean;
}

const HEADINGS: Record<string, ColumnField> = {
  'status code': 'httpStatus',
  'http status code': 'httpStatus',
  'http status': 'httpStatus',
  '状态码': 'httpStatus',
  'http状态码': 'httpStatus',
  'http 状态码': 'httpStatus',
  'error code': 'code',
  'code': 'code',
  '错误码': 'code',
  '错误代码': 'code',
  'common error': 'code',
  '常见错误': 'code',
  'module': 'module',
  '模块': 'module',
  'error message': 'message',
  'message': 'message',
  '错误信息': 'message',
  // Huawei's Image Recognition page heads its message column "描述信息" and its description "说明".
  '描述信息': 'message',
  'description': 'description',
  'error description': 'description',
  '说明': 'description',
  '描述': 'description',
  '语义': 'description',
  '错误描述': 'description',
  'cause': 'cause',
  'possible cause': 'cause',
  '产生原因': 'cause',
  '原因': 'cause',
  '可能原因': 'cause',
  'solution': 'solution',
  'corrective action': 'solution',
  'measure': 'solution',
  'handling measure': 'solution',
  '处理措施': 'solution',
  '处理方法': 'solution',
  '解决方案': 'solution',
  '解决方法': 'solution',
  '建议解决方法': 'solution',
};

/** Headings of the code column of a table of common errors, where rows have a cause instead of a message. */
const COMMON_ERROR_HEADINGS = new Set(['common error', '常见错误']);

/** Every heading, longest first, for reading a heading row whose cells lost their borders. */
const HEADINGS_LONGEST_FIRST = Object.keys(HEADINGS).sort((a, b) => b.length - a.length);

/** A heading as it is compared: lower case, single spaces, without trailing punctuation ("Error Message." → "error message"). */
function normalizeHeading(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[.:：。]+$/, '').trim().toLowerCase();
}

/** The field a heading names, or undefined when it is not a known heading. */
export function columnField(heading: string): ColumnField | undefined {
  return HEADINGS[normalizeHeading(heading)];
}

/**
 * The columns a heading row names, when every cell is a known heading, one of them is the code
 * column and no field repeats; otherwise undefined (the row is not an error-code table's heading).
 */
export function tableColumns(headings: readonly string[]): TableColumns | undefined {
  const fields: ColumnField[] = [];
  for (const heading of headings) {
    const field = columnField(heading);
    if (field === undefined || fields.includes(field)) {
      return undefined;
    }
    fields.push(field);
  }
  if (fields.length < 2 || !fields.includes('code')) {
    return undefined;
  }
  const codeHeading = headings[fields.indexOf('code')];
  return { fields, commonErrors: COMMON_ERROR_HEADINGS.has(normalizeHeading(codeHeading)) };
}

/**
 * Splits a heading row whose cells are separated only by spaces ("HTTP Status Code Code Message 描述")
 * into known headings, longest match first; undefined when any part is not a heading.
 */
export function splitHeadingLine(line: string): string[] | undefined {
  const headings: string[] = [];
  let rest = line.replace(/\s+/g, ' ').trim();
  while (rest.length > 0) {
    const lower = rest.toLowerCase();
    const heading = HEADINGS_LONGEST_FIRST.find((candidate) => lower.startsWith(candidate) && (lower.length === candidate.length || lower[candidate.length] === ' '));
    if (heading === undefined) {
      return undefined;
    }
    headings.push(rest.slice(0, heading.length));
    rest = rest.slice(heading.length).trim();
  }
  return headings;
}
