/**
 * Transports and custom messages: `--node-ipc` (what VS Code uses) next to `--stdio`, and the
 * `policyBrief/isBrief` request (configured glob, front matter or content).
 */
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import {
  createProtocolConnection, IPCMessageReader, IPCMessageWriter, InitializeRequest, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { TestClient, serverPath } from './support/client';
import { IsBriefRequest } from '../../server/src/protocol';

describe('LSP transports and custom requests', function () {
  it('serves over --node-ipc', async () => {
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      assert.equal(result.serverInfo?.name, 'policy-brief-language-server');
      assert.equal((result.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
      assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.policyBrief'], resolveProvider: false });
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      await new Promise((resolve) => child.once('exit', resolve));
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('answers policyBrief/isBrief by front matter, topic headings or neither', async () => {
    const client = new TestClient({ pull: true });
    try {
      await client.initialize([]);
      await client.open('untitled:fm', '---\npolicy-brief: ours\n---\n\nText.\n');
      await client.open('untitled:topics', '# Title\n\n## 1. A topic\n');
      await client.open('untitled:notes', '# Notes\n\n## Ideas\n');
      assert.equal(await client.connection.sendRequest(IsBriefRequest, { uri: 'untitled:fm' }), true);
      assert.equal(await client.connection.sendRequest(IsBriefRequest, { uri: 'untitled:topics' }), true);
      assert.equal(await client.connection.sendRequest(IsBriefRequest, { uri: 'untitled:notes' }), false);
    } finally {
      await client.stop();
    }
  });
});
