#!/usr/bin/env bash
set -euo pipefail

export ANTHROPIC_API_KEY="${ANTHROPIC_API_KEY:-⟦anthropic⟧}" ⟪+ key:anthropic shell default expansion⟫
export OPENAI_API_KEY="$(op read op://Engineering/OpenAI/credential)" ⟪- secret-reference op read⟫
export GITHUB_TOKEN="$(gh auth token)" ⟪- env-read command substitution⟫
API_KEY="⟦cohere⟧" ⟪+ generic:cohere shell variable⟫
DB_PASS='⟦password⟧' ⟪+ generic:password shell DB_PASS⟫

curl -sS -H "Authorization: Bearer ${API_KEY}" https://api.cohere.com/v2/models > /dev/null ⟪- placeholder ${VAR}⟫
curl -sS -H "x-api-key: ⟦alnum40⟧" https://crm.acme.internal/api/ping ⟪+ generic:x-api-key header in curl⟫
mysql -h db.internal -u seed -p"$DB_PASS" agents < seed.sql ⟪- env-read variable⟫
aws configure set aws_secret_access_key "⟦aws-secret⟧" ⟪+ key:aws-secret-access-key aws configure⟫
npm config set //registry.npmjs.org/:_authToken ⟦npm⟧ ⟪+ key:npm npm config⟫
git clone https://x-access-token:⟦ghs⟧@github.com/acme/agents.git ⟪+ key:github/ghs token in clone URL⟫
git clone https://oauth2:⟦gitlab⟧@gitlab.acme.dev/acme/agents.git ⟪+ key:gitlab token in clone URL⟫
sha256sum --check <<< "⟦sha256⟧  agent-gateway.tar.gz" ⟪- hash checksum⟫
