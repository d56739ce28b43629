#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('fazhi-report: 尚未构建（dist/cli.js 不存在），请先运行 npm install 或 npm run build。\n' +
    'fazhi-report: not built yet (dist/cli.js is missing); run npm install or npm run build first.\n');
  process.exit(2);
}
// (with V8's code cache where the build made one: ./load-cli.js)
require('./load-cli').loadCli('main').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
