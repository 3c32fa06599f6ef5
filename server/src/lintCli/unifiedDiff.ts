// Unified diffs for `--fix-dry-run`, in the form `git apply` and `patch -p1` read: `--- a/path`,
// `+++ b/path`, hunks with three lines of context. Lines keep their own endings, so a CRLF file's
// diff has CRLF lines and applies to it unchanged.

/** One line of the edit script: kept, removed from the old text, or added by the new. */
interface LineOp {
  op: ' ' | '-' | '+';
  line: string;
}

/**
 * Past this many differing lines the shortest edit script is not searched for (its trace grows with
 * the square): the changed span is then written as removed and added whole, still a correct diff.
 */
const MAX_EDIT_DISTANCE = 2000;

/** The unified diff from `oldText` to `newText`; empty when they are equal. */
export function unifiedDiff(oldText: string, newText: string, oldPath: string, newPath: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = lineOps(splitLines(oldText), splitLines(newText));
  let out = `--- ${oldPath}\n+++ ${newPath}\n`;
  for (const hunk of hunks(ops, context)) out += hunk;
  return out;
}

/** The lines of a text, each with its line ending ("\n" or "\r\n"); the last one may have none. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** The edit script: common head and tail kept, the middle by Myers' shortest edit script. */
function lineOps(a: string[], b: string[]): LineOp[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = shortestEdit(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [
    ...a.slice(0, head).map((line) => ({ op: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ op: ' ' as const, line })),
  ];
}

/** Myers' O(ND) algorithm, each change run written as its removals, then its additions. */
function shortestEdit(a: string[], b: string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return [...a.map((line) => ({ op: '-' as const, line })), ...b.map((line) => ({ op: '+' as const, line }))];
  // Walk the trace back from (n, m): each step is a diagonal run of kept lines and one edit.
  const reversed: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const before = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && before[offset + k - 1] < before[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = before[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      reversed.push({ op: ' ', line: a[--x] });
      y--;
    }
    if (down) reversed.push({ op: '+', line: b[--y] });
    else reversed.push({ op: '-', line: a[--x] });
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: ' ', line: a[--x] });
    y--;
  }
  return removalsFirst(reversed.reverse());
}

/** Within each run of changed lines, the removals before the additions, as diff(1) writes them. */
function removalsFirst(ops: LineOp[]): LineOp[] {
  const out: LineOp[] = [];
  for (let i = 0; i < ops.length;) {
    if (ops[i].op === ' ') {
      out.push(ops[i++]);
      continue;
    }
    let end = i;
    while (end < ops.length && ops[end].op !== ' ') end++;
    const run = ops.slice(i, end);
    out.push(...run.filter((o) => o.op === '-'), ...run.filter((o) => o.op === '+'));
    i = end;
  }
  return out;
}

/** The hunks of an edit script: changes with `context` kept lines around them, merged when their context meets. */
function hunks(ops: LineOp[], context: number): string[] {
  const changed = ops.flatMap((o, i) => (o.op === ' ' ? [] : [i]));
  const out: string[] = [];
  let first = 0;
  while (first < changed.length) {
    let last = first;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] - 1 <= 2 * context) last++;
    const start = Math.max(0, changed[first] - context);
    const end = Math.min(ops.length, changed[last] + context + 1);
    out.push(hunk(ops, start, end));
    first = last + 1;
  }
  return out;
}

function hunk(ops: LineOp[], start: number, end: number): string {
  // Line numbers (1-based) where the hunk starts in each text: the lines before it that each text has.
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < start; i++) {
    if (ops[i].op !== '+') oldLine++;
    if (ops[i].op !== '-') newLine++;
  }
  const body = ops.slice(start, end);
  const oldCount = body.filter((o) => o.op !== '+').length;
  const newCount = body.filter((o) => o.op !== '-').length;
  let text = `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
  for (const { op, line } of body) {
    text += op + line;
    if (!line.endsWith('\n')) text += '\n\\ No newline at end of file\n';
  }
  return text;
}

/** `start,count` as diff(1) writes it: the count left out when 1, an empty range starting at the line before it. */
function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}
