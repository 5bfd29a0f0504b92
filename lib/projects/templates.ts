/**
 * Project templates: the workflows and sample files a new project starts with.
 * Every workflow is a real, runnable definition that works on the sample files.
 */
import type { ProjectTemplate } from "@/lib/validations/projects";

export interface TemplateSpec {
  label: string;
  description: string;
  /** Files written into the working directory (never overwriting existing ones). */
  files: Record<string, string>;
  /** Workflow definitions as YAML. */
  workflows: string[];
}

export const TEMPLATES: Record<ProjectTemplate, TemplateSpec> = {
  empty: { label: "Empty", description: "No workflows; start from scratch.", files: {}, workflows: [] },
  "web-app": {
    label: "Web application",
    description: "Build-and-test and deploy workflows around a small static site.",
    files: {
      "src/index.html": "<!doctype html><title>Hello</title><h1>Hello from Myrmex</h1>\n",
      "tests/check.sh": '#!/bin/sh\ngrep -q "<h1>" dist/index.html && echo "page has a heading"\n',
    },
    workflows: [
      `name: build-and-test
description: Build the site into dist/ and check it.
steps:
  - { id: install, name: Install, kind: shell, run: "mkdir -p dist && echo dependencies ready" }
  - { id: build, name: Build, kind: shell, dependsOn: [install], run: "cp src/index.html dist/index.html && echo built" }
  - { id: test, name: Test, kind: shell, dependsOn: [build], run: "sh tests/check.sh" }
`,
      `name: deploy
description: Package the built site and publish it to releases/ (one deploy at a time).
steps:
  - { id: package, name: Package, kind: shell, run: "mkdir -p releases && tar -cf releases/site-$(date +%s).tar -C dist . && echo packaged" }
  - { id: publish, name: Publish, kind: shell, dependsOn: [package], resources: { pools: { deploy-slot: 1 } }, run: "ls releases | tail -1 > releases/CURRENT && cat releases/CURRENT" }
`,
    ],
  },
  "data-pipeline": {
    label: "Data pipeline",
    description: "Ingest → transform → report over a CSV file.",
    files: { "data/raw.csv": "city,temperature\nOslo,4\nLisbon,19\nCairo,29\nOslo,6\nLisbon,21\n" },
    workflows: [
      `name: pipeline
description: Ingest the raw CSV, compute averages per city, and write a report.
steps:
  - { id: ingest, name: Ingest, kind: shell, run: "mkdir -p work && tail -n +2 data/raw.csv > work/rows.csv && echo rows=$(wc -l < work/rows.csv) | tee -a \\"$MYRMEX_OUTPUT\\"" }
  - id: transform
    name: Transform
    kind: shell
    dependsOn: [ingest]
    run: awk -F, '{ s[$1]+=$2; n[$1]++ } END { for (c in s) printf "%s,%.1f\\n", c, s[c]/n[c] }' work/rows.csv | sort > work/averages.csv && cat work/averages.csv
  - { id: report, name: Report, kind: shell, dependsOn: [transform], run: "{ echo '# Average temperature'; sed 's/,/: /' work/averages.csv; } > report.md && cat report.md" }
`,
    ],
  },
  analysis: {
    label: "Analysis",
    description: "Environment check → analysis → report over a text corpus.",
    files: { "corpus/notes.txt": "ants build colonies\nants share food\ncolonies grow\n" },
    workflows: [
      `name: analysis
description: Check the environment, count words in the corpus, and report the top ones.
steps:
  - { id: env-check, name: Environment check, kind: shell, run: "command -v awk && command -v sort && echo tools ok" }
  - { id: analyse, name: Analyse, kind: shell, dependsOn: [env-check], run: "mkdir -p out && tr -s ' ' '\\\\n' < corpus/notes.txt | sort | uniq -c | sort -rn > out/counts.txt && head -3 out/counts.txt" }
  - { id: report, name: Report, kind: shell, dependsOn: [analyse], run: "{ echo 'Top words:'; head -3 out/counts.txt; } > out/report.txt && cat out/report.txt" }
`,
    ],
  },
};
