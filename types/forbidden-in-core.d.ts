// Mapped in tsconfig.core.json for `electron`, `react` and `react-dom`: the core, the CLI and
// browser mode run in plain Node, so importing a UI or Electron module there must not compile.
export {};
