/** Line diff (longest common subsequence) for comparing two versions' YAML. */
export type DiffLine = { op: "same" | "add" | "del"; text: string };

const MAX_CELLS = 4_000_000;

export function diffLines(a: string, b: string): DiffLine[] {
  const x = a.split("\n");
  const y = b.split("\n");
  // Trim the common head and tail: most versions differ in a few lines.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const out: DiffLine[] = x.slice(0, head).map((text) => ({ op: "same", text }));
  if (xs.length * ys.length > MAX_CELLS) {
    out.push(...xs.map((text) => ({ op: "del" as const, text })), ...ys.map((text) => ({ op: "add" as const, text })));
  } else {
    out.push(...lcsDiff(xs, ys));
  }
  out.push(...x.slice(x.length - tail).map((text) => ({ op: "same" as const, text })));
  return out;
}

function lcsDiff(xs: string[], ys: string[]): DiffLine[] {
  const n = xs.length;
  const m = ys.length;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      t[i * w + j] = xs[i] === ys[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (xs[i] === ys[j]) {
      out.push({ op: "same", text: xs[i]! });
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) out.push({ op: "del", text: xs[i++]! });
    else out.push({ op: "add", text: ys[j++]! });
  }
  while (i < n) out.push({ op: "del", text: xs[i++]! });
  while (j < m) out.push({ op: "add", text: ys[j++]! });
  return out;
}
