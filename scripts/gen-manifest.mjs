// Generates the per-check settings of package.json (contributes.configuration.properties["fazhiReport.rules.<code>"])
// from server/data/rules.json, the list of checks and their default severities, so the settings never drift from
// the engine (Harper generates its harper.linters.* settings from its core the same way).
//
//   node scripts/gen-manifest.mjs            rewrite package.json (and the check names of schemas/fazhi-report.schema.json)
//   node scripts/gen-manifest.mjs --check    exit 1 (and say what differs) when package.json is out of date
//   node scripts/gen-manifest.mjs --file p   work on another copy of package.json
//
// Each setting's description is the nls key config.rules.<code> (package.nls.json, package.nls.zh-cn.json): a
// test checks every key used in package.json exists in both files.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const check = args.includes('--check');
const fileArg = args.indexOf('--file');
const manifestPath = fileArg >= 0 ? path.resolve(args[fileArg + 1]) : path.join(root, 'package.json');

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const PREFIX = 'fazhiReport.rules.';

export function ruleSettings(rules) {
  const out = {};
  for (const [code, severity] of Object.entries(rules)) {
    if (code.startsWith('$')) continue;
    out[PREFIX + code] = {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITIES.map((s) => `%config.severity.${s}%`),
      default: severity,
      scope: 'resource',
      markdownDescription: `%config.rules.${code}%`,
    };
  }
  return out;
}

export function generate(manifest, rules) {
  const next = structuredClone(manifest);
  const configuration = (next.contributes ??= {}).configuration ?? { title: '%config.title%', properties: {} };
  next.contributes.configuration = configuration;
  const kept = Object.entries(configuration.properties ?? {}).filter(([k]) => !k.startsWith(PREFIX));
  configuration.properties = Object.fromEntries([...kept, ...Object.entries(ruleSettings(rules))]);
  return next;
}

const rules = JSON.parse(readFileSync(path.join(root, 'server', 'data', 'rules.json'), 'utf8'));
const text = readFileSync(manifestPath, 'utf8');
const generated = JSON.stringify(generate(JSON.parse(text), rules), null, 2) + '\n';
// the workspace file's schema names every check (rules.propertyNames.enum), in the order of rules.json
const schemaPath = path.join(root, 'schemas', 'fazhi-report.schema.json');
const schemaText = readFileSync(schemaPath, 'utf8');
const schema = JSON.parse(schemaText);
schema.properties.rules.propertyNames.enum = Object.keys(rules).filter((k) => !k.startsWith('$'));
const schemaGenerated = JSON.stringify(schema, null, 2) + '\n';
const schemaStale = JSON.stringify(JSON.parse(schemaText)) !== JSON.stringify(schema);
if (check) {
  if (schemaStale && fileArg < 0) {
    process.stderr.write(
      'schemas/fazhi-report.schema.json 的检查名列表与 server/data/rules.json 不一致，请运行 node scripts/gen-manifest.mjs\n' +
        'schemas/fazhi-report.schema.json is out of date with server/data/rules.json: run node scripts/gen-manifest.mjs\n',
    );
    process.exit(1);
  }
  if (generated !== text) {
    process.stderr.write(
      'package.json 的逐项检查设置与 server/data/rules.json 不一致，请运行 node scripts/gen-manifest.mjs\n' +
        'package.json is out of date with server/data/rules.json: run node scripts/gen-manifest.mjs\n',
    );
    process.exit(1);
  }
} else {
  if (generated !== text) {
    writeFileSync(manifestPath, generated);
    process.stdout.write(`${path.relative(root, manifestPath)} updated\n`);
  }
  if (schemaStale && fileArg < 0) {
    writeFileSync(schemaPath, schemaGenerated);
    process.stdout.write('schemas/fazhi-report.schema.json updated\n');
  }
}
