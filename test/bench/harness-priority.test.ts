import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deprioritize, HARNESS_NICE, threadsOf, withDescendants } from './harness-priority';

/** The nice value of one thread (/proc/<pid>/task/<tid>/stat, field 19). */
const niceOf = (pid: number, tid: number) => {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

describe.runIf(process.platform === 'linux')('harness priority', () => {
  it('lowers every thread of a process and of its children, not only their main threads', async () => {
    // A parent with a worker thread (a second thread) that starts a child process, as Chromium does.
    const code = `const { Worker } = require('node:worker_threads');
      new Worker('setInterval(() => {}, 1000)', { eval: true });
      require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      setTimeout(() => console.log('up'), 300); setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve) => parent.stdout!.once('data', () => resolve()));
      const pids = withDescendants([parent.pid!]);
      expect(pids.length).toBe(2);
      const tids = threadsOf(pids);
      expect(tids.length).toBeGreaterThan(pids.length); // Node runs several threads per process
      expect(deprioritize(pids)).toBe(tids.length);
      for (const pid of pids) {
        for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) expect(niceOf(pid, tid)).toBe(HARNESS_NICE);
      }
    } finally {
      for (const pid of withDescendants([parent.pid!]).reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
  });
});
