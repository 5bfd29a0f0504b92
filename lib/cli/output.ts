/**
 * Terminal output: colours only on a TTY (NO_COLOR / FORCE_COLOR respected),
 * aligned tables, durations and timestamps. `--json` output bypasses all of
 * it and prints one stable JSON document.
 */
export interface OutputOptions {
  json: boolean;
  color: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90, bold: 1, dim: 2 } as const;
export type Color = keyof typeof CODES;

/** Whether to colour a stream: a TTY, unless NO_COLOR; FORCE_COLOR=1 forces it. */
export function shouldColor(stream: NodeJS.WriteStream, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== "0") return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR === "0") return false;
  return stream.isTTY === true;
}

export class Output {
  readonly json: boolean;
  readonly color: boolean;
  readonly out: NodeJS.WriteStream;
  readonly err: NodeJS.WriteStream;

  constructor(o: OutputOptions) {
    this.json = o.json;
    this.color = o.color;
    this.out = o.stdout ?? process.stdout;
    this.err = o.stderr ?? process.stderr;
  }

  /** True when stdout is an interactive terminal (progress bars, prompts). */
  get tty(): boolean {
    return this.out.isTTY === true && !this.json;
  }

  paint(color: Color, text: string): string {
    return this.color && text ? `\x1b[${CODES[color]}m${text}\x1b[0m` : text;
  }

  line(text = ""): void {
    this.out.write(`${text}\n`);
  }

  /** Informational text that must not pollute `--json` output (goes to stderr then). */
  info(text: string): void {
    (this.json ? this.err : this.out).write(`${text}\n`);
  }

  warn(text: string): void {
    this.err.write(`${this.paint("yellow", "warning:")} ${text}\n`);
  }

  error(text: string, lines: string[] = []): void {
    this.err.write(`${this.paint("red", "error:")} ${text}\n`);
    for (const l of lines) this.err.write(`  • ${l}\n`);
  }

  printJson(value: unknown): void {
    this.out.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** An aligned table; `colorOf` may colour a cell (width computed on plain text). */
  table(headers: string[], rows: string[][], colorOf?: (col: number, value: string) => Color | null): void {
    if (rows.length === 0) return;
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
    const fmt = (cells: string[], header: boolean) =>
      cells
        .map((c, i) => {
          const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]!);
          if (header) return this.paint("bold", padded);
          const color = colorOf?.(i, c);
          return color ? this.paint(color, padded) : padded;
        })
        .join("  ")
        .trimEnd();
    this.line(fmt(headers, true));
    for (const r of rows) this.line(fmt(r, false));
  }

  /** Colour of a run/step/health status. */
  statusColor(status: string): Color | null {
    switch (status) {
      case "succeeded":
      case "healthy":
      case "active":
      case "cached":
        return "green";
      case "failed":
      case "upstream_failed":
      case "unhealthy":
        return "red";
      case "running":
        return "cyan";
      case "paused":
      case "waiting":
      case "degraded":
      case "queued":
        return "yellow";
      case "cancelled":
      case "skipped":
      case "archived":
        return "gray";
      default:
        return null;
    }
  }
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return h ? `${h} h ${m} min` : `${m} min ${s} s`;
}

export function durationBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from) return null;
  return (to ? Date.parse(to) : Date.now()) - Date.parse(from);
}

/** "2026-11-24 10:03:12" (UTC), or "—". */
export function formatTime(isoString: string | null | undefined): string {
  return isoString ? isoString.replace("T", " ").slice(0, 19) : "—";
}

/** "3 min ago". */
export function ago(isoString: string | null | undefined, now = Date.now()): string {
  if (!isoString) return "never";
  const s = Math.max(0, Math.round((now - Date.parse(isoString)) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}
