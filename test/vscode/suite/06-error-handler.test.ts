/*
 * The crash policy of the client (restart up to 5 times in 3 minutes, tell the user once), tested
 * on the client's own module inside the extension host with a fake clock; and real crashes: the
 * server process killed, restarted by the client, answering again.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { CloseAction, ErrorAction } from 'vscode-languageclient/node';
import { RestartingErrorHandler } from '../../../client/src/errorHandler';
import { closeAllEditors, hoverAt, open, positionOf, waitFor } from './helpers';

describe('crash handling', () => {
  function handler() {
    let now = 0;
    const told = { restarted: 0, gaveUp: 0, logged: 0 };
    const instance = new RestartingErrorHandler(
      { restarted: () => told.restarted++, gaveUp: () => told.gaveUp++, log: () => told.logged++ },
      { maxRestarts: 5, windowMs: 180000 },
      () => now,
    );
    return { instance, told, advance: (ms: number) => (now += ms) };
  }

  it('restarts five times within three minutes, then stops, telling the user once each', () => {
    const { instance, told, advance } = handler();
    const actions: CloseAction[] = [];
    for (let crash = 0; crash < 7; crash++) {
      actions.push(instance.closed().action as CloseAction);
      advance(1000);
    }
    assert.deepStrictEqual(actions, [
      CloseAction.Restart,
      CloseAction.Restart,
      CloseAction.Restart,
      CloseAction.Restart,
      CloseAction.Restart,
      CloseAction.DoNotRestart,
      CloseAction.DoNotRestart,
    ]);
    assert.strictEqual(told.restarted, 1);
    assert.strictEqual(told.gaveUp, 1);
    assert.strictEqual(told.logged, 7);
  });

  it('forgets crashes older than the window', () => {
    const { instance, told, advance } = handler();
    for (let crash = 0; crash < 20; crash++) {
      assert.strictEqual(instance.closed().action, CloseAction.Restart, `crash ${crash}`);
      advance(60000);
    }
    assert.strictEqual(told.restarted, 1);
    assert.strictEqual(told.gaveUp, 0);
  });

  it('marks every result as handled, so the language client shows no message of its own', () => {
    const { instance } = handler();
    assert.strictEqual(instance.closed().handled, true);
    const error = instance.error(new Error('write EPIPE'), undefined, 1);
    assert.deepStrictEqual(error, { action: ErrorAction.Continue, handled: true });
    assert.strictEqual(instance.error(new Error('write EPIPE'), undefined, 4).action, ErrorAction.Shutdown);
  });
});

describe('server crashes', () => {
  after(closeAllEditors);

  /** The language server processes this extension host started (the tests run in the extension host). */
  function serverPids(): number[] {
    const output = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
    return output
      .split('\n')
      .filter((line) => /dist\/server\.js/.test(line))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  }

  it('restarts the server when it dies, and hovers work again', async function () {
    this.timeout(90000);
    const { document } = await open('sdk-logs', 'huaweicloud-sdk-python.log');
    const position = positionOf(document, 'AIS.0101');
    await hoverAt(document.uri, position, /does not meet the requirements/);
    for (let crash = 1; crash <= 2; crash++) {
      const [pid] = await waitFor(() => {
        const pids = serverPids();
        return pids.length === 1 ? pids : undefined;
      }, 20000, 'one running server process');
      process.kill(pid, 'SIGKILL');
      await waitFor(() => {
        const pids = serverPids();
        return pids.length === 1 && pids[0] !== pid;
      }, 30000, `a new server process after crash ${crash}`);
      await hoverAt(document.uri, position, /does not meet the requirements/);
    }
  });
});
