#!/usr/bin/env bash
# Makes the README's editor capture: Neovim 0.7 in a detached tmux session, the bundled example's
# coroutines.py open with the set-up of neovim-0.7.lua, captured as text once the traces are shown.
# Usage: docs/capture/capture.sh [FIRST_LINE] (needs nvim and tmux; run `npm run build` first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
first="${1:-25}"
session="yieldlens-capture-$$"
cd "$repo/test-fixtures/example"
tmux new-session -d -s "$session" -x 118 -y 42 "nvim -u '$here/neovim-0.7.lua' +$first logpipe/coroutines.py"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
# Scroll so that line $first is at the top, then wait until the hints and lenses are drawn.
sleep 1
tmux send-keys -t "$session" "zt"
for _ in $(seq 1 100); do
  if tmux capture-pane -p -t "$session" | grep -q '→' && tmux capture-pane -p -t "$session" | grep -q ' runs\? ·'; then break; fi
  sleep 0.2
done
sleep 0.5
tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//'
