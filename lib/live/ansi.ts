/**
 * ANSI escape handling for step logs. SGR sequences (colours, bold …) become
 * style data; every other escape or control sequence is dropped. The output
 * is plain text plus styles built only from numbers, rendered by React as
 * text: nothing from a log ever reaches the DOM as markup.
 */

export interface SgrState {
  fg: string | null;
  bg: string | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

export interface AnsiSegment {
  text: string;
  style: SgrState;
}

export const PLAIN: SgrState = Object.freeze({ fg: null, bg: null, bold: false, dim: false, italic: false, underline: false });

/** The 16 standard colours, chosen to read on a dark background. */
const BASIC = [
  "#4b5563", "#f87171", "#4ade80", "#facc15", "#60a5fa", "#e879f9", "#22d3ee", "#e5e7eb",
  "#9ca3af", "#fca5a5", "#86efac", "#fde047", "#93c5fd", "#f0abfc", "#67e8f9", "#ffffff",
];

// CSI … final byte | OSC … BEL/ST | other two-byte escapes | C0 controls except tab.
const ESCAPES = /\x1b\[([0-9;:?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f]/g;

function color256(n: number): string | null {
  if (!Number.isInteger(n) || n < 0 || n > 255) return null;
  if (n < 16) return BASIC[n]!;
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const level = (c: number) => (c === 0 ? 0 : 55 + c * 40);
  return `rgb(${level(Math.floor(i / 36))},${level(Math.floor(i / 6) % 6)},${level(i % 6)})`;
}

const byte = (n: number | undefined) => (n !== undefined && Number.isInteger(n) && n >= 0 && n <= 255 ? n : null);

/** Applies one SGR parameter list (`1;31`, `38;5;208` …) to a state. */
export function applySgr(state: SgrState, params: string): SgrState {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  const s: SgrState = { ...state };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) Object.assign(s, PLAIN);
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 22) s.bold = s.dim = false;
    else if (c === 23) s.italic = false;
    else if (c === 24) s.underline = false;
    else if (c >= 30 && c <= 37) s.fg = BASIC[c - 30]!;
    else if (c >= 90 && c <= 97) s.fg = BASIC[c - 90 + 8]!;
    else if (c === 39) s.fg = null;
    else if (c >= 40 && c <= 47) s.bg = BASIC[c - 40]!;
    else if (c >= 100 && c <= 107) s.bg = BASIC[c - 100 + 8]!;
    else if (c === 49) s.bg = null;
    else if (c === 38 || c === 48) {
      let value: string | null = null;
      if (codes[i + 1] === 5) {
        value = color256(codes[i + 2] ?? -1);
        i += 2;
      } else if (codes[i + 1] === 2) {
        const [r, g, b] = [byte(codes[i + 2]), byte(codes[i + 3]), byte(codes[i + 4])];
        value = r !== null && g !== null && b !== null ? `rgb(${r},${g},${b})` : null;
        i += 4;
      }
      if (value) {
        if (c === 38) s.fg = value;
        else s.bg = value;
      }
    }
  }
  return s;
}

/** Splits one line into styled segments, starting from `start` (styles carry across lines). */
export function parseAnsi(text: string, start: SgrState = PLAIN): { segments: AnsiSegment[]; end: SgrState } {
  if (!text.includes("\x1b") && !/[\x00-\x08\x0b-\x1f\x7f]/.test(text)) {
    return { segments: text ? [{ text, style: start }] : [], end: start };
  }
  const segments: AnsiSegment[] = [];
  let style = start;
  let last = 0;
  for (const m of text.matchAll(ESCAPES)) {
    if (m.index > last) segments.push({ text: text.slice(last, m.index), style });
    if (m[2] === "m" && m[0].startsWith("\x1b[")) style = applySgr(style, m[1] ?? "");
    last = m.index + m[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), style });
  return { segments, end: style };
}

/** The style after `text`, without building segments (fast path for lines without escapes). */
export function sgrAfter(text: string, start: SgrState): SgrState {
  return text.includes("\x1b") ? parseAnsi(text, start).end : start;
}

/** The text without escapes or control characters (search, copy). */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") || /[\x00-\x08\x0b-\x1f\x7f]/.test(text) ? text.replace(ESCAPES, "") : text;
}

export const isPlain = (s: SgrState): boolean =>
  s.fg === null && s.bg === null && !s.bold && !s.dim && !s.italic && !s.underline;
