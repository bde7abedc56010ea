// Bundles the example page with esbuild: `node examples/web/build.mjs` writes examples/web/dist/app.js (not committed).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Bundles app.ts and @linkage/client (from this package's sources) into dist/app.js for browsers. */
export async function bundleExample() {
  await build({
    entryPoints: [`${here}app.ts`],
    outfile: `${here}dist/app.js`,
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    alias: { "@linkage/client": `${here}../../src/index.ts` },
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleExample();
}
