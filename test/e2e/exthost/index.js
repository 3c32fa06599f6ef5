// Runs inside code-server's Node extension host (the `extensionTestsPath` of the payload), like
// @vscode/test-electron's test entry. Mocha comes from the e2e tools folder.
const path = require('path');
const Mocha = require(path.join(process.env.E2E_TOOLS, 'node_modules/mocha'));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve())));
};
