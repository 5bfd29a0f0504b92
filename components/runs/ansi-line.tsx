import { memo, type CSSProperties } from "react";
import { parseAnsi, PLAIN, type SgrState } from "@/lib/live/ansi";
import type { LogLine } from "@/lib/live/log-model";

function styleOf(s: SgrState): CSSProperties | undefined {
  if (s === PLAIN) return undefined;
  const css: CSSProperties = {};
  if (s.fg) css.color = s.fg;
  if (s.bg) css.backgroundColor = s.bg;
  if (s.bold) css.fontWeight = 700;
  if (s.dim) css.opacity = 0.7;
  if (s.italic) css.fontStyle = "italic";
  if (s.underline) css.textDecoration = "underline";
  return css;
}

/** `text` with case-insensitive matches of `query` marked. */
function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const lower = text.toLowerCase();
  const parts: React.ReactNode[] = [];
  let from = 0;
  for (let i = lower.indexOf(query); i >= 0; i = lower.indexOf(query, i + query.length)) {
    if (i > from) parts.push(text.slice(from, i));
    parts.push(
      <mark key={i} className="rounded-sm bg-yellow-300 text-slate-900">
        {text.slice(i, i + query.length)}
      </mark>,
    );
    from = i + query.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return <>{parts}</>;
}

/**
 * One log line with its ANSI colours. Everything is React text: escape
 * sequences become style objects built from numbers, never markup.
 */
export const AnsiLine = memo(function AnsiLine({ line, query }: { line: LogLine; query: string }) {
  const { segments } = parseAnsi(line.text, line.sgr ?? PLAIN);
  return (
    <>
      {segments.map((seg, i) => (
        <span key={i} style={styleOf(seg.style)}>
          <Highlighted text={seg.text} query={query} />
        </span>
      ))}
    </>
  );
});
