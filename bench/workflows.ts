/**
 * The benchmark's workflow definitions (plain objects, validated by the engine).
 */

/** s0 → s1 → … → s(n−1), all `noop`. */
export function noopChain(n: number) {
  return {
    name: `chain${n}-noop`,
    steps: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: "noop", dependsOn: i === 0 ? [] : [`s${i - 1}`] })),
  };
}

/**
 * n independent `noop` steps. No run `concurrency`; noop steps ask for no
 * resources (no cpu slot), so nothing but the engine itself limits them.
 */
export function noopFanout(n: number) {
  return {
    name: `fanout${n}-noop`,
    steps: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: "noop" })),
  };
}

/**
 * The command of step i of the shell chain, identical for the engine and
 * ninja: `/bin/sh -c 'true > out_i'` — one process spawn per step (`true` and
 * the redirection are shell builtins), and an output file for ninja to track.
 */
export const shellCommand = (i: number) => `true > out_${i}`;

/** s0 → … → s(n−1) shell steps running {@link shellCommand}. */
export function shellChain(n: number) {
  return {
    name: `shell-chain${n}`,
    steps: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      kind: "shell",
      run: shellCommand(i),
      dependsOn: i === 0 ? [] : [`s${i - 1}`],
    })),
  };
}

/** The same chain as a build.ninja: edge i depends on out_(i−1). */
export function ninjaChain(n: number): string {
  const lines = ["rule step", "  command = $cmd", ""];
  for (let i = 0; i < n; i++) {
    lines.push(`build out_${i}: step${i === 0 ? "" : ` out_${i - 1}`}`, `  cmd = ${shellCommand(i)}`);
  }
  lines.push("", `default out_${n - 1}`, "");
  return lines.join("\n");
}

/**
 * A `width` × `depth` layered DAG of `noop` steps: step (l, j) depends on
 * (l−1, j) and (l−1, (j+1) mod width) — two edges per step below the first
 * layer (19,800 edges for 100 × 100), so the levels are really interlinked.
 */
export function layeredDag(width: number, depth: number) {
  const steps: Array<{ id: string; kind: string; dependsOn: string[] }> = [];
  for (let l = 0; l < depth; l++) {
    for (let j = 0; j < width; j++) {
      steps.push({
        id: `l${l}_${j}`,
        kind: "noop",
        dependsOn: l === 0 ? [] : [`l${l - 1}_${j}`, `l${l - 1}_${(j + 1) % width}`],
      });
    }
  }
  return { name: `dag${width}x${depth}`, steps };
}
