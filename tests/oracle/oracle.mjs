// Test-time YAML 1.2 oracle: the npm `yaml` parser that the YAML language server uses.
// Reads a JSON array of documents on stdin; prints a JSON array with, for each document,
// {"ok": true, "value": ...} or {"ok": false, "line": L, "column": C, "error": "..."}.
// Values follow the project's typing policy: only plain null, true, false and whole numbers
// of up to 18 digits are typed; every other scalar stays the text YAML 1.2 gives it.
import { readFileSync } from 'node:fs';
import { parseAllDocuments, isAlias, isMap, isScalar, isSeq } from 'yaml';

const INT = /^-?(0|[1-9][0-9]{0,17})$/;

function scalar(node) {
  const text = node.value === null ? '' : String(node.value);
  if (node.type !== 'PLAIN' || node.tag) return JSON.stringify(text);
  if (text === '' || text === '~' || text === 'null') return 'null';
  if (text === 'true' || text === 'false') return text;
  if (INT.test(text)) return text; // written raw, so Python reads it as an exact integer
  return JSON.stringify(text);
}

function value(node) {
  if (node === null || node === undefined) return 'null';
  if (isAlias(node)) return JSON.stringify({ alias: node.source });
  if (isScalar(node)) return scalar(node);
  if (isSeq(node)) return `[${node.items.map(value).join(',')}]`;
  if (isMap(node)) {
    // Pairs as a list, in order: a JS object would reorder keys and merge duplicates.
    const pairs = node.items.map((pair) => `[${value(pair.key)},${value(pair.value)}]`);
    return `{"pairs":[${pairs.join(',')}]}`;
  }
  return 'null';
}

function judge(source) {
  const documents = parseAllDocuments(source, { schema: 'failsafe' });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    const [error] = document.errors;
    if (error) {
      const [line, column] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
      return JSON.stringify({ ok: false, line, column, error: error.message.split('\n')[0] });
    }
  }
  const values = list.map((document) => value(document.contents));
  return `{"ok":true,"documents":[${values.join(',')}]}`;
}

const sources = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(`[${sources.map(judge).join(',\n')}]\n`);
