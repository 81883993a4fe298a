/**
 * Worker-thread entry of the CLI (piscina): checks a batch of files per task (one message each
 * way per batch, not per file). Never throws for a file: `checkFile` reports its problems.
 */
import { checkFile, type CheckFileRequest, type CheckFileResult } from './cli/checkFile';

export default function run(task: { requests: CheckFileRequest[]; keepText: boolean }): CheckFileResult[] {
  return task.requests.map((request) => checkFile(request, task.keepText));
}
