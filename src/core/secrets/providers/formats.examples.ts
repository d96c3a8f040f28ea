import type { ProviderExamples } from '../provider-types';

export const FORMATS_EXAMPLES: Record<string, ProviderExamples> = {
  'jwt': {
    match: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNzIwNzBlMmEiLCJhdWQiOiJhZ2VudC1nYXRld2F5IiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjE3OTg3NjE2MDB9.TxAWaoJTZopA02pm3-VtFhmHqQrPjnVTfBjp90XMvMW', 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjhhNDI1NTUwM2VkMjMwZDgiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5kZXYvIiwic3ViIjoidXNlcl80VVpmZzZ3ZzNZUzMiLCJzY29wZSI6InRvb2xzOmludm9rZSIsImV4cCI6MTc5ODc2MTYwMH0.CaoPJ2WfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl17Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcNca9naoS5Xd1jzoRw0CT6EZYtNTBWiED31Ygca-zAQYK5G3ZwucamYHRuEfB6dmwiUHPm3i_--TlvaSF3NXdXwcTBVuSHTRVwKELjFmSsO7ScOwOT-x7FYxeVL68ODq3T8bYqtjkuSXEhNCJ9rwoEvwEIShw45dRfX8PtRMgOWSTwIA8XGwqlcFijjOdgWvT96IuFmISJM-MUMJLjkWk10tkysyOtAPCIprZkPzCu-0PXkBV7Am93kU1glPU0fXRTLRAC', 'SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImVyc2VpZHNodndzd3lqcWRvdnB0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoyMDgyNzU4NDAwfQ.c7r9QfIU0vjY6dniqOIJ_WqessTQRRKTF2_V-Z-xbCs'],
    secrets: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNzIwNzBlMmEiLCJhdWQiOiJhZ2VudC1nYXRld2F5IiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjE3OTg3NjE2MDB9.TxAWaoJTZopA02pm3-VtFhmHqQrPjnVTfBjp90XMvMW', 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjhhNDI1NTUwM2VkMjMwZDgiLCJ0eXAiOiJKV1QifQ.eyJpc3MiOiJodHRwczovL2F1dGguYWNtZS5kZXYvIiwic3ViIjoidXNlcl80VVpmZzZ3ZzNZUzMiLCJzY29wZSI6InRvb2xzOmludm9rZSIsImV4cCI6MTc5ODc2MTYwMH0.CaoPJ2WfkYsaAqFBNQrPWD49AbElRKN-PEqkvJl17Sbu8uBdw6mwML1Dd-vjwFASeSbTFuduCrQrhqnbcNca9naoS5Xd1jzoRw0CT6EZYtNTBWiED31Ygca-zAQYK5G3ZwucamYHRuEfB6dmwiUHPm3i_--TlvaSF3NXdXwcTBVuSHTRVwKELjFmSsO7ScOwOT-x7FYxeVL68ODq3T8bYqtjkuSXEhNCJ9rwoEvwEIShw45dRfX8PtRMgOWSTwIA8XGwqlcFijjOdgWvT96IuFmISJM-MUMJLjkWk10tkysyOtAPCIprZkPzCu-0PXkBV7Am93kU1glPU0fXRTLRAC', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImVyc2VpZHNodndzd3lqcWRvdnB0Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoyMDgyNzU4NDAwfQ.c7r9QfIU0vjY6dniqOIJ_WqessTQRRKTF2_V-Z-xbCs'],
    noMatch: [
      'eyJhbGciOiJIUzI1NiJ9.eyJ...',
      'eyJxxxxxxxxx.eyJxxxxxxxxx.xxxxxxxxxxxxxxxxxx',
      'Authorization: Bearer ${ACCESS_TOKEN}',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
      'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJhZG1pbiI6dHJ1ZX0.V076FCDBxeQZpfFqOHfU',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImRtcmFlZ2piaWF1cHZraGhhbmFtIiwicm9sZSI6ImFub24iLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MjA4Mjc1ODQwMH0.0XXFy7RvDim9eh3se6kjdMdU6kXNDoee4dfypw2HJ9u',
      'eyJ-FjktDh3hPKdvzayjznBVjddCWnoSe.eyJfSzZtdTWmmcMIeLrS6r8xI1lqCqLHcX1QzpGazOz.cn21-R5a4hzfTZ3i4deTfXSTRNPRRlL11SbvSPIcZi2',
      'xyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtNzIwNzBlMmEiLCJhdWQiOiJhZ2VudC1nYXRld2F5IiwiaWF0IjoxNzY3MjI1NjAwLCJleHAiOjE3OTg3NjE2MDB9.TxAWaoJTZopA02pm3-VtFhmHqQrPjnVTfBjp90XMvMW',
    ],
  },
  'url-password': {
    match: ['https://deploy:468c13oJ0QLn19!4HGu@git.acme.dev/agents/triage.git', 'http://svc-reports:niszid6StFYklKCa@proxy.internal.acme.dev:3128'],
    secrets: ['468c13oJ0QLn19!4HGu', 'niszid6StFYklKCa'],
    noMatch: [
      'https://user:password@example.com/repo.git',
      'https://deploy:468c13oJ0QLn19!4HGu@example.com/x',
      'https://${GIT_USER}:${GIT_TOKEN}@git.acme.dev/x.git',
      'http://admin:admin@localhost:8080',
      'https://user:<password>@git.acme.dev',
      'https://host.acme.dev:8443@other',
      'https://niszid6StFYklKCa:niszid6StFYklKCa@git.acme.dev',
    ],
  },
  'url-query-token': {
    match: ['https://api.acme.dev/v1/export?format=csv&access_token=BMtO2aUL2GyWjdEOCnX45lkhEfTaoTMM', 'wss://stream.acme.dev/events?api_key=-L-8AAhyNXGipiC_-pDrG2wHRhCcp4l4KJaY1ytz&v=2', 'GET /hooks/deploy?token=9ee6e4b75afe5b1450c24132fc2257936a399ad0', 'https://api.acme.dev/v1/items;token=Qf7Lw2Xn9RkTzB4mVc8Hs1Jd;page=2'],
    secrets: ['BMtO2aUL2GyWjdEOCnX45lkhEfTaoTMM', '-L-8AAhyNXGipiC_-pDrG2wHRhCcp4l4KJaY1ytz', '9ee6e4b75afe5b1450c24132fc2257936a399ad0', 'Qf7Lw2Xn9RkTzB4mVc8Hs1Jd'],
    noMatch: [
      'https://api.acme.dev/v1/export?access_token=YOUR_ACCESS_TOKEN',
      'https://api.acme.dev/v1/export?access_token={{token}}',
      'https://cdn.acme.dev/app.js?key=main-bundle',
      'https://api.acme.dev/v1/items?token=${TOKEN}&page=2',
      'https://search.acme.dev/?q=key=value',
      'https://codecov.io/gh/acme/agents/branch/main/graph/badge.svg?token=yZL6LtXkOA',
      'https://example.com/api?key=NUXOmHqWNVTapJkJJHw8BfD155AuqhH_qju_5fNmQ4ZHV7u8',
      'Server=db.acme.dev;Database=Orders;User Id=app;Password=xxx;TrustServerCertificate=True;Min Pool Size=5;',
    ],
  },
  'auth-header': {
    match: ['Authorization: Token KIhuPHHDXKOVGkUIdVecYUyfFUd7IHtmGoS5u2Ly', 'X-Auth-Token: OhGCnKfyOqFYBKqYojsVml8XmW6fq5At', 'headers = {\'Private-Token\': \'Zuu9D8ixT8AKgvmTTDuSeyJz5kAVAgYUuxAh\'}', 'Authorization: Basic Y2ktYm90OnVrTUVFUXE5TEc2MyNRWjZmS08=', 'curl -H "X-API-Key: 9b2e41c7-3f0d-4a8e-b6c5-d17f20e8a93c" https://api.acme.dev/v2/rates', "headers: { Authorization: 'q7Rz2KpWx9LmT4vNb8YcH3sJ' }"],
    secrets: ['KIhuPHHDXKOVGkUIdVecYUyfFUd7IHtmGoS5u2Ly', 'OhGCnKfyOqFYBKqYojsVml8XmW6fq5At', 'Zuu9D8ixT8AKgvmTTDuSeyJz5kAVAgYUuxAh', 'Y2ktYm90OnVrTUVFUXE5TEc2MyNRWjZmS08=', '9b2e41c7-3f0d-4a8e-b6c5-d17f20e8a93c', 'q7Rz2KpWx9LmT4vNb8YcH3sJ'],
    noMatch: [
      'Authorization: Token YOUR_API_TOKEN',
      'X-Auth-Token: ${AUTH_TOKEN}',
      'Authorization: Basic dXNlcjpwYXNzd29yZA==',
      'Authorization: Basic bm8tY29sb24taGVyZS1hdC1hbGw=',
      'X-Api-Key: <api-key>',
      'X-Request-Id: RgErYKGe0u4v8M3875F2KAfDGBnwUAjb',
      "headers: { authorization: authorizationHeader, 'x-request-id': requestId }",
      'Authorization: Bearer ${API_TOKEN}',
      'X-Correlation-Id: 9b2e41c7-3f0d-4a8e-b6c5-d17f20e8a93c',
      'X-API-Key: 00000000-0000-0000-0000-000000000000',
      'Authorization: `KasadaApiTokenV1 ${process.env.KASADA_TOKEN}`',
    ],
  },
  'curl-basic-auth': {
    match: ['curl -u deploy:hBb0c1j3eSZlXL59 https://api.acme.dev/v1/builds', 'curl --user=ops@acme.dev:FBFjz7kFJF%we9YK \\\n  https://api.acme.dev/v1/users', 'curl -s \\\n  -u d8OUlQ78QEJcDQrTFNZABXEbodFzdQNi: https://api.acme.dev/v1/charges'],
    secrets: ['hBb0c1j3eSZlXL59', 'FBFjz7kFJF%we9YK', 'd8OUlQ78QEJcDQrTFNZABXEbodFzdQNi'],
    noMatch: [
      'curl -u admin:admin https://api.acme.dev',
      'curl -u "$USER:$PASSWORD" https://api.acme.dev',
      'curl -u user:password https://example.com',
      'curl -u me https://api.acme.dev',
      'curl -u ${API_KEY}: https://api.acme.dev',
    ],
  },
  'npmrc-auth': {
    match: ['//npm.pkg.github.com/:_authToken=nk9zT6Dp6rGu0flLEm7bsT36SL05UWfRYqFm', '//registry.acme.dev/npm/:_auth=Y2k6TDNqdDNvcFFVSGtCNTg0', 'npmAuthToken: "ghpWoZJe2iZfwew8RF1WpUEbpp44y44nbZJcPGoj"'],
    secrets: ['nk9zT6Dp6rGu0flLEm7bsT36SL05UWfRYqFm', 'Y2k6TDNqdDNvcFFVSGtCNTg0', 'ghpWoZJe2iZfwew8RF1WpUEbpp44y44nbZJcPGoj'],
    noMatch: [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.acme.dev/:_auth=anVzdC1hLXVzZXI=',
      'this._authToken = options.authToken;',
      '_authToken=token',
      'npmAuthToken: "${NPM_TOKEN}"',
    ],
  },
  'pypirc-password': {
    match: ['[acme-internal]\nrepository = https://pypi.acme.dev/simple/\nusername = deploy\npassword = lD1b5UO9QdXF32', '[testpypi]\nusername = release-bot\npassword: Q6VtyRBA-LUdD2qIP'],
    secrets: ['lD1b5UO9QdXF32', 'Q6VtyRBA-LUdD2qIP'],
    noMatch: [
      '[pypi]\nusername = __token__\npassword = <your-token>',
      '[server]\nusername = deploy\npassword = password',
      '[pypi]\nusername = deploy\npassword = ${PYPI_PASSWORD}',
    ],
  },
  'netrc': {
    match: ['machine api.acme.dev login deploy password Aodc9gTMH1loco90', 'machine git.acme.dev\n  login ci-bot\n  password imJbA9iiBI1972'],
    secrets: ['Aodc9gTMH1loco90', 'imJbA9iiBI1972'],
    noMatch: [
      'machine api.acme.dev login deploy password changeme',
      'machine example.com login user password <password>',
      'machine api.acme.dev login deploy password $NETRC_PASSWORD',
    ],
  },
  'docker-config-auth': {
    match: ['{ "auths": { "registry.acme.dev": { "auth": "cm9ib3QkY2k6RElqQTJ0YzJYeHFCRVFUYTFNazc=" } } }', '"ghcr.io": { "auth": "ZGVwbG95Olo5Q1k5cjdLVHJkemhtMTA=" }'],
    secrets: ['cm9ib3QkY2k6RElqQTJ0YzJYeHFCRVFUYTFNazc=', 'ZGVwbG95Olo5Q1k5cjdLVHJkemhtMTA='],
    noMatch: [
      '"auth": "dXNlcjpwYXNzd29yZA=="',
      '"auth": "bm8tY29sb24tYW55d2hlcmU="',
      '"auth": "bearer"',
      '"auth": "${DOCKER_AUTH}"',
    ],
  },
  'azure-connection-string': {
    match: ['DefaultEndpointsProtocol=https;AccountName=acmeagents;AccountKey=O6XTLOhhg69LAdfYKhJceaRu+08eM6Ub0IXzOoc+567dXVnXfZKg3nWNsvHqpT1TGAALZ2fXAk14bhltgj0yzA==;EndpointSuffix=core.windows.net', 'Endpoint=sb://acme-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=VkUmOAwMHcknsFsBOcrKFcyte6s8OmiExUtnTeGYqvw='],
    secrets: ['O6XTLOhhg69LAdfYKhJceaRu+08eM6Ub0IXzOoc+567dXVnXfZKg3nWNsvHqpT1TGAALZ2fXAk14bhltgj0yzA==', 'VkUmOAwMHcknsFsBOcrKFcyte6s8OmiExUtnTeGYqvw='],
    noMatch: [
      'AccountKey=<storage-account-key>',
      'AccountKey=${STORAGE_KEY}',
      'SharedAccessKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      'AccountKey=short==',
      'SESSION_SECRET=AzoxGjzB6X0gmmW3vrxcpmmJpJp1i6H0OLxgAvDVffQu',
    ],
  },
  'jdbc-password': {
    match: ['jdbc:mysql://db.acme.dev:3306/agents?user=app&password=0TQgwYfwNSIN848', 'jdbc:sqlserver://db.acme.dev:1433;databaseName=agents;user=app;password=V3ip4bfAYv19;encrypt=true'],
    secrets: ['0TQgwYfwNSIN848', 'V3ip4bfAYv19'],
    noMatch: [
      'jdbc:mysql://localhost:3306/test?user=root&password=root',
      'jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}',
      'jdbc:mysql://db/app?password=changeme',
    ],
  },
  'odbc-password': {
    match: ['Driver={ODBC Driver 18 for SQL Server};Server=tcp:db.acme.dev,1433;Uid=agent;Pwd=g3zU2f8LL8jC815;Encrypt=yes;', 'Server=db.acme.dev;Database=agents;User Id=agent;Password=vP6oNPimng!94;'],
    secrets: ['g3zU2f8LL8jC815', 'vP6oNPimng!94'],
    noMatch: [
      'Server=db;Database=app;User Id=sa;Password=<your_password>;',
      'Server=localhost;Database=app;User Id=sa;Password=password;',
      'Server=db;Database=app;Password={your_password};',
    ],
  },
  'ldap-bind-password': {
    match: ['bindpw oPkt8fkKDEyE83', 'LDAP_BIND_PASSWORD=S4vPkZx7Z3414', 'ldapsearch -x -D "cn=admin,dc=acme,dc=dev" -w mTHmHXHqc7N2gU60 -b "dc=acme,dc=dev"'],
    secrets: ['oPkt8fkKDEyE83', 'S4vPkZx7Z3414', 'mTHmHXHqc7N2gU60'],
    noMatch: [
      'bindpw {SSHA}Ee/ux0XvBUogWBpT6EDwBkuEoVZD2Bvb',
      'bind_password: ${LDAP_PASSWORD}',
      'bindPassword(password)',
      'LDAP_BIND_PASSWORD=changeme',
    ],
  },
  'xml-credential': {
    match: ['<username>deploy</username>\n<password>PLe763I6MlNG676</password>', '<apiToken>lu0wizEzL2GCsd5MxvAbV0pyO63oeyzWrc3i23dW</apiToken>'],
    secrets: ['PLe763I6MlNG676', 'lu0wizEzL2GCsd5MxvAbV0pyO63oeyzWrc3i23dW'],
    noMatch: [
      '<password>{AQAAABAAAAAQwSzWE4mKbT130vOpXAgfLyaDjK3pURkv1tEE9qg2=}</password>',
      '<password>${env.DEPLOY_PASSWORD}</password>',
      "f'<secret>{names_by_value[match.group(0)]}</secret>'",
      '"<apiToken>{settings.api_token!s}</apiToken>".format(settings=settings)',
      '<secret>changeme</secret>',
      '<password>password</password>',
    ],
  },
  'nuget-config-password': {
    match: ['<add key="ClearTextPassword" value="BDE5FNh9z7G781" />', '<add key="Password" value="vqj8jtMm6P0211" />'],
    secrets: ['BDE5FNh9z7G781', 'vqj8jtMm6P0211'],
    noMatch: [
      '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />',
      '<add key="Username" value="deploy-bot-2024" />',
      '<add key="ClearTextPassword" value="password" />',
    ],
  },
};
