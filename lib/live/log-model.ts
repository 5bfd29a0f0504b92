/**
 * A step attempt's output as display lines: chunks (ordered by seq, stdout
 * and stderr interleaved) are cut at newlines; a line still being written is
 * kept open and continued by the next chunk of the same stream. Each line
 * records the ANSI style it starts with, so any line can be rendered alone
 * (virtualised view) with the colours the lines before it set.
 */
import { isPlain, PLAIN, sgrAfter, type SgrState } from "./ansi";
import type { LogChunkDto } from "./step-types";

export interface LogLine {
  /** Seq of the chunk the line starts in. */
  seq: number;
  stream: "stdout" | "stderr";
  text: string;
  /** Style at the start of the line; null = plain. */
  sgr: SgrState | null;
}

export interface LogModel {
  attempt: number;
  /** Every chunk loaded, by seq (for rebuilding when earlier output is loaded). */
  chunks: LogChunkDto[];
  /** Complete lines. */
  lines: LogLine[];
  /** The unterminated last line, if any. */
  open: LogLine | null;
  /** Style after the last complete line. */
  sgr: SgrState;
  firstSeq: number;
  lastSeq: number;
  hasEarlier: boolean;
  bytes: number;
}

export function emptyLog(attempt: number): LogModel {
  return { attempt, chunks: [], lines: [], open: null, sgr: PLAIN, firstSeq: 0, lastSeq: 0, hasEarlier: false, bytes: 0 };
}

/** Text after the last carriage return (progress bars redraw their line). */
const afterCr = (s: string) => {
  const i = s.lastIndexOf("\r", s.length - 2);
  return (i >= 0 ? s.slice(i + 1) : s).replace(/\r$/, "");
};

function build(base: Omit<LogModel, "chunks" | "firstSeq" | "lastSeq" | "hasEarlier" | "bytes">, chunks: readonly LogChunkDto[]) {
  const lines: LogLine[] = [];
  let open = base.open;
  let sgr = base.sgr;
  const close = (line: LogLine) => {
    const text = afterCr(line.text);
    const finished = { ...line, text, sgr: isPlain(sgr) ? null : sgr };
    sgr = sgrAfter(text, sgr);
    lines.push(finished);
  };
  for (const c of chunks) {
    const parts = c.text.split("\n");
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === 0 && open && open.stream === c.stream) open = { ...open, text: open.text + part };
      else {
        // A line left open by the other stream ends where this stream takes over.
        if (i === 0 && open) close(open);
        open = { seq: c.seq, stream: c.stream, text: part, sgr: null };
      }
      if (i < parts.length - 1) {
        close(open);
        open = null;
      }
    }
    if (open && open.text === "") open = null;
  }
  return { lines, open, sgr };
}

/** Adds chunks after the last one loaded (older or duplicate seqs are ignored). */
export function appendChunks(m: LogModel, chunks: readonly LogChunkDto[]): LogModel {
  const fresh = chunks.filter((c) => c.seq > m.lastSeq);
  if (fresh.length === 0) return m;
  const built = build(m, fresh);
  return {
    ...m,
    chunks: m.chunks.concat(fresh),
    lines: m.lines.concat(built.lines),
    open: built.open,
    sgr: built.sgr,
    firstSeq: m.chunks.length ? m.firstSeq : fresh[0]!.seq,
    lastSeq: fresh.at(-1)!.seq,
    bytes: m.bytes + fresh.reduce((n, c) => n + c.text.length, 0),
  };
}

/** Adds earlier chunks (a "load earlier" page) and rebuilds the lines. */
export function prependChunks(m: LogModel, chunks: readonly LogChunkDto[], hasEarlier: boolean): LogModel {
  const older = chunks.filter((c) => m.chunks.length === 0 || c.seq < m.firstSeq);
  const all = older.concat(m.chunks);
  const rebuilt = appendChunks(emptyLog(m.attempt), all);
  return { ...rebuilt, hasEarlier };
}

/** Lines to display: the complete ones and the open one. */
export function displayLines(m: LogModel): LogLine[] {
  return m.open ? m.lines.concat([{ ...m.open, sgr: isPlain(m.sgr) ? null : m.sgr }]) : m.lines;
}
