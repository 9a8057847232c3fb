// The bundle protocol serves files of out/renderer and nothing outside it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveBundleFile } from '../../src/main/bundle-files.ts';

const root = '/opt/embargo/out/renderer';

describe('resolveBundleFile', () => {
  it('maps app://bundle/ URLs to files of the bundle with their type', () => {
    expect(resolveBundleFile('app://bundle/', root)).toEqual({ path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveBundleFile('app://bundle/index.html', root)?.path).toBe(join(root, 'index.html'));
    expect(resolveBundleFile('app://bundle/assets/index-abc.js?v=1', root)).toEqual({
      path: join(root, 'assets/index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveBundleFile('app://bundle/assets/index-abc.css', root)?.contentType).toBe('text/css; charset=utf-8');
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveBundleFile('app://other/index.html', root)).toBeNull();
    expect(resolveBundleFile('https://bundle/index.html', root)).toBeNull();
    expect(resolveBundleFile('file:///opt/embargo/out/renderer/index.html', root)).toBeNull();
  });

  it('refuses every way out of the bundle directory', () => {
    for (const url of [
      'app://bundle/../../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd.js',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2f..%2fsecret.js',
      'app://bundle/..%5c..%5csecret.js',
      'app://bundle/assets/x.js%00.html',
      'app://bundle/%E0%A4%A',
    ]) {
      const resolved = resolveBundleFile(url, root);
      expect(resolved === null || resolved.path.startsWith(`${root}/`), url).toBe(true);
    }
    // The URL parser folds %2e%2e segments itself; %2f survives it and is caught after decoding.
    expect(resolveBundleFile('app://bundle/%2e%2e/%2e%2e/etc/passwd.js', root)?.path).toBe(join(root, 'etc/passwd.js'));
    expect(resolveBundleFile('app://bundle/assets/..%2f..%2f..%2fetc%2fpasswd.js', root)).toBeNull();
    expect(resolveBundleFile('app://bundle/..%5c..%5csecret.js', root)).toBeNull();
  });

  it('refuses files without a known web type (no source maps, no keys, no dotfiles served raw)', () => {
    expect(resolveBundleFile('app://bundle/assets/index.js.map', root)).toBeNull();
    expect(resolveBundleFile('app://bundle/.env', root)).toBeNull();
    expect(resolveBundleFile('app://bundle/key.pem', root)).toBeNull();
  });

  it('never resolves outside the root, whatever the path', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2f', 'assets', 'a.js', '%00', '\\'), fc.string()), { maxLength: 8 }), (parts) => {
        const resolved = resolveBundleFile(`app://bundle/${parts.join('/')}`, root);
        return resolved === null || resolved.path.startsWith(`${root}/`);
      }),
    );
  });
});
