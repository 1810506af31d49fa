// Culling idle kernels on a hub, with the single-user server settings docs/classroom.md gives
// (timeouts shortened): a jtorch kernel left idle, with the student's tab still connected, is
// shut down by its server and its JVM ends, giving its memory back.
//
// The server counts a kernel's idle time from its start request and culls a kernel that is still
// starting too, so the timeout must exceed a JVM start on a loaded machine: 3 s culled kernels
// before they answered under load 12-27; 30 s is half the time the server itself waits for a
// start (kernel_info_timeout, 60 s).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hub } from '../classroom/hub.mjs';
import { classProcesses, stopLeftovers } from '../classroom/processes.mjs';
import { Student } from '../classroom/student.mjs';
import { ARTIFACTS, installKernel, sleep } from './helpers.mjs';

const CULL_AFTER_S = 30;
const CULLING = `c.Spawner.args.extend(['--MappingKernelManager.cull_idle_timeout=${CULL_AFTER_S}',
    '--MappingKernelManager.cull_interval=1', '--MappingKernelManager.cull_connected=True'])`;

let dir;
let hub;
let student;

before(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'jtorch-culling-')));
  hub = new Hub({ dir, jupyterPath: installKernel(join(dir, 'jupyter')),
    logDir: join(ARTIFACTS, 'classroom-culling'), extraConfig: CULLING });
  await hub.start();
});

after(async () => {
  await student?.close();
  await hub?.stop().catch(() => {});
  await stopLeftovers(dir);
  rmSync(dir, { recursive: true, force: true });
});

async function until(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

test('an idle jtorch kernel is culled while its tab is connected, and its JVM ends', async () => {
  const { idle: token } = await hub.createUsers(['idle']);
  student = new Student('idle', await hub.startServer('idle', 120_000), token);
  await student.open('idle.ipynb', { timeoutMs: 90_000 });
  assert.equal((await student.execute('var kept = torch.ones(2);', 60_000)).status, 'ok');
  const kernels = () => classProcesses(dir).filter((p) => p.role === 'kernel');
  assert.equal(kernels().length, 1);
  const listed = async () => (await fetch(`${hub.url}user/idle/api/kernels`,
    { headers: { Authorization: `token ${token}` } })).json();
  assert.equal((await listed()).length, 1);
  await until(async () => (await listed()).length === 0, (CULL_AFTER_S + 30) * 1000,
    'the server to cull the kernel');
  await until(() => kernels().length === 0, 30_000, 'the culled kernel process to end');
});
