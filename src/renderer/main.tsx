// Desktop entry: the Electron preload has already installed `window.api`.
import { mountApp } from './app/mount.tsx';

mountApp();
