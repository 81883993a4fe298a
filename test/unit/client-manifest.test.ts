// The client's part of package.json agrees with the code: commands, keybindings that leave
// Markdown's own preview keys alone, and the settings block (one source: server/src/protocol.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { Commands, IS_BRIEF_CONTEXT_KEY } from '../../client/src/commandIds';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../server/src/protocol';
import { repoRoot } from '../support/config';

interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    keybindings: { command: string; key: string; mac?: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: { properties: Record<string, { default: unknown; scope?: string; description?: string; type: unknown; enum?: string[] }> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const source = (...parts: string[]) => fs.readFileSync(path.join(repoRoot, ...parts), 'utf8');

describe('package.json: client contributions', () => {
  it('contributes exactly the commands the client registers, with localised titles', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) {
      assert.match(command.title, /^%policyBrief\.command\.[A-Za-z]+%$/);
      assert.equal(command.category, '%policyBrief.category%');
    }
    const registration = source('client', 'src', 'commands', 'index.ts');
    for (const key of Object.keys(Commands)) assert.match(registration, new RegExp(`register\\(Commands\\.${key},`), `Commands.${key} is registered`);
  });

  it('the preview keys only apply to briefs, so Markdown keeps ctrl+shift+v / ctrl+k v elsewhere', () => {
    const keys = manifest.contributes.keybindings.map((k) => [k.command, k.key, k.mac]);
    assert.deepEqual(keys, [
      [Commands.showPreview, 'ctrl+shift+v', 'cmd+shift+v'],
      [Commands.showPreviewToSide, 'ctrl+k v', 'cmd+k v'],
    ]);
    for (const binding of manifest.contributes.keybindings) {
      assert.match(binding.when ?? '', new RegExp(`\\beditorLangId == markdown\\b.*&& ${IS_BRIEF_CONTEXT_KEY.replace('.', '\\.')}\\b`));
    }
    const titleButton = manifest.contributes.menus['editor/title'];
    assert.ok(titleButton.every((m) => m.when?.includes(IS_BRIEF_CONTEXT_KEY)), 'editor-title button only on briefs');
  });

  it('activates on Markdown and loads the bundled client', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
    // A preview left open is restored after a window reload by the serializer of its view type.
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:policyBrief.preview'));
    assert.equal(manifest.main, './dist/client/extension.js');
  });

  it('declares every setting of PolicyBriefSettings with its default and a description', () => {
    const properties = manifest.contributes.configuration.properties;
    const expected: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      if (key === 'trace') expected[`${SETTINGS_SECTION}.trace.server`] = (value as { server: string }).server;
      else expected[`${SETTINGS_SECTION}.${key}`] = value;
    }
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(properties[key].default, value, `${key} default`);
      assert.match(properties[key].description ?? '', /^%policyBrief\.configuration\.[A-Za-z.]+%$/, `${key} description`);
    }
    // Per-folder settings are `resource`-scoped; the trace level is per window.
    for (const [key, property] of Object.entries(properties)) assert.equal(property.scope, key.endsWith('trace.server') ? 'window' : 'resource', key);
    assert.deepEqual(properties[`${SETTINGS_SECTION}.validate`].enum, ['onType', 'onSave']);
    assert.deepEqual(properties[`${SETTINGS_SECTION}.trace.server`].enum, ['off', 'messages', 'verbose']);
  });
});
