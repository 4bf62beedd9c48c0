/**
 * The screen-pop bench runs the whole world on one machine: the agent's desk and Chromium (what is measured),
 * and the parts that are never on the agent's PC — the debtor's softphone (a second Chromium), the PBX (Kamailio)
 * and the test driver (this Node process, Playwright's client). On a 2-core machine those compete with the desk
 * for the CPU in exactly the milliseconds a call is being set up. Giving them a lower scheduling priority (nice
 * 10) keeps them running (they only wait when the desk needs the CPU), which is what having them on other
 * machines would give. Linux only; elsewhere, and for processes already gone, this does nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

export const HARNESS_NICE = 10;

/** The numeric entries of a /proc folder (pids in /proc, thread ids in /proc/<pid>/task); null without it. */
function ids(dir: string): string[] | null {
  try {
    return readdirSync(dir).filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
}

/** Pids whose command line contains `marker` (e.g. a Chromium's user-data-dir, Kamailio's config dir). */
export function pidsWithArg(marker: string): number[] {
  const out: number[] = [];
  for (const e of ids('/proc') ?? []) {
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(marker)) out.push(Number(e));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** These pids and every process below them (Chromium's renderer, GPU and utility processes; Kamailio's workers). */
export function withDescendants(roots: number[]): number[] {
  const children = new Map<number, number[]>();
  const entries = ids('/proc');
  if (!entries) return roots;
  for (const e of entries) {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // gone meanwhile
    }
  }
  const out = new Set<number>();
  const walk = (pid: number) => {
    if (out.has(pid)) return;
    out.add(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  roots.forEach(walk);
  return [...out];
}

/**
 * Every thread of these processes. Linux keeps a nice value per thread: renicing a process's pid reaches its
 * main thread only, while Chromium does most of a call's work on others (IO, compositor, audio, thread pool).
 */
export function threadsOf(pids: number[]): number[] {
  const out: number[] = [];
  for (const pid of pids) {
    const tids = ids(`/proc/${pid}/task`);
    if (tids) out.push(...tids.map(Number));
    else out.push(pid); // gone meanwhile, or no /proc: the pid itself
  }
  return out;
}

/**
 * Lowers the priority of every thread of these processes (and of this one with `self`); returns how many threads
 * it reached. Threads they start later inherit it from the thread that starts them.
 */
export function deprioritize(pids: number[], opts: { self?: boolean } = {}): number {
  let n = 0;
  for (const tid of threadsOf(opts.self ? [...pids, process.pid] : pids)) {
    try {
      setPriority(tid, HARNESS_NICE);
      n++;
    } catch {
      // exited, or not ours
    }
  }
  return n;
}
