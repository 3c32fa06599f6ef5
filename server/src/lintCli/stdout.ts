// The linter's stdout, written to file descriptor 1 directly. process.stdout is a stream: creating it
// loads node:stream (and node:net on a pipe), some milliseconds of every CI start for a report that
// is written once, at the end (docs/performance.md, workload 11). A descriptor that would block
// (EAGAIN: a non-blocking pipe whose reader is behind) gets the rest, and everything after, through
// process.stdout, which waits for the reader; a reader that has gone (EPIPE: `| head`) gets nothing more.
import { writeSync } from 'node:fs';

let viaStream = false;
let closed = false;

/** Writes `text` to stdout, all of it before returning unless the descriptor would block. */
export function writeStdout(text: string): void {
  if (closed) return;
  if (viaStream) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') closed = true;
    else if (code === 'EAGAIN') {
      viaStream = true;
      process.stdout.write(bytes.subarray(written));
    } else throw error;
  }
}

/** stdout as the report writers take it. */
export const stdout = { write: writeStdout };
