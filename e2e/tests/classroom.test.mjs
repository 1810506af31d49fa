// A class at once: JupyterHub (Debian's, on 127.0.0.1) with four students, each opening a jtorch
// kernel through their single-user server as JupyterLab does and running the whole course cell
// by cell at the same time (e2e/classroom/run-class.mjs; the documented N = 30 run is the same
// code). Latencies and memory are reported, not asserted: docs/classroom.md has the measured table.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { classProcesses } from '../classroom/processes.mjs';
import { SUMMARY_HEADER, summarise, summaryRow } from '../classroom/report.mjs';
import { COURSE, runClass } from '../classroom/run-class.mjs';

const USERS = 4;
let run;

before(async () => {
  run = await runClass({ users: USERS, timeoutMs: 6 * 60_000, log: (line) => console.error(`classroom: ${line}`) });
  console.error(`${SUMMARY_HEADER}\n${summaryRow(summarise(run))}`);
});

test('the single-user run raises exactly the errors the committed course shows', () => {
  const committed = JSON.parse(readFileSync(COURSE, 'utf8')).cells
    .filter((c) => c.cell_type === 'code' && [c.source].flat().join('').trim() !== '')
    .map((c) => (c.outputs.some((o) => o.output_type === 'error') ? 'error' : 'ok'));
  assert.deepEqual(run.reference.map((c) => c.status), committed);
});

test('every student ran every cell with the outputs of the single-user run', () => {
  assert.equal(run.students.length, USERS);
  for (const student of run.students) assert.equal(student.cells.length, run.sources.length, student.name);
  assert.deepEqual(run.mismatches, []);
});

test('no kernel died or restarted', () => {
  assert.equal(run.kernels.length, USERS, 'one kernel process per student');
  assert.deepEqual(run.deadKernels, []);
});

test('a hub restart keeps every server, kernel process and kernel state', () => {
  assert.deepEqual({ ...run.restart, restartMs: undefined },
    { checked: USERS, kept: USERS, serversReady: USERS, samePids: USERS, restartMs: undefined });
});

test('nothing of the class is left running', () => {
  assert.deepEqual(classProcesses(run.dir), []);
});
