/*
 * package.json against the sources it must agree with: its contributed configuration against
 * server/src/common/settings.ts (keys, defaults, scopes, types), its %placeholders% against both
 * package.nls files, the client's vscode.l10n.t strings against the Chinese bundle, and its
 * commands and activation events against the client.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SETTINGS, SETTINGS_SECTION } from '../../server/src/common/settings';
import { CLIENT_COMMANDS, Commands } from '../../client/src/commandIds';

const ROOT = path.resolve(__dirname, '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
}

interface PropertySchema {
  type?: string | string[];
  default?: unknown;
  scope?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
  description?: string;
  markdownDescription?: string;
  items?: PropertySchema;
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}

interface Contributes {
  commands: { command: string; title: string; category?: string }[];
  menus: Record<string, { command: string; when?: string }[]>;
  views: Record<string, { id: string; name: string }[]>;
  configuration: { title: string; properties: Record<string, PropertySchema> };
  jsonValidation: { fileMatch: string | string[]; url: string }[];
}

const pkg = readJson('package.json') as Record<string, unknown> & { contributes: Contributes; activationEvents: string[] };
const properties = pkg.contributes.configuration.properties;

function typeOfValue(value: unknown): string {
  if (Array.isArray(value)) {
    return 'array';
  }
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function acceptsType(schema: PropertySchema, value: unknown): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = typeOfValue(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

describe('contributes.configuration matches server/src/common/settings.ts', () => {
  const expectedKeys = Object.values(SETTINGS)
    .map((descriptor) => `${SETTINGS_SECTION}.${descriptor.key}`)
    .sort();

  it('has exactly the settings of settings.ts', () => {
    assert.deepEqual(Object.keys(properties).sort(), expectedKeys);
  });

  for (const descriptor of Object.values(SETTINGS)) {
    const name = `${SETTINGS_SECTION}.${descriptor.key}`;
    describe(name, () => {
      it('has the same default', () => {
        assert.ok(properties[name], `${name} is not contributed`);
        assert.deepEqual(properties[name].default, descriptor.default);
      });

      it('has the same scope', () => {
        assert.equal(properties[name]?.scope, descriptor.scope);
      });

      it('declares a type that accepts its default, and a description', () => {
        const schema = properties[name];
        assert.ok(schema, `${name} is not contributed`);
        assert.ok(acceptsType(schema, descriptor.default), `${name}: type ${JSON.stringify(schema.type)} does not accept ${JSON.stringify(descriptor.default)}`);
        assert.ok(schema.description ?? schema.markdownDescription, `${name} has no description`);
        if (schema.enum) {
          assert.ok(schema.enum.includes(descriptor.default), `${name}: the default is not one of the enum values`);
          if (schema.enumDescriptions) {
            assert.equal(schema.enumDescriptions.length, schema.enum.length, `${name}: one enum description per value`);
          }
        }
        if (Array.isArray(descriptor.default)) {
          assert.ok(schema.items, `${name}: arrays declare their items`);
          for (const item of descriptor.default) {
            assert.ok(acceptsType(schema.items, item), `${name}: items do not accept ${JSON.stringify(item)}`);
          }
        }
        if (typeOfValue(descriptor.default) === 'object') {
          const defaults = descriptor.default as unknown as Record<string, unknown>;
          assert.ok(schema.properties, `${name}: objects declare their properties`);
          assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(defaults).sort(), `${name}: the same properties as the default`);
          for (const [key, value] of Object.entries(defaults)) {
            const property: PropertySchema = schema.properties[key];
            assert.ok(acceptsType(property, value), `${name}.${key}: type does not accept ${JSON.stringify(value)}`);
            if (property.default !== undefined) {
              assert.deepEqual(property.default, value, `${name}.${key}: default`);
            }
            if (property.enum) {
              assert.ok(property.enum.includes(value), `${name}.${key}: the default is not one of the enum values`);
            }
          }
        }
      });
    });
  }
});

describe('package.nls', () => {
  const used = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === 'string') {
      const match = /^%([^%\s]+)%$/.exec(value);
      if (match) {
        used.add(match[1]);
      }
    } else if (Array.isArray(value)) {
      value.forEach(collect);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect(pkg);

  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} has every %key% used in package.json`, () => {
      const nls = readJson(file);
      const missing = [...used].filter((key) => typeof nls[key] !== 'string' || (nls[key] as string).trim() === '').sort();
      assert.deepEqual(missing, [], `${file} lacks ${missing.join(', ')}`);
    });
  }

  it('package.json uses %key% placeholders (so the nls files are not dead)', () => {
    assert.ok(used.size > 0);
  });

  it('both nls files have the same keys', () => {
    assert.deepEqual(Object.keys(readJson('package.nls.zh-cn.json')).sort(), Object.keys(readJson('package.nls.json')).sort());
  });
});

describe('runtime strings (vscode.l10n.t)', () => {
  const sources: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith('.ts')) {
        sources.push(file);
      }
    }
  };
  walk(path.join(ROOT, 'client', 'src'));
  const messages = new Set<string>();
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/gs)) {
      messages.add(match[2].replace(/\\(.)/g, '$1'));
    }
    // Every call must use a literal, or the bundle cannot be checked.
    for (const match of text.matchAll(/l10n\.t\(\s*([^\s'"])/g)) {
      assert.fail(`${path.relative(ROOT, file)}: vscode.l10n.t called with a non-literal (${match[1]}…)`);
    }
  }

  it('finds the client strings', () => {
    assert.ok(messages.size > 10, `only ${messages.size} strings found`);
  });

  it('l10n/bundle.l10n.zh-cn.json translates every one', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const missing = [...messages].filter((message) => typeof bundle[message] !== 'string').sort();
    assert.deepEqual(missing, [], `untranslated: ${missing.join(' | ')}`);
  });

  it('keeps the placeholders of every translation', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    for (const [message, translation] of Object.entries(bundle)) {
      const placeholders = (text: string) => [...text.matchAll(/\{\d+\}|\$\([a-z-]+\)/g)].map((match) => match[0]).sort();
      assert.deepEqual(placeholders(translation), placeholders(message), `"${message}" → "${translation}"`);
    }
  });

  it('package.json points at the bundle folder', () => {
    assert.equal(pkg.l10n, './l10n');
  });
});

describe('commands, menus and activation', () => {
  const contributed = new Set(pkg.contributes.commands.map((command) => command.command));

  it('contributes every command the client registers for people (internal ones excepted)', () => {
    const internal = new Set<string>([Commands.revealFinding, Commands.openDocumentation]);
    const missing = Object.values(Commands).filter((id) => !internal.has(id) && !contributed.has(id));
    assert.deepEqual(missing, []);
    for (const id of CLIENT_COMMANDS) {
      assert.ok(contributed.has(id), id);
    }
  });

  it('gives every command the "Error Codebook" category', () => {
    const nls = readJson('package.nls.json');
    for (const command of pkg.contributes.commands) {
      const category = command.category?.replace(/^%(.*)%$/, (_, key: string) => String(nls[key]));
      assert.equal(category, 'Error Codebook', command.command);
    }
  });

  it('only puts contributed commands in menus', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus)) {
      for (const item of items) {
        assert.ok(contributed.has(item.command), `${menu}: ${item.command}`);
      }
    }
  });

  it('has the editor and explorer context menu entries and the Error Codes view', () => {
    assert.ok(pkg.contributes.menus['editor/context'].some((item) => item.command === Commands.lookUpAtCursor));
    assert.ok(pkg.contributes.menus['explorer/context'].some((item) => item.command === Commands.scanLogFile));
    assert.ok(pkg.contributes.views.explorer.some((view) => view.id === 'errorCodebook.codes'));
  });

  it('activates on every language scanned by default, and not on startup', () => {
    const events = new Set(pkg.activationEvents);
    for (const language of SETTINGS['scan.languages'].default) {
      assert.ok(events.has(`onLanguage:${language}`), `onLanguage:${language}`);
    }
    assert.ok(!events.has('*') && !events.has('onStartupFinished'));
  });

  it('works in Restricted Mode with the built-in catalogs, leaving out the workspace\'s catalogPaths', () => {
    const capabilities = pkg.capabilities as { untrustedWorkspaces: { supported: string; restrictedConfigurations?: string[]; description?: string }; virtualWorkspaces: { supported: unknown; description?: string } };
    assert.equal(capabilities.untrustedWorkspaces.supported, 'limited');
    // The only setting that makes the server read files the workspace chooses.
    assert.deepEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, [`${SETTINGS_SECTION}.catalogPaths`]);
    assert.ok(capabilities.untrustedWorkspaces.description);
    assert.equal(capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(capabilities.virtualWorkspaces.description);
  });

  it('validates catalogs with the schema that exists', () => {
    for (const validation of pkg.contributes.jsonValidation) {
      assert.ok(fs.existsSync(path.join(ROOT, validation.url)), validation.url);
    }
  });
});
