#!/usr/bin/env node
// The `centralino` command. The sources are TypeScript run by Node 24's type stripping,
// so this needs Node 24: inside the project, `npx centralino …` and `npm run …` use the
// node@24 devDependency.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`centralino needs Node.js 24 or newer (this is ${process.version}). Run it with "npx centralino" inside the project, which uses its node@24.`);
  process.exit(1);
}
await import('../src/cli/main.ts');
