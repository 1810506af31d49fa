// What a class run measured, reduced to comparable outputs, percentiles and markdown tables.

// The parts of an output that differ between two runs of the same cell: the same list as
// VOLATILE in notebooks/tests/test_notebooks.py (addresses, identity hash codes, timings).
const VOLATILE = [
  [/0x[0-9a-fA-F]+/g, '0x…'],
  [/@[0-9a-f]{5,8}\b/g, '@…'],
  [/\d+(?:\.\d+)?\s*(?:ns|µs|us|ms|s)\b/g, '<time>'],
];
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

function mask(value) {
  if (typeof value === 'string') return VOLATILE.reduce((s, [re, by]) => s.replace(re, by), value.replace(ANSI, ''));
  if (Array.isArray(value)) return value.map(mask);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, mask(value[k])]));
  }
  return value;
}

/**
 * A cell's outputs (and the pages of its reply's payload) as one comparable string: streams of
 * one name merged, volatile parts masked.
 */
export function normalisedOutputs(outputs, payload = []) {
  const merged = [];
  for (const out of outputs) {
    const last = merged[merged.length - 1];
    if (out.output_type === 'stream' && last?.output_type === 'stream' && last.name === out.name) {
      last.text += out.text;
    } else {
      merged.push({ ...out });
    }
  }
  return JSON.stringify(mask([...merged.map((o) => Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined))), ...payload]));
}

/** The nearest-rank percentile `p` (0..1) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const median = (values) => percentile(values, 0.5);

/**
 * Compares every student's cells with the reference run: resolves to a list of
 * { student, cell, expected, actual } for the cells whose outputs differ.
 */
export function mismatches(reference, students) {
  const found = [];
  for (const student of students) {
    reference.forEach((ref, cell) => {
      const got = student.cells[cell];
      const expected = `${ref.status} ${normalisedOutputs(ref.outputs, ref.payload)}`;
      const actual = got ? `${got.status} ${normalisedOutputs(got.outputs, got.payload)}` : '(not run)';
      if (expected !== actual) found.push({ student: student.name, cell, expected, actual });
    });
  }
  return found;
}

/** The figures of one class run (see run-class.mjs for `run`). */
export function summarise(run) {
  const cellMs = run.students.flatMap((s) => s.cells.map((c) => c.ms));
  const kernels = run.kernels;
  return {
    users: run.students.length,
    loadBefore: run.loadBefore,
    loadAfter: run.loadAfter,
    serversReadyS: run.serversReadyMs / 1000,
    kernelOpenP50S: median(run.students.map((s) => s.openMs)) / 1000,
    kernelOpenMaxS: Math.max(...run.students.map((s) => s.openMs)) / 1000,
    cellP50Ms: median(cellMs),
    cellP95Ms: percentile(cellMs, 0.95),
    cellMaxMs: Math.max(...cellMs),
    courseMedianS: median(run.students.map((s) => s.courseMs)) / 1000,
    courseMaxS: Math.max(...run.students.map((s) => s.courseMs)) / 1000,
    classWallS: run.classWallMs / 1000,
    kernelRssMedianMiB: median(kernels.map((k) => k.rssKiB)) / 1024,
    kernelRssPeakMaxMiB: Math.max(...kernels.map((k) => k.peakKiB)) / 1024,
    kernelsTotalPeakMiB: (run.peakTotalKiB.kernel ?? 0) / 1024,
    serversTotalPeakMiB: (run.peakTotalKiB.server ?? 0) / 1024,
    hubProxyPeakMiB: ((run.peakTotalKiB.hub ?? 0) + (run.peakTotalKiB.proxy ?? 0)) / 1024,
    kernelCpuOpenMedianS: median(kernels.map((k) => k.cpuAtOpen)),
    kernelCpuCourseMedianS: median(kernels.map((k) => k.cpuSeconds - k.cpuAtOpen)),
    kernelsPssMiB: run.pssAfterCourse.kernel / 1024,
    serversPssMiB: run.pssAfterCourse.server / 1024,
    mismatchedCells: run.mismatches.length,
    deadKernels: run.deadKernels.length,
    unansweredInfo: run.students.reduce((n, s) => n + s.unansweredInfo, 0),
    startRestarts: run.students.reduce((n, s) => n + s.startRestarts, 0),
    restart: run.restart,
  };
}

export const SUMMARY_HEADER = [
  '| N | load 1-min before → after | servers ready (s) | kernel open p50 / max (s) '
  + '| cell p50 / p95 / max (ms) | course median / max (s) | kernel RSS after course median / peak max (MiB) '
  + "| all kernels' RSS peak / PSS after course (MiB) | servers' RSS peak / PSS (MiB) | hub+proxy RSS (MiB) "
  + '| kernel CPU start / course (s) '
  + '| cells ≠ single-user | dead kernels | restarts at start / kernel_info asked again '
  + '| state kept over hub restart |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
].join('\n');

export function summaryRow(s) {
  const restart = s.restart ? `${s.restart.kept}/${s.restart.checked}` : 'not tried';
  return `| ${s.users} | ${s.loadBefore.toFixed(2)} → ${s.loadAfter.toFixed(2)} | ${s.serversReadyS.toFixed(1)} `
    + `| ${s.kernelOpenP50S.toFixed(2)} / ${s.kernelOpenMaxS.toFixed(2)} `
    + `| ${s.cellP50Ms.toFixed(0)} / ${s.cellP95Ms.toFixed(0)} / ${s.cellMaxMs.toFixed(0)} `
    + `| ${s.courseMedianS.toFixed(1)} / ${s.courseMaxS.toFixed(1)} `
    + `| ${s.kernelRssMedianMiB.toFixed(0)} / ${s.kernelRssPeakMaxMiB.toFixed(0)} `
    + `| ${s.kernelsTotalPeakMiB.toFixed(0)} / ${s.kernelsPssMiB.toFixed(0)} `
    + `| ${s.serversTotalPeakMiB.toFixed(0)} / ${s.serversPssMiB.toFixed(0)} | ${s.hubProxyPeakMiB.toFixed(0)} `
    + `| ${s.kernelCpuOpenMedianS.toFixed(1)} / ${s.kernelCpuCourseMedianS.toFixed(1)} `
    + `| ${s.mismatchedCells} | ${s.deadKernels} | ${s.startRestarts} / ${s.unansweredInfo} | ${restart} |`;
}

/** Per cell: its first source line and the latency p50 / p95 / max across students. */
export function cellTable(sources, students) {
  const rows = sources.map((source, i) => {
    const ms = students.map((s) => s.cells[i]?.ms).filter((v) => v !== undefined);
    const line = source.split('\n')[0].replace(/\|/g, '\\|').slice(0, 60);
    return `| ${i + 1} | \`${line}\` | ${median(ms).toFixed(0)} | ${percentile(ms, 0.95).toFixed(0)} `
      + `| ${Math.max(...ms).toFixed(0)} |`;
  });
  return ['| cell | first line | p50 (ms) | p95 (ms) | max (ms) |', '|---|---|---|---|---|', ...rows].join('\n');
}
