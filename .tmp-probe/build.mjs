import * as esbuild from "esbuild";
await esbuild.build({ entryPoints: [process.argv[2]], outfile: process.argv[3], bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", tsconfig: "/work/main/tsconfig.json", logLevel: "warning" });
