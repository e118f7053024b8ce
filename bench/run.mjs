// `npm run bench`: runs every bench/*.bench.mjs in turn (check, language server, runtime) and prints
// their markdown tables. Benchmarks need a build (`npm run build`); timings never live in unit tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.startsWith(wanted)))
  .sort();

for (const name of benches) {
  const module = await import(pathToFileURL(join(here, name)).href);
  console.log(`\n## ${name.replace('.bench.mjs', '')}\n`);
  try {
    console.log(await module.default());
  } catch (error) {
    console.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
