// A kernel that loses the port race at start (another process took one of the ports Jupyter chose
// before the JVM could bind it; seen on a 30-student hub) must come back on new ports, under the
// single-user server options the class uses (hub.mjs RESTART_ON_NEW_PORTS). The first launch of
// this kernelspec keeps its connection file, waits past jupyter_client's default 10 s of "stable
// start" as a JVM under load does, and exits 1 as the kernel does when a port is taken.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hub } from '../classroom/hub.mjs';
import { stopLeftovers } from '../classroom/processes.mjs';
import { Student } from '../classroom/student.mjs';
import { ARTIFACTS, installKernel } from './helpers.mjs';

const FIRST_START_FAILS = `#!/bin/bash
launches="$(dirname "$0")/launches"
mkdir -p "$launches"
n=$(ls "$launches" | wc -l)
cp "\${@: -1}" "$launches/$n.json"
if [ "$n" = 0 ]; then sleep 12; exit 1; fi
exec "$@"
`;

let dir;
let hub;
let student;
let specDir;

before(async () => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'jtorch-portrace-')));
  const jupyterPath = installKernel(join(dir, 'jupyter'));
  const spec = JSON.parse(readFileSync(join(jupyterPath, 'kernels', 'jtorch', 'kernel.json'), 'utf8'));
  specDir = join(jupyterPath, 'kernels', 'jtorch-first-start-fails');
  mkdirSync(specDir);
  writeFileSync(join(specDir, 'launch.sh'), FIRST_START_FAILS, { mode: 0o755 });
  writeFileSync(join(specDir, 'kernel.json'), JSON.stringify({ ...spec, argv: ['bash', join(specDir, 'launch.sh'), ...spec.argv] }));
  // The server waits kernel_info_timeout (60 s) for the dead first launch before it opens the
  // websocket; 20 s keeps the test short and changes nothing about the ports.
  hub = new Hub({ dir, jupyterPath, logDir: join(ARTIFACTS, 'classroom-port-race'),
    extraConfig: "c.Spawner.args.append('--MappingKernelManager.kernel_info_timeout=20')" });
  await hub.start();
});

after(async () => {
  await student?.close();
  await hub?.stop().catch(() => {});
  await stopLeftovers(dir);
  rmSync(dir, { recursive: true, force: true });
});

test('a kernel that dies at start after 12 s is restarted on five new ports and works', async () => {
  const { late: token } = await hub.createUsers(['late']);
  student = new Student('late', await hub.startServer('late', 120_000), token);
  await student.open('late.ipynb', { kernelName: 'jtorch-first-start-fails' });
  const result = await student.execute('1 + 1');
  assert.equal(result.outputs.find((o) => o.output_type === 'execute_result')?.data['text/plain'], '2');
  const ports = (n) => {
    const c = JSON.parse(readFileSync(join(specDir, 'launches', `${n}.json`), 'utf8'));
    return [c.shell_port, c.iopub_port, c.stdin_port, c.control_port, c.hb_port];
  };
  assert.equal(readdirSync(join(specDir, 'launches')).length, 2, 'launched twice');
  const [first, second] = [ports(0), ports(1)];
  assert.deepEqual(first.filter((p) => second.includes(p)), [], `ports ${first} then ${second}`);
});
