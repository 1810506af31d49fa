// The class-load run's arithmetic and output comparison (e2e/classroom/report.mjs), without a hub.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mismatches, normalisedOutputs, percentile } from '../classroom/report.mjs';

const stdout = (text) => ({ output_type: 'stream', name: 'stdout', text });

test('percentile is the nearest rank', () => {
  const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
  assert.equal(percentile(values, 0.5), 5);
  assert.equal(percentile(values, 0.95), 10);
  assert.equal(percentile([42], 0.95), 42);
  assert.ok(Number.isNaN(percentile([], 0.5)));
});

test('streams split differently compare equal; timings, addresses and hash codes are masked', () => {
  assert.equal(normalisedOutputs([stdout('a\n'), stdout('b\n')]), normalisedOutputs([stdout('a\nb\n')]));
  assert.equal(normalisedOutputs([stdout('Wall time: 12.5 ms, at 0x7f3a @1a2b3c4')]),
    normalisedOutputs([stdout('Wall time: 3 ms, at 0x1 @deadbee')]));
  assert.notEqual(normalisedOutputs([stdout('tensor(1.)\n')]), normalisedOutputs([stdout('tensor(2.)\n')]));
  assert.notEqual(normalisedOutputs([], [{ source: 'page', data: { 'text/plain': 'a' } }]),
    normalisedOutputs([], [{ source: 'page', data: { 'text/plain': 'b' } }]));
});

test('mismatches names the student and cell that differ, and cells never run', () => {
  const cell = (text, status = 'ok') => ({ status, outputs: [stdout(text)], payload: [] });
  const reference = [cell('1\n'), cell('2\n')];
  const students = [
    { name: 'same', cells: [cell('1\n'), cell('2\n')] },
    { name: 'other', cells: [cell('1\n'), cell('2\n', 'error')] },
    { name: 'short', cells: [cell('1\n')] },
  ];
  assert.deepEqual(mismatches(reference, students).map((m) => [m.student, m.cell, m.actual]), [
    ['other', 1, 'error [{"name":"stdout","output_type":"stream","text":"2\\n"}]'],
    ['short', 1, '(not run)'],
  ]);
});
