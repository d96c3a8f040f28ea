#!/usr/bin/env bash
# The pre-commit workflow as a new user meets it, in a fresh temporary repository: install the hook, commit a
# secret (blocked, with the message), baseline an old one, suppress one with a reason, commit (passes); then the
# time `agent-guardrail audit --staged` takes for that commit next to secretlint's on the same files.
#
#   node test/tools/build.mjs && bash test/tools/precommit-demo.sh [RUNS]
#
# RUNS (default 7) is how many times each tool is timed; the median and the minimum are printed. Times are wall
# clock and include starting Node.js, as a hook pays it. Nothing is printed that contains a secret (secretlint's
# own report quotes the values, so only its count of findings is shown). No network.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CLI="$ROOT/dist/cli.js"
SECRETLINT="$ROOT/node_modules/.bin/secretlint"
RUNS="${1:-7}"
[ -f "$CLI" ] || { echo "precommit-demo: $CLI is missing; run node test/tools/build.mjs first" >&2; exit 2; }
[ -x "$SECRETLINT" ] || { echo "precommit-demo: $SECRETLINT is missing (npm install)" >&2; exit 2; }

# A clean git environment: no developer configuration, nothing inherited from a surrounding repository or hook.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(GIT_[A-Za-z0-9_]*\)=.*/\1/p')
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME='Dana Developer' GIT_AUTHOR_EMAIL='dana@acmecorp.io' GIT_COMMITTER_NAME='Dana Developer' GIT_COMMITTER_EMAIL='dana@acmecorp.io'
export NO_COLOR=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/agent-guardrail-demo-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export GIT_CEILING_DIRECTORIES="$(dirname "$WORK")"
REPO="$WORK/acme-agents"

# Secrets are assembled at run time so that this script holds no literal secret.
OLD_AWS_KEY_ID="$(printf '%s%s' 'AKIA' '2Y2NYRVD7RXINFRP')"
OPENAI_KEY="$(printf '%s%s' 'sk-proj-' 'jAWtGSU8po_799NksnRHT3BlbkFJlHUvTCQCyEZDz-TddJ8H')"
FIXTURE_SECRET="$(printf '%s%s' 'Zq8vN3xK7pL2' 'mR9tW4yB6cD1fH5jG0sA')"

say() { printf '\n# %s\n' "$*"; }
# Show a command and its output (stdout and stderr, in order) and its exit code.
run() {
  local shown=() arg
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./=:@%+,-]+$ ]]; then shown+=("$arg"); else shown+=("'$arg'"); fi # (no argument here has a quote)
  done
  printf '$ %s\n' "${shown[*]}"
  local status=0
  "$@" 2>&1 || status=$?
  printf '[exit %d]\n' "$status"
}

# --- An existing project, before it adopts Agent Guardrail -------------------------------------------------------
mkdir -p "$REPO/src/legacy" "$REPO/node_modules/.bin"
cd "$REPO"
git init --quiet --initial-branch=main
# As `npm install --save-dev agent-guardrail` would leave it: the bin link in node_modules/.bin.
ln -s "$CLI" node_modules/.bin/agent-guardrail
export PATH="$REPO/node_modules/.bin:$PATH"
printf 'node_modules/\n' > .gitignore
printf '{\n  "name": "acme-agents",\n  "private": true,\n  "devDependencies": { "agent-guardrail": "^0.1.0" }\n}\n' > package.json
cat > src/legacy/billing.ts <<EOF
import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  credentials: { accessKeyId: '$OLD_AWS_KEY_ID', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! },
});
EOF
git add -A
git commit --quiet -m 'Billing export (2023)'

say "A repository with history, and agent-guardrail installed as a dev dependency:"
run git log --oneline
run agent-guardrail --version

say "1. Install the pre-commit hook"
run agent-guardrail hook install

say "2. Commit a new agent with a hardcoded OpenAI key: the hook blocks it"
cat > src/agent.ts <<EOF
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: '$OPENAI_KEY' });

export async function triage(ticket: string) {
  const response = await client.responses.create({ model: 'gpt-4.1-mini', input: \`Triage: \${ticket}\` });
  return response.output_text;
}
EOF
echo '(src/agent.ts: const client = new OpenAI({ apiKey: '"'"'sk-proj-…'"'"' });)'
run git add src/agent.ts
run git commit -m 'Add the triage agent'
run git log --oneline

say "Fix it: read the key from the environment (the blocked key never reached git, but rotate it anyway)"
sed -i "s|apiKey: '$OPENAI_KEY'|apiKey: process.env.OPENAI_API_KEY|" src/agent.ts
run grep -n 'apiKey' src/agent.ts

say "3. The old AWS key in src/legacy/billing.ts predates the tool: record it in a baseline"
run agent-guardrail audit --history
run agent-guardrail baseline
run cat .agent-guardrail-baseline.json
say "The legacy file changes (a line moves the key down); the baselined key stays accepted"
sed -i '1i // Billing export, kept until the 2026 migration.' src/legacy/billing.ts

say "4. A revoked OAuth client secret kept as a regression fixture: suppress it with a reason"
mkdir -p test/fixtures
cat > test/fixtures/oauth-client.ts <<EOF
// agent-guardrail-ignore-next-line secrets/generic-secret -- revoked test client (2025-03), kept as a parser regression fixture
export const revokedClient = { clientId: 'acme-triage', clientSecret: '$FIXTURE_SECRET' };
EOF
run sed -n 1p test/fixtures/oauth-client.ts

say "5. Commit: the hook passes"
run git add -A
run git status --short
mapfile -t FILES < <(git diff --cached --name-only)

# Timing, on exactly the staged files of this commit, before committing it.
printf '{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}\n' > "$WORK/.secretlintrc.json"
ms() { # milliseconds one run of the command takes (its output discarded)
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}
ours=() theirs=() startup=()
ms agent-guardrail audit --staged >/dev/null # warm the file cache once for each
ms "$SECRETLINT" --secretlintrc "$WORK/.secretlintrc.json" --no-color "${FILES[@]}" >/dev/null
for _ in $(seq "$RUNS"); do
  ours+=("$(ms agent-guardrail audit --staged)")
  theirs+=("$(ms "$SECRETLINT" --secretlintrc "$WORK/.secretlintrc.json" --no-color "${FILES[@]}")")
  startup+=("$(ms agent-guardrail --version)")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "median %5d ms   min %5d ms", v[int((NR + 1) / 2)], v[1] }'; }
secretlint_count="$("$SECRETLINT" --secretlintrc "$WORK/.secretlintrc.json" --format json --no-color "${FILES[@]}" 2>/dev/null |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).reduce((n, f) => n + f.messages.length, 0)))')"

run git commit -m 'Triage agent, baseline for the legacy key, OAuth regression fixture'
run git log --oneline

say "Timing for that commit's ${#FILES[@]} staged files (${FILES[*]}), ${RUNS} runs each, wall clock including Node.js start-up:"
printf '  agent-guardrail audit --staged               %s\n' "$(stats "${ours[@]}")"
printf '  secretlint (preset-recommend), same files    %s\n' "$(stats "${theirs[@]}")"
printf '  (agent-guardrail --version: Node.js start-up and loading the CLI alone  %s)\n' "$(stats "${startup[@]}")"
printf '  secretlint reported %s finding(s) on these files (it knows nothing of the baseline or the suppression).\n' "$secretlint_count"
printf '  node %s, git %s, %s CPU(s), load average %s\n' "$(node --version)" "$(git --version | cut -d' ' -f3)" "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')" "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
