// Browser-mode entry: install `window.api` over fetch to the loopback server, then the app.
import { mountApp } from './app/mount.tsx';
import { installFetchApi } from './platform/fetch-api.ts';

installFetchApi();
mountApp();
