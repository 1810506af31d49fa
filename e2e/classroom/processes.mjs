// The processes of one class run, read from /proc (Linux): found by their working directory,
// which is the run directory or a user's home under it (see hub.mjs), classified as hub, proxy, single-user server or kernel, and
// measured (resident memory, CPU time). Also stops whatever of them is left at the end.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { sleep } from '../tests/helpers.mjs';

const USER_HZ = 100; // /proc reports CPU times in USER_HZ ticks, 100 on every Linux ABI

function readProc(pid, file, read = (path) => readFileSync(path, 'utf8')) {
  try {
    return read(`/proc/${pid}/${file}`);
  } catch {
    return null; // gone, or not ours to read
  }
}

function role(args) {
  if (args.some((a) => a.endsWith('jtorch-kernel.jar') || a === 'ipykernel_launcher')) return 'kernel';
  if (args.some((a) => a.endsWith('jupyterhub-singleuser'))) return 'server';
  if (args.some((a) => a.endsWith('configurable-http-proxy'))) return 'proxy';
  if (args.some((a) => a.endsWith('jupyterhub'))) return 'hub';
  return 'other';
}

/**
 * Every live process working in `dir` or below: { pid, role, user, rssKiB, cpuSeconds }, where
 * `user` is the home `<dir>/home/<user>` a server or kernel works in.
 */
export function classProcesses(dir) {
  const found = [];
  const homes = `${dir}/home/`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cwd = readProc(entry, 'cwd', readlinkSync)?.replace(/ \(deleted\)$/, '');
    if (cwd !== dir && !cwd?.startsWith(`${dir}/`)) continue;
    const cmdline = readProc(entry, 'cmdline');
    const status = readProc(entry, 'status');
    const stat = readProc(entry, 'stat');
    if (!cmdline || !status || !stat) continue;
    const args = cmdline.split('\0').filter(Boolean);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields 3.. of proc(5)
    found.push({
      pid: Number(entry),
      role: role(args),
      user: cwd.startsWith(homes) ? cwd.slice(homes.length).split('/')[0] : null,
      rssKiB: rss ? Number(rss[1]) : 0,
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / USER_HZ, // utime + stime
    });
  }
  return found;
}

/**
 * The proportional set size of `pid` in KiB: its resident memory with each page shared with other
 * processes (the JVM's and Python's code, class-data archives) divided among them; summed over
 * processes it is their real footprint, where summed RSS counts shared pages once per process.
 */
export function pssKiB(pid) {
  const rollup = readProc(pid, 'smaps_rollup');
  const pss = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup);
  return pss ? Number(pss[1]) : 0;
}

/**
 * Samples the class's processes every `intervalMs` while running: per process the peak and the
 * latest RSS and CPU time; per sample the total RSS of each role.
 */
export class Sampler {
  constructor(dir, intervalMs = 1000) {
    this.dir = dir;
    this.intervalMs = intervalMs;
    this.byPid = new Map();
    this.peakTotalKiB = {};
  }

  sample() {
    const totals = {};
    for (const p of classProcesses(this.dir)) {
      const seen = this.byPid.get(p.pid);
      this.byPid.set(p.pid, { ...p, peakKiB: Math.max(p.rssKiB, seen?.peakKiB ?? 0) });
      totals[p.role] = (totals[p.role] ?? 0) + p.rssKiB;
    }
    for (const [r, kib] of Object.entries(totals)) {
      this.peakTotalKiB[r] = Math.max(kib, this.peakTotalKiB[r] ?? 0);
    }
  }

  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }

  /** The processes of `role` seen so far, with their last and peak RSS. */
  processes(role) {
    return [...this.byPid.values()].filter((p) => p.role === role);
  }
}

/** SIGTERM, then after `graceMs` SIGKILL, to every process that still names `dir`. */
export async function stopLeftovers(dir, graceMs = 10_000) {
  const signal = (sig) => classProcesses(dir).map((p) => {
    try {
      process.kill(p.pid, sig);
    } catch { /* already gone */ }
    return p;
  });
  if (signal('SIGTERM').length === 0) return [];
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && classProcesses(dir).length > 0) await sleep(200);
  return signal('SIGKILL');
}
