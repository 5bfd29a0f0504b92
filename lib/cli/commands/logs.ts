import type { Command } from "commander";
import { execute } from "../context";
import type { Finish } from "../main";
import { positiveInt } from "../parse";

interface Opts {
  follow?: boolean;
  attempt?: number;
  json?: boolean;
}

export function registerLogs(program: Command, finish: Finish): void {
  program
    .command("logs")
    .description("Output of one step of a run (every attempt, stdout and stderr interleaved)")
    .argument("<run>", "run id")
    .argument("<step>", "step id")
    .option("-f, --follow", "keep printing new output until the step ends")
    .option("-a, --attempt <n>", "only this attempt", positiveInt)
    .option("--json", "print the chunks as JSON lines (one object per chunk)")
    .action(async (runId: string, step: string, opts: Opts, cmd: Command) =>
      finish(
        await execute(cmd, !!opts.json, async ({ backend: getBackend, out }) => {
          const backend = await getBackend();
          let cursor: string | undefined;
          let attempt = 0;
          let stop = false;
          const onInt = () => (stop = true);
          process.once("SIGINT", onInt);
          try {
            for (;;) {
              const page = await backend.stepLogs(runId, { step, attempt: opts.attempt, cursor });
              for (const c of page.chunks) {
                if (out.json) {
                  out.line(JSON.stringify(c));
                  continue;
                }
                if (c.attempt !== attempt) {
                  if (attempt !== 0 || !opts.attempt) out.err.write(out.paint("gray", `── attempt ${c.attempt} ──\n`));
                  attempt = c.attempt;
                }
                (c.stream === "stderr" ? out.err : out.out).write(c.stream === "stderr" ? out.paint("red", c.text) : c.text);
              }
              cursor = page.cursor ?? cursor;
              if (page.done || stop) {
                if (!out.json && page.done && page.chunks.length === 0 && cursor === undefined) out.err.write(out.paint("gray", `(no output; the step is ${page.taskStatus})\n`));
                return;
              }
              if (!opts.follow) {
                if (page.chunks.length === 1000) continue; // more pages already stored
                return;
              }
              if (page.chunks.length === 0) await new Promise((r) => setTimeout(r, backend.mode === "local" ? 250 : 1000));
            }
          } finally {
            process.off("SIGINT", onInt);
          }
        }),
      ),
    );
}
