import * as esbuild from "esbuild";
await esbuild.build({ entryPoints: ["/work/main/bench/worker.ts"], outfile: "/work/main/node_modules/.cache/myrmex-bench/worker.mjs", bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", tsconfig: "/work/main/tsconfig.json", logLevel: "warning" });
