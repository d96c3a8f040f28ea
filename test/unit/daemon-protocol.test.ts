// Which command lines and environments use the warm audit process (src/node/daemon-protocol.ts). The process itself
// is tested for real in test/integration/daemon.test.ts.
import { strict as assert } from 'node:assert';
import { daemonDisabled, wantsDaemon } from '../../src/node/daemon-protocol';

describe('audit --daemon: when the warm process is asked', () => {
  it('only for audit with --daemon, the last of --daemon and --no-daemon winning, and not after --', () => {
    assert.equal(wantsDaemon(['audit', '--staged', '--daemon']), true);
    assert.equal(wantsDaemon(['audit', '--daemon', 'src', '--format', 'json']), true);
    assert.equal(wantsDaemon(['audit', '--daemon', '--no-daemon']), false);
    assert.equal(wantsDaemon(['audit', '--no-daemon', '--daemon']), true);
    assert.equal(wantsDaemon(['audit', '--staged']), false);
    assert.equal(wantsDaemon(['audit', '--', '--daemon']), false);
    assert.equal(wantsDaemon(['inventory', '--daemon']), false);
    assert.equal(wantsDaemon(['--daemon']), false);
    assert.equal(wantsDaemon([]), false);
  });

  it('not with AGENT_GUARDRAIL_DAEMON=0 or false, nor on a CI service', () => {
    assert.equal(daemonDisabled({}), false);
    assert.equal(daemonDisabled({ AGENT_GUARDRAIL_DAEMON: '1' }), false);
    assert.equal(daemonDisabled({ AGENT_GUARDRAIL_DAEMON: '0' }), true);
    assert.equal(daemonDisabled({ AGENT_GUARDRAIL_DAEMON: 'false' }), true);
    assert.equal(daemonDisabled({ CI: 'true' }), true);
    assert.equal(daemonDisabled({ CI: '1' }), true);
    assert.equal(daemonDisabled({ CI: '' }), false);
    assert.equal(daemonDisabled({ CI: '0' }), false);
    assert.equal(daemonDisabled({ CI: 'false' }), false);
  });
});
