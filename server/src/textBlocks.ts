/*
 * A large text kept in half the memory. V8 stores a string two bytes a character as soon as one
 * character needs it: one Chinese line makes a 20 MB log a 40 MB string. Cut into blocks of lines,
 * the blocks of Latin-1 characters alone (nearly all of a log) are copied into strings of one byte
 * a character, the others into two-byte strings of their own; the whole text is then dropped.
 */

/** Texts smaller than this are kept as they are. */
const LARGE_TEXT = 1024 * 1024;
/** About how long a block is, in characters; it ends at the next line break. */
const BLOCK = 64 * 1024;

type BufferWithSlices = Buffer & { latin1Slice(start: number, end: number): string };

/** A copy of a string that shares nothing with the string it was cut from. */
function copyOf(text: string, oneByte: boolean): string {
  return oneByte ? (Buffer.from(text, 'latin1') as BufferWithSlices).latin1Slice(0, text.length) : Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * The text itself when it is small or all Latin-1 (V8 keeps it one byte a character already), else
 * its blocks, each ending with a line break (the last one excepted), for CodeDocument.
 */
export function textBlocks(text: string): string | string[] {
  if (text.length < LARGE_TEXT || !/[^\x00-\xff]/.test(text)) {
    return text;
  }
  const blocks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', Math.min(text.length, start + BLOCK));
    const end = newline === -1 ? text.length : newline + 1;
    const block = text.slice(start, end);
    blocks.push(copyOf(block, !/[^\x00-\xff]/.test(block)));
    start = end;
  }
  return blocks;
}
