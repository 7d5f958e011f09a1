/** CPU time and memory of another process, read from /proc (Linux only). */

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time the process has used so far, in milliseconds (resolution: one clock tick). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces and parentheses: fields are counted after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicks();
}

export interface Memory {
  /** Resident set size now, MB. */
  rssMb: number;
  /** Highest resident set size since the process started, MB. */
  peakRssMb: number;
}

export function memory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** Samples RSS every `everyMs` until stopped; returns the highest value seen. */
export function sampleRss(pid: number, everyMs = 100): { stop(): number; max(): number } {
  let max = 0;
  const take = (): void => {
    try {
      max = Math.max(max, memory(pid).rssMb);
    } catch {
      // The process is gone (durability kills it on purpose).
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    max: () => max,
    stop: () => {
      clearInterval(timer);
      take();
      return max;
    },
  };
}

/** CPU time used between `start()` and `stop()`, in ms. */
export function cpuMeter(pid: number): { stop(): number } {
  const from = cpuMs(pid);
  return { stop: () => cpuMs(pid) - from };
}
