// Lints .cypher files with Neo4j's own linter (@neo4j-cypher/language-support).
// Usage: node tests/lint_cypher.mjs SCHEMA_JSON FILE...   Prints one JSON object:
// {"<file>": [{"severity": 1, "message": "...", "line": 3}], ...}. Severity 1 = error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const [schemaPath, ...files] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const report = {};
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const params = {};
  const header = text.match(/^\/\/\s*params:(.*)$/m);
  for (const name of (header ? header[1] : '').split(',').map((p) => p.trim()).filter(Boolean)) {
    params[name] = null;
  }
  const { diagnostics } = lintCypherQuery(text, { ...schema, parameters: params });
  report[file] = diagnostics.map((d) => ({
    severity: d.severity, message: d.message, line: d.range.start.line + 1,
  }));
}
console.log(JSON.stringify(report));
