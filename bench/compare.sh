#!/usr/bin/env bash
# The same client-side kubectl command through the real kubectl 1.32 client
# and through kubetutor's script mode, each timed from process start to exit
# (median of RUNS runs), side by side with their ratio. Also checks that both
# printed the same bytes. (Only commands kubectl answers without a server: `run`
# asks the server for its API groups even with --dry-run=client.)
#
#   bench/compare.sh [KUBETUTOR] [RUNS]
#
# KUBETUTOR defaults to the release build (swift build -c release --product
# kubetutor); KUBECTL may name the real client (default: kubectl.1.32 beside
# the kubectl on PATH, else /usr/lib/google-cloud-sdk/bin/kubectl.1.32).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
kubetutor="${1:-$root/.build/release/kubetutor}"
runs="${2:-21}"

if [[ -z "${KUBECTL:-}" ]]; then
  if command -v kubectl >/dev/null 2>&1; then
    KUBECTL="$(dirname "$(readlink -f "$(command -v kubectl)")")/kubectl.1.32"
  fi
  [[ -x "${KUBECTL:-}" ]] || KUBECTL=/usr/lib/google-cloud-sdk/bin/kubectl.1.32
fi
if [[ ! -x "$KUBECTL" ]]; then
  echo "compare.sh: skipped: the real kubectl 1.32 client is not installed (set KUBECTL)" >&2
  exit 0
fi
if [[ ! -x "$kubetutor" ]]; then
  echo "compare.sh: no kubetutor at $kubetutor (swift build -c release --product kubetutor)" >&2
  exit 1
fi

# kubectl needs no cluster for these, but wants a kubeconfig it can read.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export KUBECONFIG="$scratch/config"
cat >"$KUBECONFIG" <<'EOF'
apiVersion: v1
kind: Config
clusters:
- cluster: {server: "https://127.0.0.1:6443"}
  name: kind-kind
contexts:
- context: {cluster: kind-kind, user: kind-kind}
  name: kind-kind
current-context: kind-kind
users:
- name: kind-kind
  user: {token: fake}
EOF

# Median wall time in milliseconds of running "$@" RUNS times.
median_ms() {
  local times=() start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" 'NR == int(n / 2) + 1 { printf "%.1f", $1 / 1000 }'
}

through_kubetutor() {
  printf 'kubectl %s\n' "$*" | "$kubetutor" --script -
}

commands=(
  "create deployment x --image=nginx --dry-run=client -o yaml"
  "create service clusterip web --tcp=80:8080 --dry-run=client -o yaml"
  "create configmap settings --from-literal=a=b --dry-run=client -o json"
)

printf '%-62s %10s %10s %7s  %s\n' "command (median of $runs, process start to exit)" "kubectl" "kubetutor" "ratio" "output"
for command in "${commands[@]}"; do
  read -ra words <<<"$command"
  same="same"
  if ! diff <("$KUBECTL" "${words[@]}" 2>&1) <(through_kubetutor "${words[@]}" 2>&1) >/dev/null; then
    same="DIFFERS"
  fi
  real=$(median_ms "$KUBECTL" "${words[@]}")
  ours=$(median_ms through_kubetutor "${words[@]}")
  ratio=$(awk -v a="$ours" -v b="$real" 'BEGIN { printf "%.2f", a / b }')
  printf '%-62s %8s ms %8s ms %6sx  %s\n' "kubectl $command" "$real" "$ours" "$ratio" "$same"
done
