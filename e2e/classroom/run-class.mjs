#!/usr/bin/env node
// The class-load run: one JupyterHub on loopback, N students each opening a `jtorch` kernel on
// their own single-user server and running the whole course notebook cell by cell, all at once.
//
//   node e2e/classroom/run-class.mjs [--users N] [--notebook PATH] [--kernel NAME]
//        [--jvm-opt=OPT]... [--hub-config 'PYTHON LINE']... [--no-restart] [--json FILE]
//        [--timeout SECONDS]
//
// --kernel python3 with --notebook ../shared/reference/seed/executed.ipynb runs the original
// PyTorch course on ipykernel + torch the same way: the side-by-side reference.
// --jvm-opt=OPT (with "=", as OPT starts with a dash) goes into the installed kernel.json
// (install.sh --jvm-opt); --hub-config lines are appended to the generated jupyterhub_config.py
// (e.g. 'c.Spawner.debug = True').
//
// First one user runs the course alone (the single-user reference), then the N students run it
// at the same time; every student's outputs must equal the reference. Then the hub process is
// restarted and every kernel must still hold its state. Prints the summary row of
// docs/classroom.md and the per-cell latencies; exits 1 when a cell differs, a kernel died or
// state was lost. Everything runs under a fresh temporary directory and is stopped at the end.
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTIFACTS, ROOT, installKernel } from '../tests/helpers.mjs';
import { Hub } from './hub.mjs';
import { Sampler, classProcesses, pssKiB, stopLeftovers } from './processes.mjs';
import { SUMMARY_HEADER, cellTable, mismatches, summarise, summaryRow } from './report.mjs';
import { Student } from './student.mjs';

export const COURSE = join(ROOT, 'notebooks', 'pytorch-basics.ipynb');

/** The non-empty code cells of a notebook, as the strings a frontend sends. */
export function codeCells(path) {
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  return nb.cells.filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source))
    .filter((source) => source.trim() !== '');
}

const pad = (i) => String(i).padStart(2, '0');

/** The pid of each student's kernel process, by user name. */
function kernelPids(dir) {
  return Object.fromEntries(classProcesses(dir).filter((p) => p.role === 'kernel').map((p) => [p.user, p.pid]));
}

/**
 * Restarts the hub process while every student's kernel holds a value, then asks each kernel for
 * it over the student's open connection (the proxy stays up, as the hub's own does in production).
 */
async function restartHub(hub, students, dir) {
  await Promise.all(students.map(async (s, i) => {
    const python = (await s.kernel.info).language_info.name === 'python';
    await s.execute(python ? `hubRestartProbe = ${i + 1}` : `var hubRestartProbe = ${i + 1};`);
  }));
  const pidsBefore = kernelPids(dir);
  const started = performance.now();
  await hub.restartHub();
  const restartMs = performance.now() - started;
  const ready = (await Promise.all(students.map((s) => hub.api('GET', `users/${s.name}`))))
    .filter((u) => u.servers?.['']?.ready);
  const answers = await Promise.all(students.map((s) => s.execute('hubRestartProbe')));
  const kept = answers.filter((a, i) =>
    a.outputs.some((o) => o.output_type === 'execute_result' && o.data['text/plain'] === String(i + 1))).length;
  const pidsAfter = kernelPids(dir);
  const samePids = students.filter((s) => pidsBefore[s.name] && pidsBefore[s.name] === pidsAfter[s.name]).length;
  return { checked: students.length, kept, serversReady: ready.length, samePids, restartMs };
}

/**
 * One student alone on the machine runs the course: the outputs every student of the class must
 * reproduce. The student is in `run.students` while connected, so a failure closes their kernel.
 */
async function singleUserReference(hub, token, dir, run, within, log) {
  const solo = new Student('solo', await within(hub.startServer('solo', 600_000)), token);
  run.students.push(solo);
  const sampler = new Sampler(dir);
  sampler.start();
  await within(solo.open(run.notebookName, { kernelName: run.kernel }));
  const reference = await within(solo.runCells(run.sources));
  sampler.stop();
  log(`single-user reference: ${run.sources.length} cells in ${(solo.courseMs / 1000).toFixed(1)} s`);
  await solo.close();
  run.students.pop();
  await within(hub.stopServer('solo'));
  return { reference, solo: { openMs: solo.openMs, courseMs: solo.courseMs, kernel: sampler.processes('kernel')[0] } };
}

/**
 * Runs the class; resolves to everything measured (report.mjs summarise() reduces it). `log`
 * gets progress lines. The hub and every process of the class are stopped before it resolves.
 */
export async function runClass({ users = 4, notebook = COURSE, kernel = 'jtorch', jvmOpts = [], hubConfig = [],
  restart = true, timeoutMs = 30 * 60_000, signal, log = () => {} } = {}) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'jtorch-classroom-')));
  const logDir = join(ARTIFACTS, `classroom-${users}`);
  const hub = new Hub({ dir, jupyterPath: installKernel(join(dir, 'jupyter'), jvmOpts), logDir,
    extraConfig: hubConfig.join('\n') });
  const sources = codeCells(notebook);
  const notebookName = basename(notebook);
  const names = Array.from({ length: users }, (_, i) => `student${pad(i + 1)}`);
  const students = [];
  const run = { notebookName, kernel, sources, students };
  let timer;
  let progress;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the class run took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    signal?.addEventListener('abort', () => reject(new Error('the class run was stopped')));
  });
  deadline.catch(() => {});
  const within = (promise) => Promise.race([promise, deadline]);
  try {
    await within(hub.start());
    log(`hub on ${hub.url} (run directory ${dir}, logs in ${logDir})`);
    const tokens = await within(hub.createUsers(['solo', ...names]));

    const { reference, solo } = await singleUserReference(hub, tokens.solo, dir, run, within, log);

    // The class: all servers, then all kernels, then the course, everyone at once.
    const loadBefore = loadavg()[0];
    const sampler = new Sampler(dir);
    sampler.start();
    let started = performance.now();
    students.push(...await within(Promise.all(names.map(async (name) =>
      new Student(name, await hub.startServer(name, timeoutMs), tokens[name])))));
    const serversReadyMs = performance.now() - started;
    log(`${users} servers ready in ${(serversReadyMs / 1000).toFixed(1)} s`);
    progress = setInterval(() => log(`progress: ${students.filter((s) => s.openMs).length}/${users} `
      + `kernels open, ${students.reduce((n, s) => n + (s.cells?.length ?? 0), 0)}/${users * sources.length} cells run`), 15_000);
    progress.unref();
    await within(Promise.all(students.map((s) => s.open(notebookName, { kernelName: kernel }))));
    const cpuAtOpen = new Map(classProcesses(dir).map((p) => [p.pid, p.cpuSeconds]));
    started = performance.now();
    await within(Promise.all(students.map((s) => s.runCells(sources))));
    const classWallMs = performance.now() - started;
    clearInterval(progress);
    sampler.stop();
    const alive = new Set(classProcesses(dir).map((p) => p.pid)); // without kernels that died at start
    const pssAfterCourse = Object.fromEntries(['kernel', 'server'].map((role) =>
      [role, sampler.processes(role).reduce((sum, p) => sum + (alive.has(p.pid) ? pssKiB(p.pid) : 0), 0)]));
    const loadAfter = loadavg()[0];
    log(`${users} students ran the course in ${(classWallMs / 1000).toFixed(1)} s`);

    const result = {
      sources, reference, students: students.map((s) => s.record()), serversReadyMs, classWallMs, loadBefore, loadAfter,
      kernels: sampler.processes('kernel').filter((k) => alive.has(k.pid))
        .map((k) => ({ ...k, cpuAtOpen: cpuAtOpen.get(k.pid) ?? 0 })),
      pssAfterCourse,
      peakTotalKiB: sampler.peakTotalKiB,
      solo,
      mismatches: mismatches(reference, students),
    };
    result.restart = restart ? await within(restartHub(hub, students, dir)) : null;
    const atEnd = kernelPids(dir);
    result.deadKernels = result.students.filter((s) => s.kernelEvents.length > 0
      || !result.kernels.some((k) => k.user === s.name && atEnd[s.name] === k.pid)).map((s) => s.name);
    return { ...result, dir };
  } finally {
    clearTimeout(timer);
    clearInterval(progress);
    await Promise.all(students.map((s) => s.close()));
    await hub.stop().catch(() => {});
    const killed = await stopLeftovers(dir);
    if (killed.length) log(`stopped ${killed.length} leftover processes`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the run met the functional targets: same outputs, no dead kernel, state kept. */
export function passed(run) {
  return run.mismatches.length === 0 && run.deadKernels.length === 0
    && (!run.restart || run.restart.kept === run.restart.checked);
}

async function main() {
  const { values } = parseArgs({ options: {
    users: { type: 'string', default: '4' },
    notebook: { type: 'string', default: COURSE },
    kernel: { type: 'string', default: 'jtorch' },
    'jvm-opt': { type: 'string', multiple: true, default: [] },
    'hub-config': { type: 'string', multiple: true, default: [] },
    'no-restart': { type: 'boolean', default: false },
    json: { type: 'string' },
    timeout: { type: 'string', default: '1800' },
  } });
  const users = Number(values.users);
  if (!Number.isInteger(users) || users < 1) throw new Error(`--users needs a positive integer, got '${values.users}'`);
  console.debug = console.error; // @jupyterlab/services logs its websockets; stdout is the report
  const stop = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop.abort());
  const run = await runClass({ users, notebook: resolve(values.notebook), kernel: values.kernel,
    jvmOpts: values['jvm-opt'],
    hubConfig: values['hub-config'],
    restart: !values['no-restart'], timeoutMs: Number(values.timeout) * 1000, signal: stop.signal,
    log: (line) => console.error(`run-class: ${line}`) });
  const summary = summarise(run);
  const report = [SUMMARY_HEADER, summaryRow(summary), '', cellTable(run.sources, run.students)];
  for (const m of run.mismatches.slice(0, 5)) {
    report.push('', `${m.student}, cell ${m.cell + 1} differs from the single-user run:`,
      `  expected ${m.expected}`, `  actual   ${m.actual}`);
  }
  process.stdout.write(`${report.join('\n')}\n`);
  if (values.json) writeFileSync(values.json, JSON.stringify({ summary, run }, null, 1));
  process.exitCode = passed(run) ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((e) => { console.error(`run-class: ${e.stack ?? e}`); process.exitCode = 2; });
}
