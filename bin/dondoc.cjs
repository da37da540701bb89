'use strict';
// Started by bin/dondoc. Runs the TypeScript sources through tsx; a deployment built with `npm run build` runs
// `node dist/cli/main.js`.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `dondoc needs Node.js 24 or newer; this is ${process.version} (${process.execPath}). ` +
      '`npm ci` installs the pinned Node into node_modules.\n',
  );
  process.exit(1);
}
require('tsx/cjs/api').register();
require('../cli/main.ts');
