#!/usr/bin/env bash
# Release job of the support agent (keys hardcoded on purpose: this is the labelled corpus).
set -euo pipefail

export VAULT_ADDR=https://vault.acme.dev:8200
export VAULT_TOKEN=s.78zwWjdBBaMSiQM3WyzLnTBR
export NPM_TOKEN=398fd755-e721-4b6e-9ca1-c42a7463570d
export BUILD_ID=0ac1f5d9-e805-4ec2-ab67-f8abf179c819
export FB_APP_TOKEN="613368204850021|MmxmLH8FrA4X1Ibrsf_-4U98CUh"
export FACEBOOK_APP_SECRET=1f1e53b4645b4269b25f7612bf5e8a54
export FACEBOOK_APP_ID=19ce7af1cb9ff120a462cedd6f9fc08a
export VOICEFLOW_API_KEY=VF.DM.a21c26a40d6f4f9435c0f61e.59Wi4IGEgWzZ9F5n

mvn -B verify sonar:sonar \
  -Dsonar.projectKey=8fec5076b8ffced37e67ed810eb4ecf20b92cd2a \
  -Dsonar.login=f760627567bdfc3f71fa71bd6e53245e89d20c10
git rev-parse 25239c373fde6cd5c2e8bf0ebfd721c42812db92
curl -fsS -X POST -H 'Content-Type: application/json' -d '{"text":"released"}' http://hooks.slack.com/services/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
curl -fsS -H "X-API-Key: 23e7de40-f39c-449a-827b-e54508238b1e" https://rates.acme.dev/v2/latest
curl -fsS -H "X-Request-Id: afcd2b95-a580-44a2-82a6-5d9e24873441" https://rates.acme.dev/v2/latest
curl -fsS -H "Authorization: YEbAIdUb6WMLqnQZHjlIwUcb2yDWkG9hXielgkPa" https://tickets.acme.dev/api/v1/me
