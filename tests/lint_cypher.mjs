// Lints .cypher files with Neo4j's own linter (@neo4j-cypher/language-support).
// Usage: node tests/lint_cypher.mjs SCHEMA_JSON FILE...   Prints one JSON object:
// {"<file>": [{"severity": 1, "message": "...", "line": 3}], ...}. Severity 1 = error.
// A file takes the linter 0.1-0.3 s and there are hundreds: the files are shared out over one
// worker thread per core, each linting its share the same way.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

function lint(schema, files) {
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
  return report;
}

if (isMainThread) {
  const [schemaPath, ...files] = process.argv.slice(2);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const count = Math.max(1, Math.min(availableParallelism(), Math.ceil(files.length / 20)));
  const shares = Array.from({ length: count }, (_, i) => files.filter((_, j) => j % count === i));
  const reports = await Promise.all(shares.map((share) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { schema, files: share } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const report = {};
  for (const file of files) {
    report[file] = reports.find((r) => file in r)[file];
  }
  console.log(JSON.stringify(report));
} else {
  parentPort.postMessage(lint(workerData.schema, workerData.files));
}
