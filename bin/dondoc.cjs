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
if (process.argv[2] === 'start') {
  // A stop signal while the sources load (synchronously: the signal is handled once they are): nothing is started
  // yet, so stop cleanly (exit 0), not by the signal. Once workers/stop-request.ts listens too, it decides. These
  // listeners stay: removing a signal's last listener drops a signal that is pending.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (process.listenerCount(signal) === 1) process.exit(0);
    });
  }
}
require('tsx/cjs/api').register();
require('../cli/main.ts');
