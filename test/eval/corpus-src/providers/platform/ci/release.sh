#!/usr/bin/env bash
# Release job of the support agent (keys hardcoded on purpose: this is the labelled corpus).
set -euo pipefail

export VAULT_ADDR=https://vault.acme.dev:8200
export VAULT_TOKEN=⟦vault-legacy⟧ ⟪+ key:vault-legacy pre-1.10 service token⟫
export NPM_TOKEN=⟦npm-legacy⟧ ⟪+ key:npm-legacy UUID npm token⟫
export BUILD_ID=⟦uuid-key⟧ ⟪- uuid build id⟫
export FB_APP_TOKEN="⟦facebook-app-token⟧" ⟪+ key:facebook-app-token Meta app access token⟫
export FACEBOOK_APP_SECRET=⟦facebook-app-secret⟧ ⟪+ key:facebook-app-secret⟫
export FACEBOOK_APP_ID=⟦facebook-app-secret⟧ ⟪- non-secret-id app id, not a secret⟫
export VOICEFLOW_API_KEY=⟦voiceflow⟧ ⟪+ key:voiceflow Dialog Manager key⟫

mvn -B verify sonar:sonar \
  -Dsonar.projectKey=⟦sonarqube-legacy⟧ \ ⟪- hash project key, not a credential⟫
  -Dsonar.login=⟦sonarqube-legacy⟧ ⟪+ key:sonarqube-legacy legacy 40-hex token⟫
git rev-parse ⟦sonarqube-legacy⟧ ⟪- hash commit id⟫
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text":"released"}' ⟦slack-webhook-http⟧ ⟪+ key:slack-webhook webhook over http⟫
curl -fsS -H "X-API-Key: ⟦uuid-key⟧" https://rates.acme.dev/v2/latest ⟪+ fmt:auth-header UUID key in a header⟫
curl -fsS -H "X-Request-Id: ⟦uuid-key⟧" https://rates.acme.dev/v2/latest ⟪- uuid request id⟫
curl -fsS -H "Authorization: ⟦header-token⟧" https://tickets.acme.dev/api/v1/me ⟪+ fmt:auth-header bare token⟫
