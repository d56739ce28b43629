import type { ReportDocument } from '../document';
import type { Outline } from './outline';

export function parseOutline(doc: ReportDocument): Outline {
  void doc;
  return { roots: [], nodes: [], chromeLines: new Set(), newsStyle: false };
}
