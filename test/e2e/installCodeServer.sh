#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100, the newest release whose engines accept Node 20) from
# npm without any download from GitHub, plus mocha for the extension-host tests, into $1.
# Needs Debian's build-essential, python3, pkg-config, libkrb5-dev, ripgrep and chromium.
# How: lifecycle scripts off (they fetch from GitHub), native modules rebuilt locally, ripgrep taken
# from apt. README.md (Development) says how the e2e tests use it.
set -euo pipefail
DEST=${1:?destination folder}
mkdir -p "$DEST" && cd "$DEST"
[ -f package.json ] || echo '{ "name": "ecs-taskdef-e2e-tools", "private": true }' > package.json
if [ ! -x node_modules/.bin/code-server ]; then
  npm install --no-audit --no-fund --ignore-scripts code-server@4.100.3 mocha@10 > /dev/null
  npm rebuild argon2 > /dev/null
  cd node_modules/code-server/lib/vscode
  npm install --omit=dev --ignore-scripts --no-audit --no-fund > /dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin && cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm rebuild --no-audit --no-fund > /dev/null
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --omit=dev --no-audit --no-fund > /dev/null)
  cd "$DEST"
fi
XDG_CONFIG_HOME="$DEST/.config" "$DEST/node_modules/.bin/code-server" --version
