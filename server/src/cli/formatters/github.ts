// --format github: GitHub Actions workflow commands, one per finding, which the Actions runner turns into
// annotations on the pull request's changed files:
//   ::error file=报告.txt,line=6,col=1,endLine=6,endColumn=3,title=heading-numbering::标题序号不连续…
// error → ::error, warning → ::warning, information and hint → ::notice. Related places are appended to the
// message as extra lines. Values are escaped as the runner requires (% CR LF in the message; also : and , in
// properties). Paths are relative to the working folder (run the check from the repository root), with /.
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { summaryLine } from './text';
import { messageText, type FileResult, type FormatContext, type Formatter } from './formatter';

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(severity: number | undefined): 'error' | 'warning' | 'notice' {
  return severity === 1 ? 'error' : severity === 2 || severity === undefined ? 'warning' : 'notice';
}

function repoPath(file: FileResult, cwd: string): string {
  const rel = path.relative(cwd, file.absolute);
  const p = !rel || rel.startsWith('..') || path.isAbsolute(rel) ? file.absolute : rel;
  return p.split(path.sep).join('/');
}

export function annotation(file: FileResult, d: Diagnostic, ctx: FormatContext): string {
  const where = repoPath(file, ctx.cwd);
  const { start, end } = d.range;
  const props = [
    `file=${escapeProperty(where)}`,
    `line=${start.line + 1}`,
    `col=${start.character + 1}`,
    `endLine=${end.line + 1}`,
    `endColumn=${end.character + 1}`,
    `title=${escapeProperty(String(d.code ?? 'fazhi-report'))}`,
  ];
  let message = messageText(d);
  for (const r of d.relatedInformation ?? []) {
    const at = r.location.range.start;
    message += `\n${where}:${at.line + 1}:${at.character + 1} ${r.message}`;
  }
  return `::${command(d.severity)} ${props.join(',')}::${escapeData(message)}`;
}

export const github: Formatter = {
  human: true,
  file: (r, ctx) => r.diagnostics.map((d) => annotation(r, d, ctx) + '\n').join(''),
  end: (_results, counts, ctx: FormatContext) => summaryLine(counts, ctx.locale) + '\n',
};
