/*
 * The server's settings store against a stand-in connection whose answers to
 * workspace/configuration the test releases one by one: snapshots are there at once, answers are
 * batched, a newer question's answer wins, a closed document keeps nothing and hears nothing, and
 * each bad value is warned about once.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver/node';
import { ErrorCodebookSettings } from '../../server/src/common/settings';
import { SettingsStore } from '../../server/src/settingsStore';

interface Question {
  items: { scopeUri?: string; section: string }[];
  answer(values: unknown[]): void;
}

function standIn(): { connection: Connection; questions: Question[]; warnings: string[] } {
  const questions: Question[] = [];
  const warnings: string[] = [];
  const connection = {
    workspace: {
      getConfiguration: (items: Question['items']) => new Promise((resolve) => questions.push({ items, answer: resolve })),
    },
    console: { warn: (message: string) => warnings.push(message), log: () => undefined },
  } as unknown as Connection;
  return { connection, questions, warnings };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the settings store', () => {
  it('gives snapshots at once and batches its questions', async () => {
    const { connection, questions } = standIn();
    const open = new Set(['file:///a.log', 'file:///b.log']);
    const store = new SettingsStore(connection, true, { displayLanguage: 'zh-CN' }, (uri) => open.has(uri));
    const heard: [string | undefined, ErrorCodebookSettings['displayLanguage'], ErrorCodebookSettings['displayLanguage']][] = [];
    store.onDidChange((uri, before, after) => heard.push([uri, before.displayLanguage, after.displayLanguage]));
    assert.equal(store.snapshot('file:///a.log').displayLanguage, 'zh-cn');
    store.ask();
    store.ask('file:///a.log');
    store.ask('file:///b.log');
    assert.ok(store.isPending('file:///a.log'));
    await nextTurn();
    assert.equal(questions.length, 1, 'one batched question');
    assert.deepEqual(questions[0].items.map((item) => item.scopeUri), [undefined, 'file:///a.log', 'file:///b.log']);
    questions[0].answer([{ displayLanguage: 'en' }, null, { displayLanguage: 'en-GB' }]);
    await nextTurn();
    assert.equal(store.isPending('file:///a.log'), false);
    assert.deepEqual(heard, [
      [undefined, 'zh-cn', 'en'],
      ['file:///a.log', 'en', 'zh-cn'],
      ['file:///b.log', 'en', 'en'],
    ]);
  });

  it('takes the answer of the newest question, and forgets a closed document for good', async () => {
    const { connection, questions } = standIn();
    const open = new Set(['file:///a.log']);
    const store = new SettingsStore(connection, true, {}, (uri) => open.has(uri));
    let heard = 0;
    store.onDidChange(() => heard++);
    store.ask('file:///a.log');
    await nextTurn();
    store.ask('file:///a.log');
    await nextTurn();
    questions[1].answer([{ displayLanguage: 'zh-cn' }]);
    questions[0].answer([{ displayLanguage: 'en' }]);
    await nextTurn();
    assert.equal(store.snapshot('file:///a.log').displayLanguage, 'zh-cn', 'the older answer came last and was dropped');
    assert.equal(heard, 1);
    assert.equal(store.documentEntries, 1);
    store.ask('file:///a.log');
    await nextTurn();
    open.delete('file:///a.log');
    store.forget('file:///a.log');
    assert.equal(store.documentEntries, 0);
    questions[2].answer([{ displayLanguage: 'en' }]);
    await nextTurn();
    assert.equal(store.documentEntries, 0, 'a late answer for a closed document keeps nothing');
    assert.equal(heard, 1, 'and tells nobody');
  });

  it('warns once about each bad value, however often it comes', async () => {
    const { connection, questions, warnings } = standIn();
    const store = new SettingsStore(connection, true, { displayLanguage: 'klingon' }, () => true);
    for (const uri of ['file:///a.log', 'file:///b.log']) {
      store.ask(uri);
    }
    await nextTurn();
    questions[0].answer([{ displayLanguage: 'klingon' }, { displayLanguage: 'vulcan', diagnostics: { maxPerFile: -3 } }]);
    await nextTurn();
    assert.deepEqual(
      warnings.map((warning) => warning.slice(0, warning.indexOf(' is not'))),
      ['Setting errorCodebook.displayLanguage: "klingon"', 'Setting errorCodebook.displayLanguage: "vulcan"', 'Setting errorCodebook.diagnostics.maxPerFile: -3'],
    );
  });

  it('uses what a client pushes when it cannot be asked', () => {
    const { connection, questions } = standIn();
    const store = new SettingsStore(connection, false, {}, () => true);
    const heard: (string | undefined)[] = [];
    store.onDidChange((uri, before, after) => {
      assert.equal(before.displayLanguage, 'auto');
      assert.equal(after.displayLanguage, 'zh-cn');
      heard.push(uri);
    });
    store.ask('file:///a.log');
    assert.equal(store.isPending('file:///a.log'), false);
    store.changed({ errorCodebook: { displayLanguage: 'zh_CN' } }, ['file:///a.log']);
    assert.deepEqual(heard, [undefined, 'file:///a.log']);
    assert.equal(questions.length, 0);
  });
});
