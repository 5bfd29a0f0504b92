"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { LogLine } from "@/lib/live/log-model";
import { AnsiLine } from "./ansi-line";

const LINE_PX = 18;
const VIEW_PX = 384;
const OVERSCAN = 30;

interface Props {
  lines: LogLine[];
  /** Keep the view at the newest line as lines arrive. */
  follow: boolean;
  /** The user scrolled away from the bottom (stop following) or back to it. */
  onFollowChange: (follow: boolean) => void;
  /** Lower-cased search text to mark. */
  query: string;
  /** Line index to bring into view (search navigation). */
  focusLine: number | null;
}

/**
 * A virtualised log: only the lines in view (plus a margin) are in the DOM,
 * so a log of hundreds of thousands of lines scrolls as lightly as a short one.
 */
export function LogViewer({ lines, follow, onFollowChange, query, focusLine }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const programmatic = useRef(false);

  const scrollTo = (top: number) => {
    const el = ref.current;
    if (!el) return;
    programmatic.current = true;
    el.scrollTop = top;
    setScrollTop(el.scrollTop);
  };

  useLayoutEffect(() => {
    if (follow) scrollTo(lines.length * LINE_PX);
  }, [lines.length, follow]);

  useEffect(() => {
    if (focusLine !== null) scrollTo(Math.max(0, focusLine * LINE_PX - VIEW_PX / 2));
  }, [focusLine]);

  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    if (programmatic.current) {
      programmatic.current = false;
      return;
    }
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_PX * 2;
    if (atBottom !== follow) onFollowChange(atBottom);
  };

  const first = Math.max(0, Math.floor(scrollTop / LINE_PX) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + VIEW_PX) / LINE_PX) + OVERSCAN);
  const visible = lines.slice(first, last);

  return (
    <div
      ref={ref}
      onScroll={onScroll}
      className="relative overflow-auto rounded-md bg-slate-950 font-mono text-xs text-slate-100"
      style={{ height: VIEW_PX }}
      data-testid="step-log"
      role="log"
      aria-label="Step output"
      tabIndex={0}
    >
      {lines.length === 0 ? <p className="p-3 text-slate-400">No output yet.</p> : null}
      <div style={{ height: lines.length * LINE_PX, minWidth: "100%", width: "max-content", position: "relative" }}>
        {visible.map((line, i) => {
          const index = first + i;
          return (
            <div
              key={index}
              data-stream={line.stream}
              className={`absolute left-0 whitespace-pre px-3 ${line.stream === "stderr" ? "border-l-2 border-red-500 text-red-200" : ""} ${index === focusLine ? "bg-indigo-900/70" : ""}`}
              style={{ top: index * LINE_PX, height: LINE_PX, lineHeight: `${LINE_PX}px` }}
            >
              <span className="mr-3 inline-block w-12 select-none text-right text-slate-500">{index + 1}</span>
              <AnsiLine line={line} query={query} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
