import { readFileSync } from 'node:fs';

/** Linux clock ticks a second (USER_HZ), which /proc reports CPU time in. */
const CLOCK_TICKS_PER_S = 100;
/** utime and stime are fields 14 and 15 of /proc/<pid>/stat; after the ")" they are 12 and 13. */
const UTIME_AFTER_COMM = 11;

/**
 * CPU seconds (user + system) a process has used, read from /proc so that a busy process is
 * measured without its cooperation; undefined where /proc is missing.
 */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[UTIME_AFTER_COMM]) + Number(fields[UTIME_AFTER_COMM + 1])) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}
