import type { ChildProcess } from 'node:child_process';

/** How a child process ended, with everything it printed. */
export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Collects a child's output and resolves when it has closed. Call it before the child can exit. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Resolves with the child's stdout so far once it matches `pattern`; rejects if the child exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in the output within ${timeoutMs} ms: ${text}`)), timeoutMs);
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before printing ${pattern}: ${text}`));
    });
  });
}
