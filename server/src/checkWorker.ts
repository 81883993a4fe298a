/** Worker-thread entry of the CLI (piscina): checks one file per task. */
import { checkFile, type CheckFileRequest } from './cli/checkFile';

export default function run(task: { request: CheckFileRequest; keepText: boolean }) {
  return checkFile(task.request, task.keepText);
}
