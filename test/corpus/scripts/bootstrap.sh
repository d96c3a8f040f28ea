#!/usr/bin/env bash
set -euo pipefail

export ANTHROPIC_API_KEY="${ANTHROPIC_API_KEY:-sk-ant-api03-wmUf8c3f76EBI6OZpzvcFIGO55fsi2JbAhk0cRGJaqprVf68CsjITpcd6ccZSrcc1gTjZe0ey1Poklf_7cjJJFTlaiy-2AA}"
export OPENAI_API_KEY="$(op read op://Engineering/OpenAI/credential)"
export GITHUB_TOKEN="$(gh auth token)"
API_KEY="vH0zdi2III716qoIlOh8qgfHYrOCNlY9y1NICRY6"
DB_PASS='IldQKU*0lE#MGj!3x467'

curl -sS -H "Authorization: Bearer ${API_KEY}" https://api.cohere.com/v2/models > /dev/null
curl -sS -H "x-api-key: mpCHYIyPOhOMamSKaU4PVvIF8VriNIzQMaQzPx2m" https://crm.acme.internal/api/ping
mysql -h db.internal -u seed -p"$DB_PASS" agents < seed.sql
aws configure set aws_secret_access_key "sY1gNpPFoO0/4G3AiQOuX1vNo6RLbN/T/cBfOTLV"
npm config set //registry.npmjs.org/:_authToken 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
git clone https://x-access-token:ghs_Mo4o4hGirkFyG7S1lXZCSVKpl3xVnw1pPEcI@github.com/acme/agents.git
git clone https://oauth2:glpat-WCbPVkjKKpHWFxndjV9b@gitlab.acme.dev/acme/agents.git
sha256sum --check <<< "da8342734ab13aa3d246f31024cde10097ac132256b22d745f82b4cec274e4aa  agent-gateway.tar.gz"
