// Shared set-up for the end-to-end tests: the freshly built kernel installed under a private
// prefix, and a real Jupyter server (Debian's jupyter-notebook or jupyter-server) on 127.0.0.1
// with a random token, started and stopped by the test that needs it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'e2e', 'target');
export const KERNEL_JAR = join(ROOT, 'kernel', 'target', 'jtorch-kernel.jar');

/** A scratch directory (its path has a space, as users' paths do). */
export function scratchDir(label) {
  const dir = join(mkdtempSync(join(tmpdir(), `jtorch-${label}-`)), 'work dir');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Installs the built kernel jar as the `jtorch` kernelspec under `prefix`, with `jvmOpts` added
 * to its kernel.json; returns its data dir.
 */
export function installKernel(prefix, jvmOpts = []) {
  if (!existsSync(KERNEL_JAR)) {
    throw new Error(`build the kernel first (mvn package): ${KERNEL_JAR} is missing`);
  }
  const run = spawnSync('bash', [join(ROOT, 'install', 'install.sh'), '--prefix', prefix,
    '--jar', KERNEL_JAR, ...jvmOpts.flatMap((opt) => ['--jvm-opt', opt])], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`install.sh failed:\n${run.stdout}\n${run.stderr}`);
  }
  return join(prefix, 'share', 'jupyter');
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `jupyter <app>` ('notebook' or 'server') on 127.0.0.1 with a random token, serving
 * `rootDir`, with the kernelspecs of `jupyterPath` first. Resolves once /api/status answers.
 */
export async function startJupyter(app, { rootDir, jupyterPath, logName }) {
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const cls = app === 'notebook' ? 'NotebookApp' : 'ServerApp';
  const home = join(dirname(rootDir), 'home');
  mkdirSync(join(home, 'config'), { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const args = [app, '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
    `--${cls}.token=${token}`, `--${cls}.${app === 'notebook' ? 'notebook_dir' : 'root_dir'}=${rootDir}`];
  if (process.getuid && process.getuid() === 0) args.push('--allow-root');
  const env = {
    ...process.env,
    JUPYTER_PATH: jupyterPath,
    JUPYTER_CONFIG_DIR: join(home, 'config'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
    JUPYTER_DATA_DIR: join(home, 'data'),
  };
  const child = spawn('jupyter', args, { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(ARTIFACTS, logName));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(r, 250, null))]);
    if (early) throw new Error(`jupyter ${app} exited (${JSON.stringify(early)}); see e2e/target/${logName}`);
    try {
      const res = await fetch(`${baseUrl}api/status`, { headers: { Authorization: `token ${token}` } });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`jupyter ${app} did not answer within 60 s; see e2e/target/${logName}`);
    }
  }

  return {
    baseUrl,
    token,
    /** Shuts down its kernels through the REST API, then stops the server process. */
    async stop() {
      const headers = { Authorization: `token ${token}` };
      try {
        const kernels = await (await fetch(`${baseUrl}api/kernels`, { headers })).json();
        await Promise.all(kernels.map((k) =>
          fetch(`${baseUrl}api/kernels/${k.id}`, { method: 'DELETE', headers })));
      } catch { /* the server is already gone */ }
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
