// Where the rule pages are: one link for the editor's diagnostics (codeDescription) and the command line's SARIF
// (helpUri, informationUri).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

let defaultDocsBase: string | null | undefined;

/**
 * The rule pages of this installation: docs/rules/ beside the package.json of fazhi-report that this code runs from
 * (the repository for dist/ and compiled tests, the extension folder once installed), as a file: URL. The link is
 * stable for a given installation and works offline, which is where drafters are. FAZHI_REPORT_RULES_DOCS (or the
 * server's initializationOptions.rulesDocsBase) replaces it, e.g. with a web address of the same pages.
 */
export function rulesDocsBase(): string | null {
  if (defaultDocsBase !== undefined) return defaultDocsBase;
  const env = process.env.FAZHI_REPORT_RULES_DOCS;
  if (env) return (defaultDocsBase = env.endsWith('/') ? env : env + '/');
  defaultDocsBase = null;
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      // a compiled copy of the sources (tsc's outDir, which gets a package.json too) has neither dist/ nor docs/
      if (pkg.name === 'fazhi-report' && (fs.existsSync(path.join(dir, 'dist')) || fs.existsSync(path.join(dir, 'docs')))) {
        defaultDocsBase = pathToFileURL(path.join(dir, 'docs', 'rules')).href + '/';
        break;
      }
    } catch {
      // no package.json here: look further up
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return defaultDocsBase;
}

/** The page of one check: `<base><code>.md`. */
export function ruleDocUrl(code: string, base: string | null | undefined = rulesDocsBase()): string | undefined {
  return base ? base + encodeURIComponent(code) + '.md' : undefined;
}
