// The packaging configuration (electron-builder.yml) without building a package (that would
// download Electron): it is valid against electron-builder's own schema, builds AppImage, deb,
// dmg and NSIS, flips the security fuses, ships the schemas, and never publishes
// or updates over the network.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  extraResources: { from: string; to: string }[];
  linux: { target: string[] };
  mac: { target: string };
  win: { target: string };
  files: string[];
};

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's configuration schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    // and the schema does refuse what electron-builder would refuse
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toBe(false);
    expect(validate({ ...config, linux: { target: 'AppImage', categroy: 'x' } })).toBe(false);
  });

  it('builds AppImage and deb, dmg and NSIS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no --inspect, only the app archive, checked', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the schemas as resources (the mail templates are built into the app), the built app only, and publishes nothing', () => {
    expect(config.extraResources.map((r) => [r.from, r.to])).toEqual([['resources/schemas', 'schemas']]);
    expect(existsSync('resources/schemas/cve')).toBe(true);
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
  });

  it('the app it packages starts from the built main process', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
