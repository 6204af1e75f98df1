// Compile every schema in a folder with ajv (draft 2020-12) in strict mode, then validate
// JSON and JSON Lines files against the schema each names: `document`, `feed-record` or `diff`.
//   node check.mjs SCHEMA_DIR document=doc.json feed-record=feed.jsonl diff=diff.json
// Prints one line per file; exit 1 on any schema or validation error.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [dir, ...checks] = process.argv.slice(2);
const BASE = "https://policy-pipeline.org/schemas/";
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const schemas = readdirSync(dir).filter((n) => n.endsWith(".schema.json")).sort()
  .map((name) => [name, JSON.parse(readFileSync(join(dir, name), "utf8"))]);
for (const [, schema] of schemas) ajv.addSchema(schema);
let failed = false;
for (const [name, schema] of schemas) {
  try {
    ajv.getSchema(schema.$id);  // compiles: strict mode refuses unknown keywords, formats and loose types here
    console.log(`${name}: compiles in strict mode`);
  } catch (err) {
    console.log(`${name}: ${err.message}`);
    failed = true;
  }
}
for (const check of checks) {
  const [kind, file] = check.split("=");
  const validate = ajv.getSchema(`${BASE}${kind}.schema.json`);
  const text = readFileSync(file, "utf8");
  const values = file.endsWith(".jsonl") ? text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l)) : [JSON.parse(text)];
  const bad = values.map((v, i) => [i, validate(v) ? null : validate.errors]).filter(([, e]) => e);
  for (const [i, errors] of bad.slice(0, 5)) {
    console.log(`${file}${values.length > 1 ? `:${i + 1}` : ""}: ${ajv.errorsText(errors)}`);
  }
  console.log(`${file}: ${values.length - bad.length} of ${values.length} valid against ${kind}`);
  failed ||= bad.length > 0;
}
process.exit(failed ? 1 : 0);
