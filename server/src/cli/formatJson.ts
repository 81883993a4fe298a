/** `--format json`: one object per file `{ path, findings }`; ranges as in LSP (0-based, UTF-16) plus offsets. */
import type { CheckFileResult } from './checkFile';

export function formatJson(results: CheckFileResult[]): string {
  return JSON.stringify(results.map((r) => ({ path: r.path, ...(r.error ? { error: r.error } : {}), findings: r.findings })), null, 2);
}
