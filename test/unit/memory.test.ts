/*
 * When the server gives memory back: a full collection waits for quiet after a large document's
 * text or work, each new call puts it off, and so does each edit, so no collection comes between
 * an edit and its diagnostics. Run with a stand-in clock whose timers the test fires.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { QuietCollection } from '../../server/src/memory';

interface Timer {
  /** Fires the timer, as the clock would once its time came. */
  fire: () => void;
  delayMs: number;
  cancelled: boolean;
  fired: boolean;
}

function standIn(): { collection: QuietCollection; timers: Timer[]; waiting: () => Timer[]; collections: () => number } {
  const timers: Timer[] = [];
  let collections = 0;
  const collection = new QuietCollection(
    () => collections++,
    (run, delayMs) => {
      const timer: Timer = {
        fire: () => {
          timer.fired = true;
          run();
        },
        delayMs,
        cancelled: false,
        fired: false,
      };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  );
  return { collection, timers, waiting: () => timers.filter((timer) => !timer.cancelled && !timer.fired), collections: () => collections };
}

const LARGE = 20 * 1024 * 1024;

describe('memory given back once the server is quiet', () => {
  it('waits after a large document, not a small one, and once', () => {
    const { collection, timers, waiting, collections } = standIn();
    collection.afterDocumentText(1000);
    collection.afterDocumentWork(1000);
    assert.equal(timers.length, 0, 'nothing after small documents');
    collection.afterDocumentText(LARGE);
    assert.deepEqual(waiting().map((timer) => timer.delayMs), [250]);
    // Work that follows puts it off: one collection, a second after the last work.
    collection.afterDocumentWork(LARGE);
    assert.deepEqual(waiting().map((timer) => timer.delayMs), [1000]);
    waiting()[0].fire();
    assert.equal(collections(), 1);
    assert.deepEqual(waiting(), []);
  });

  it('is put off by each edit while one waits, and not started by an edit', () => {
    const { collection, timers, waiting, collections } = standIn();
    collection.edited();
    assert.equal(timers.length, 0, 'an edit alone does not collect');
    collection.afterDocumentText(LARGE);
    const first = waiting()[0];
    collection.edited();
    assert.ok(first.cancelled, 'the collection waiting was put off');
    assert.deepEqual(waiting().map((timer) => timer.delayMs), [1000]);
    collection.edited();
    assert.equal(waiting().length, 1);
    waiting()[0].fire();
    assert.equal(collections(), 1);
    collection.edited();
    assert.deepEqual(waiting(), [], 'nothing waits once it ran');
  });
});
