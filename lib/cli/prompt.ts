/** Questions on the terminal (stderr, so `--json` stdout stays clean). */
import { createInterface } from "node:readline";
import type { Output } from "./output";

/**
 * Asks until one of `choices` (first letter, case-insensitive) is typed.
 * Ctrl-C or end of input answers `fallback`.
 */
export function ask(out: Output, question: string, choices: string[], fallback: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: out.err, terminal: process.stdin.isTTY === true });
    let settled = false;
    const done = (answer: string) => {
      if (settled) return;
      settled = true;
      rl.close();
      resolve(answer);
    };
    rl.on("SIGINT", () => done(fallback));
    rl.on("close", () => done(fallback));
    const prompt = () =>
      rl.question(question, (raw) => {
        const a = raw.trim().toLowerCase().slice(0, 1);
        if (choices.includes(a)) done(a);
        else prompt();
      });
    prompt();
  });
}

/** "Press Enter to continue" (returns at once when stdin is not a terminal). */
export function pause(out: Output, text = "Press Enter to continue (Ctrl-C to quit) "): Promise<"continue" | "quit"> {
  if (process.stdin.isTTY !== true) return Promise.resolve("continue");
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: out.err, terminal: true });
    let settled = false;
    const done = (r: "continue" | "quit") => {
      if (settled) return;
      settled = true;
      rl.close();
      resolve(r);
    };
    rl.on("SIGINT", () => done("quit"));
    rl.on("close", () => done("quit"));
    rl.question(out.paint("dim", text), () => done("continue"));
  });
}
