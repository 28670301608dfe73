/*
 * Findings kept compactly: a few numbers per finding in typed arrays (line, start, end, what was
 * found, and the line and column of the clue that named its origin), and a table of the distinct
 * things found. A log repeats the same few codes, decided the same few ways, thousands of times:
 * a finding costs 24 bytes, not the objects of an occurrence and its resolution.
 */
import { Position, ResolvedOccurrence } from './codeDocument';
import { Resolution } from './resolver';
import { Occurrence } from './scanner';

/** What findings share: the occurrence without its place, and its resolution. */
interface Shape {
  occurrence: Omit<Occurrence, 'line' | 'start' | 'end'>;
  resolution: Resolution;
}

const INITIAL_CAPACITY = 64;

/** A key that tells apart everything a finding's shape holds, except where its origin clue stands. */
function shapeKey({ occurrence, resolution }: ResolvedOccurrence): string {
  const ranked = resolution.ranked.map((candidate) => `${candidate.entry.id}:${candidate.score}:${candidate.messageScore}:${candidate.keyed ? 1 : 0}:${JSON.stringify(candidate.bindings)}`).join(',');
  const origin = resolution.origin;
  const clue = origin?.clue;
  return [
    occurrence.token,
    occurrence.context,
    occurrence.key ?? '',
    occurrence.family?.prefix ?? '',
    occurrence.unlisted ? 1 : 0,
    occurrence.candidates.map((candidate) => candidate.entry.id).join(','),
    resolution.kind,
    resolution.evidence,
    resolution.confident ? 1 : 0,
    resolution.established ? 1 : 0,
    resolution.suppressed ? 1 : 0,
    resolution.silence ?? '',
    ranked,
    origin ? `${origin.provider}/${origin.product ?? ''}/${origin.scope}` : '',
    clue ? `${clue.provider}/${clue.product ?? ''}/${clue.kind}/${clue.text}/${(clue as { count?: number }).count ?? ''}` : '',
    resolution.family?.prefix ?? '',
    resolution.otherProduct ? `${resolution.otherProduct.provider}/${resolution.otherProduct.product ?? ''}/${resolution.otherProduct.listed ? 1 : 0}` : '',
    resolution.drift ? `${resolution.drift.said}\u0000${resolution.drift.table}` : '',
  ].join('\u0001');
}

export class FindingTable {
  private lines = new Int32Array(INITIAL_CAPACITY);
  private starts = new Int32Array(INITIAL_CAPACITY);
  private ends = new Int32Array(INITIAL_CAPACITY);
  private shapes = new Int32Array(INITIAL_CAPACITY);
  /** Where the origin clue stands: -1 when there is none, and AT_THE_CODE (-1) when it is the code itself. */
  private clueLines = new Int32Array(INITIAL_CAPACITY);
  private clueStarts = new Int32Array(INITIAL_CAPACITY);
  private count = 0;
  private readonly shapeList: Shape[] = [];
  private readonly shapeIds = new Map<string, number>();

  /** How many findings it holds. */
  get size(): number {
    return this.count;
  }

  /** How many distinct shapes they share. */
  get shapeCount(): number {
    return this.shapeList.length;
  }

  /** Adds a finding after every one it holds (findings come in text order). */
  add(found: ResolvedOccurrence): void {
    const { occurrence, resolution } = found;
    const shape = this.shapeOf(shapeKey(found), () => {
      const { line: _line, start: _start, end: _end, ...rest } = occurrence;
      return { occurrence: rest, resolution };
    });
    this.append(occurrence.line, occurrence.start, occurrence.end, shape, resolution.origin ? resolution.origin.clue.line : -1, resolution.origin ? resolution.origin.clue.start : 0);
  }

  /** The number of a shape, added to the list (as `make` makes it) when new. */
  private shapeOf(key: string, make: () => Shape): number {
    let shape = this.shapeIds.get(key);
    if (shape === undefined) {
      shape = this.shapeList.length;
      this.shapeList.push(make());
      this.shapeIds.set(key, shape);
    }
    return shape;
  }

  private append(line: number, start: number, end: number, shape: number, clueLine: number, clueStart: number): void {
    if (this.count === this.lines.length) {
      this.grow(this.count * 2);
    }
    const at = this.count++;
    this.lines[at] = line;
    this.starts[at] = start;
    this.ends[at] = end;
    this.shapes[at] = shape;
    this.clueLines[at] = clueLine;
    this.clueStarts[at] = clueStart;
  }

  /**
   * Adds another table's finding as numbers, its shape looked up once per shape (`shapes` maps the
   * other table's shapes to this one's): no object is made for it.
   */
  private appendFrom(table: FindingTable, index: number, shapes: Map<number, number>): void {
    const theirs = table.shapes[index];
    let shape = shapes.get(theirs);
    if (shape === undefined) {
      const known = table.shapeList[theirs];
      // The key reads no place of the occurrence: the shape's own fields are all it needs.
      shape = this.shapeOf(shapeKey({ occurrence: known.occurrence as Occurrence, resolution: known.resolution }), () => known);
      shapes.set(theirs, shape);
    }
    this.append(table.lines[index], table.starts[index], table.ends[index], shape, table.clueLines[index], table.clueStarts[index]);
  }

  /** The finding at an index, as the features read one. */
  at(index: number): ResolvedOccurrence {
    const shape = this.shapeList[this.shapes[index]];
    const occurrence: Occurrence = { ...shape.occurrence, line: this.lines[index], start: this.starts[index], end: this.ends[index] };
    const origin = shape.resolution.origin;
    const clueLine = this.clueLines[index];
    if (origin === undefined || (origin.clue.line === clueLine && origin.clue.start === this.clueStarts[index])) {
      return { occurrence, resolution: shape.resolution };
    }
    return { occurrence, resolution: { ...shape.resolution, origin: { ...origin, clue: { ...origin.clue, line: clueLine, start: this.clueStarts[index] } } } };
  }

  /** Every finding in text order. */
  *all(): Generator<ResolvedOccurrence> {
    for (let index = 0; index < this.count; index++) {
      yield this.at(index);
    }
  }

  /** The findings on lines [from, to], in text order. */
  *between(from: number, to: number): Generator<ResolvedOccurrence> {
    for (let index = this.firstOnOrAfter(from); index < this.count && this.lines[index] <= to; index++) {
      yield this.at(index);
    }
  }

  /** The finding that covers a position, its end included (a cursor right after a word is on it). */
  findAt(position: Position): ResolvedOccurrence | undefined {
    for (let index = this.firstOnOrAfter(position.line); index < this.count && this.lines[index] === position.line; index++) {
      if (position.character >= this.starts[index] && position.character <= this.ends[index]) {
        return this.at(index);
      }
    }
    return undefined;
  }

  /** Drops the findings on a line and every line after it. */
  truncateFrom(line: number): void {
    this.count = this.firstOnOrAfter(line);
  }

  /**
   * Replaces the findings of some lines (decided again) with those of a table of their own, in text
   * order, which must stand on those lines. The rest keep their places. A line of millions of codes
   * decided again is never held as objects.
   */
  replaceLines(lines: ReadonlySet<number>, added: FindingTable): void {
    const kept: number[] = [];
    for (let index = 0; index < this.count; index++) {
      if (!lines.has(this.lines[index])) {
        kept.push(index);
      }
    }
    const shapes = new Map<number, number>();
    const old = { lines: this.lines, starts: this.starts, ends: this.ends, shapes: this.shapes, clueLines: this.clueLines, clueStarts: this.clueStarts };
    this.allocate(Math.max(INITIAL_CAPACITY, kept.length + added.size));
    this.count = 0;
    let next = 0;
    for (const index of kept) {
      while (next < added.size && (added.lines[next] < old.lines[index] || (added.lines[next] === old.lines[index] && added.starts[next] < old.starts[index]))) {
        this.appendFrom(added, next++, shapes);
      }
      this.append(old.lines[index], old.starts[index], old.ends[index], old.shapes[index], old.clueLines[index], old.clueStarts[index]);
    }
    while (next < added.size) {
      this.appendFrom(added, next++, shapes);
    }
  }

  /** The index of the first finding on or after a line. */
  private firstOnOrAfter(line: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.lines[middle] < line) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private grow(capacity: number): void {
    const old = { lines: this.lines, starts: this.starts, ends: this.ends, shapes: this.shapes, clueLines: this.clueLines, clueStarts: this.clueStarts };
    this.allocate(capacity);
    this.lines.set(old.lines.subarray(0, this.count));
    this.starts.set(old.starts.subarray(0, this.count));
    this.ends.set(old.ends.subarray(0, this.count));
    this.shapes.set(old.shapes.subarray(0, this.count));
    this.clueLines.set(old.clueLines.subarray(0, this.count));
    this.clueStarts.set(old.clueStarts.subarray(0, this.count));
  }

  private allocate(capacity: number): void {
    this.lines = new Int32Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.shapes = new Int32Array(capacity);
    this.clueLines = new Int32Array(capacity);
    this.clueStarts = new Int32Array(capacity);
  }
}
