import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFile, createAnalysisContext } from '../../src/core/analyze';
import { defaultConfig } from '../../src/core/config';
import { parsePermissionRule, readClaudeSettings } from '../../src/core/configs/claude';
import { configKind } from '../../src/core/configs/kind';
import { commandLine, readMcpConfig } from '../../src/core/configs/mcp';
import { broadDirectory } from '../../src/core/configs/paths';
import { MAX_FINDINGS_PER_RULE } from '../../src/core/configs/report';
import { githubScopeMessage, githubScopesInUrl, isScopeKey } from '../../src/core/configs/scopes';
import { shellGrantOf } from '../../src/core/configs/shell-grants';
import { partRange } from '../../src/core/configs/tree';
import { getRule } from '../../src/core/rules';
import type { Finding } from '../../src/core/types';
import { describe1, REPO_ROOT } from '../helpers';

/*
 * grants/* rules on configuration: MCP client configs, Claude Code settings, IAM/CloudFormation/Terraform policies,
 * GCP bindings, Kubernetes RBAC, scripts and scope lists. Every case asserts the exact list of findings of these four
 * rules (rule id, 1-based `line:col-line:col` range, and the text the range covers), in file order. Other rule
 * families are left out so these tests depend only on the config grant rules.
 */

const FS = 'grants/filesystem-root';
const SHELL = 'grants/unrestricted-shell';
const CLOUD = 'grants/cloud-admin';
const OAUTH = 'grants/broad-oauth-scope';
const CONFIG_RULES = new Set([FS, SHELL, CLOUD, OAUTH]);

function run(path: string, text: string): Finding[] {
  return analyzeFile({ path, text }, defaultConfig(), { now: new Date('2026-01-15T00:00:00Z') })
    .findings.filter((finding) => CONFIG_RULES.has(finding.ruleId))
    .sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
}

/** `[rule line:col-line:col, covered text]` for every config grant finding, in file order. */
function grantsIn(path: string, text: string): [string, string][] {
  return run(path, text).map((finding) => [describe1(finding), text.slice(finding.startOffset, finding.endOffset)]);
}

function expectGrants(path: string, text: string, expected: [string, string][]): void {
  assert.deepStrictEqual(grantsIn(path, text), expected);
}

function messagesIn(path: string, text: string): string[] {
  return run(path, text).map((finding) => finding.message);
}

function example(path: string): string {
  return readFileSync(join(REPO_ROOT, 'examples', path), 'utf8');
}

describe('config grants: the example workspace', () => {
  it('.vscode/mcp.json: the filesystem server rooted at "/"', () => {
    expectGrants('examples/.vscode/mcp.json', example('.vscode/mcp.json'), [[`${FS} 26:65-26:68`, '"/"']]);
    const [message] = messagesIn('examples/.vscode/mcp.json', example('.vscode/mcp.json'));
    assert.match(message!, /"filesystem" is given the file-system root \("\/"\)/);
    assert.match(message!, /\$\{workspaceFolder\}/);
  });

  it('.claude/settings.json: Bash(*), not Bash(npm run test:*) or Read(./src/**)', () => {
    expectGrants('examples/.claude/settings.json', example('.claude/settings.json'), [[`${SHELL} 3:57-3:66`, '"Bash(*)"']]);
    const [message] = messagesIn('examples/.claude/settings.json', example('.claude/settings.json'));
    assert.match(message!, /any shell command/);
    assert.match(message!, /Bash\(npm run test:\*\)/);
  });

  it('config/agent-runner-policy.json: Action "*" on Resource "*"', () => {
    expectGrants('examples/config/agent-runner-policy.json', example('config/agent-runner-policy.json'), [[`${CLOUD} 7:17-7:20`, '"*"']]);
    const [message] = messagesIn('examples/config/agent-runner-policy.json', example('config/agent-runner-policy.json'));
    assert.match(message!, /every action \("\*"\) on every resource \("\*"\): full administrator access/);
  });

  it('the other example files have no config grant findings', () => {
    for (const path of [
      'agents/research.agent.yaml',
      'agents/support-triage.agent.yaml',
      'deploy/notifier.yaml',
      'package.json',
      '.env.example',
      'README.md',
    ]) {
      expectGrants(`examples/${path}`, example(path), []);
    }
  });
});

describe('grants/filesystem-root', () => {
  it('.vscode/mcp.json (JSONC, servers and inputs): home directories, a shell launcher, Docker mounts', () => {
    const text = `{
  // MCP servers for agent mode
  "inputs": [
    { "type": "promptString", "id": "gh", "description": "GitHub token", "password": true },
  ],
  "servers": {
    "project-files": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "\${workspaceFolder}", "\${workspaceFolder}/docs"]
    },
    /* the whole home directory */
    "home-files": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@latest", "\${userHome}", "\${env:HOME}/"],
    },
    "launcher": { "command": "bash", "args": ["-lc", "npx -y @modelcontextprotocol/server-filesystem ~"] },
    "docker-files": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "--mount", "type=bind,src=/Users/alice,dst=/projects/alice", "-v", "C:\\\\:/data", "mcp/filesystem", "/projects"]
    },
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": { "Authorization": "Bearer \${input:gh}" } }
  }
}
`;
    expectGrants('.vscode/mcp.json', text, [
      [`${FS} 15:72-15:85`, '"${userHome}"'],
      [`${FS} 15:87-15:101`, '"${env:HOME}/"'],
      [`${FS} 17:102-17:103`, '~'],
      [`${FS} 20:63-20:75`, '/Users/alice'],
      [`${FS} 20:105-20:109`, 'C:\\\\'],
    ]);
  });

  it('.mcp.json (Claude Code): a project-scoped server is fine, the home directory and / are not', () => {
    const good = `{
  "mcpServers": {
    "docs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "./docs", "."] },
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "headers": { "Authorization": "Bearer \${GITHUB_TOKEN}" } },
    "linear": { "command": "npx", "args": ["-y", "mcp-remote", "https://mcp.linear.app/sse"] }
  }
}
`;
    expectGrants('.mcp.json', good, []);
    const bad = `{
  "mcpServers": {
    "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "$HOME"] },
    "root": { "command": "mcp-server-filesystem", "args": ["--root=/"] }
  }
}
`;
    expectGrants('.mcp.json', bad, [
      [`${FS} 3:97-3:104`, '"$HOME"'],
      [`${FS} 4:68-4:69`, '/'],
    ]);
    assert.match(messagesIn('.mcp.json', bad)[0]!, /your home directory \("\$HOME"\).*the project directory/);
  });

  it('.cursor/mcp.json: drive roots and %USERPROFILE%; ${workspaceFolder} is fine', () => {
    const text = `{
  "mcpServers": {
    "filesystem": {
      "command": "cmd",
      "args": ["/c", "npx", "-y", "@modelcontextprotocol/server-filesystem", "C:\\\\", "%USERPROFILE%", "\${workspaceFolder}"]
    }
  }
}
`;
    expectGrants('.cursor/mcp.json', text, [
      [`${FS} 5:78-5:84`, '"C:\\\\"'],
      [`${FS} 5:86-5:101`, '"%USERPROFILE%"'],
    ]);
  });

  it('claude_desktop_config.json: /Users/alice is reported, /Users/alice/Desktop is not', () => {
    const text = `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/alice/Desktop", "/Users/alice/Downloads", "/Users/alice"]
    },
    "fs-linux": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/bob/", "/root"] }
  }
}
`;
    expectGrants('claude_desktop_config.json', text, [
      [`${FS} 5:115-5:129`, '"/Users/alice"'],
      [`${FS} 7:95-7:107`, '"/home/bob/"'],
      [`${FS} 7:109-7:116`, '"/root"'],
    ]);
    assert.match(messagesIn('claude_desktop_config.json', text)[0]!, /the home directory \/Users\/alice/);
  });

  it('cline_mcp_settings.json, mcp.json and mcp_config.json are MCP configs too', () => {
    const text = `{ "mcpServers": { "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "~/"] } } }\n`;
    for (const path of ['cline_mcp_settings.json', 'tools/mcp.json', 'mcp_config.json']) {
      expectGrants(path, text, [[`${FS} 1:97-1:101`, '"~/"']]);
    }
    // Not an MCP config: the same text in another JSON file is not read as one.
    expectGrants('config/servers.json', text, []);
  });

  it('filesystem servers only: a root argument to another server is not this rule', () => {
    const text = `{ "mcpServers": { "git": { "command": "uvx", "args": ["mcp-server-git", "--repository", "/"] } } }\n`;
    expectGrants('.mcp.json', text, []);
  });

  it('.claude/settings.json: additionalDirectories and file rules outside the project', () => {
    const text = `{
  "permissions": {
    "allow": ["Read(./src/**)", "Read(~/**)", "Edit(//**)", "Read(//Users/alice/projects/app/**)", "Edit(/docs/**)"],
    "additionalDirectories": ["../shared-docs", "~/", "/", "C:\\\\Users\\\\alice", "/home/bob/work"]
  }
}
`;
    expectGrants('.claude/settings.json', text, [
      [`${FS} 3:33-3:45`, '"Read(~/**)"'],
      [`${FS} 3:47-3:59`, '"Edit(//**)"'],
      [`${FS} 4:49-4:53`, '"~/"'],
      [`${FS} 4:55-4:58`, '"/"'],
      [`${FS} 4:60-4:78`, '"C:\\\\Users\\\\alice"'],
    ]);
  });
});

describe('grants/unrestricted-shell', () => {
  it('.claude/settings.json: shells, wrappers, interpreters and bypassPermissions; narrow rules are fine', () => {
    const text = `{
  "$schema": "https://json.schemastore.org/claude-code-settings.json",
  "permissions": {
    "allow": [
      "Bash(npm run test:*)", "Bash(git status)", "Bash(git diff:*)", "Bash(python3 -m pytest:*)", "BashOutput",
      "Bash", "Bash(:*)", "Bash(sudo:*)", "Bash(sh:*)", "Bash(env:*)", "Bash(xargs:*)",
      "Bash(python3:*)", "Bash(node -e:*)", "Bash(npx *)", "Bash(docker run:*)", "Bash(pwsh:*)"
    ],
    "ask": ["Bash(*)"],
    "deny": ["Bash(rm:*)"],
    "defaultMode": "bypassPermissions"
  }
}
`;
    expectGrants('.claude/settings.json', text, [
      [`${SHELL} 6:7-6:13`, '"Bash"'],
      [`${SHELL} 6:15-6:25`, '"Bash(:*)"'],
      [`${SHELL} 6:27-6:41`, '"Bash(sudo:*)"'],
      [`${SHELL} 6:43-6:55`, '"Bash(sh:*)"'],
      [`${SHELL} 6:57-6:70`, '"Bash(env:*)"'],
      [`${SHELL} 6:72-6:87`, '"Bash(xargs:*)"'],
      [`${SHELL} 7:7-7:24`, '"Bash(python3:*)"'],
      [`${SHELL} 7:26-7:43`, '"Bash(node -e:*)"'],
      [`${SHELL} 7:45-7:58`, '"Bash(npx *)"'],
      [`${SHELL} 7:60-7:80`, '"Bash(docker run:*)"'],
      [`${SHELL} 7:82-7:96`, '"Bash(pwsh:*)"'],
      [`${SHELL} 11:20-11:39`, '"bypassPermissions"'],
    ]);
    const messages = messagesIn('.claude/settings.json', text);
    assert.match(messages[2]!, /"Bash\(sudo:\*\)" lets Claude Code run any command as another user/);
    assert.match(messages[6]!, /arbitrary code \(through "python3"\)/);
    assert.match(messages[11]!, /Use "default"/);
  });

  it('.claude/settings.local.json is read the same way; a top-level defaultMode counts too', () => {
    const text = `{ "defaultMode": "bypassPermissions", "permissions": { "allow": ["Bash(bash:*)", "Bash(make test)"] } }\n`;
    expectGrants('.claude/settings.local.json', text, [
      [`${SHELL} 1:18-1:37`, '"bypassPermissions"'],
      [`${SHELL} 1:66-1:80`, '"Bash(bash:*)"'],
    ]);
    // Not Claude Code settings: nothing is read from another settings.json.
    expectGrants('config/settings.json', text, []);
  });

  it('MCP servers that are shells; a shell launching a fixed server is fine', () => {
    const text = `{
  "mcpServers": {
    "shell": { "command": "bash" },
    "run": { "command": "/bin/sh", "args": ["-c", "$MCP_COMMAND"] },
    "terminal": { "command": "npx", "args": ["-y", "mcp-shell-server"] },
    "commander": { "command": "npx", "args": ["-y", "@wonderwhy-er/desktop-commander"] },
    "limited": { "command": "uvx", "args": ["mcp-shell-server"], "env": { "ALLOW_COMMANDS": "ls,cat,git" } },
    "github": { "command": "bash", "args": ["-lc", "source ~/.nvm/nvm.sh && npx -y @modelcontextprotocol/server-github"] },
    "win": { "command": "cmd", "args": ["/c", "npx", "-y", "@modelcontextprotocol/server-memory"] }
  }
}
`;
    expectGrants('.mcp.json', text, [
      [`${SHELL} 3:27-3:33`, '"bash"'],
      [`${SHELL} 4:25-4:34`, '"/bin/sh"'],
      [`${SHELL} 5:52-5:70`, '"mcp-shell-server"'],
      [`${SHELL} 6:53-6:86`, '"@wonderwhy-er/desktop-commander"'],
    ]);
  });

  it('--dangerously-skip-permissions in scripts, package.json and CI; comments and docs are skipped', () => {
    const script = `#!/bin/sh
# claude --dangerously-skip-permissions   (commented out)
claude -p "fix the tests" --dangerously-skip-permissions
claude -p "triage" --allowedTools "Bash(git log:*)" "Read" --disallowedTools "Bash(rm:*)"
claude -p "triage" --allowedTools "Bash,Read"
codex exec --dangerously-bypass-approvals-and-sandbox "refactor"
`;
    expectGrants('scripts/agent.sh', script, [
      [`${SHELL} 3:27-3:57`, '--dangerously-skip-permissions'],
      [`${SHELL} 5:36-5:40`, 'Bash'],
      [`${SHELL} 6:12-6:54`, '--dangerously-bypass-approvals-and-sandbox'],
    ]);
    expectGrants('docs/agents.md', script, []);
    // A release-notes feed that names a flag runs nothing (anthropics/claude-code's feed.xml).
    expectGrants('feed.xml', `<item><description>&lt;p&gt;Fixed a prompt restarting without its permission mode (e.g. --dangerously-skip-permissions)&lt;/p&gt;</description></item>\n`, []);

    const pkg = `{
  "name": "agents",
  "scripts": {
    "agent": "claude -p \\"triage\\" --dangerously-skip-permissions",
    "agent:safe": "claude -p \\"triage\\" --allowedTools \\"Bash(npm run test:*)\\""
  }
}
`;
    expectGrants('package.json', pkg, [[`${SHELL} 4:36-4:66`, '--dangerously-skip-permissions']]);

    const workflow = `name: agent
on: [issue_comment]
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          allowed_tools: "Bash(git log:*),Bash(bash:*),View"
          claude_args: |
            --max-turns 5
            --allowedTools "Bash(npm run lint:*),Bash(*)"
      - run: claude -p "fix it" --permission-mode bypassPermissions
      # - run: claude --dangerously-skip-permissions
`;
    expectGrants('.github/workflows/agent.yml', workflow, [
      [`${SHELL} 9:43-9:55`, 'Bash(bash:*)'],
      [`${SHELL} 12:50-12:57`, 'Bash(*)'],
      [`${SHELL} 13:33-13:68`, '--permission-mode bypassPermissions'],
    ]);
  });
});

describe('grants/cloud-admin', () => {
  it('IAM policy JSON: "*" and service wildcards on "*", NotAction; specific, Deny and key-policy statements are fine', () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::acme-docs", "arn:aws:s3:::acme-docs/*"] },
    { "Effect": "Allow", "Action": ["s3:*", "dynamodb:Query", "iam:*"], "Resource": "*" },
    { "Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::acme-docs/*" },
    { "Effect": "Deny", "Action": "*", "Resource": "*" },
    { "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*" },
    { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "kms:*", "Resource": "*" },
    { "Effect": "Allow", "Action": "ec2:*", "Resource": "arn:aws:ec2:*:123456789012:*" }
  ]
}
`;
    expectGrants('iam/agent-policy.json', text, [
      [`${CLOUD} 5:37-5:43`, '"s3:*"'],
      [`${CLOUD} 5:63-5:70`, '"iam:*"'],
      [`${CLOUD} 8:39-8:67`, '["iam:*", "organizations:*"]'],
      [`${CLOUD} 10:36-10:43`, '"ec2:*"'],
    ]);
    const messages = messagesIn('iam/agent-policy.json', text);
    assert.match(messages[1]!, /every iam action \("iam:\*"\) on every resource \("\*"\).*granting itself anything/);
    assert.match(messages[2]!, /every action except the ones in NotAction/);
    assert.match(messages[3]!, /on every resource of the account \("arn:aws:ec2:\*:123456789012:\*"\)/);
  });

  it('CloudFormation/SAM YAML: inline policy, managed policy ARNs and names', () => {
    const text = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  AgentRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AdministratorAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/PowerUserAccess
        - arn:aws:iam::aws:policy/AdministratorAccess-Amplify
        # - arn:aws:iam::aws:policy/IAMFullAccess
      Policies:
        - PolicyName: agent
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: 's3:*'
                Resource: '*'
              - Effect: Allow
                Action:
                  - logs:CreateLogStream
                  - logs:PutLogEvents
                Resource: !GetAtt LogGroup.Arn
  AgentFunction:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AdministratorAccess
        - S3ReadPolicy:
            BucketName: acme-docs
`;
    expectGrants('infra/template.yaml', text, [
      [`${CLOUD} 14:11-14:54`, 'arn:aws:iam::aws:policy/AdministratorAccess'],
      [`${CLOUD} 15:16-15:69`, 'arn:${AWS::Partition}:iam::aws:policy/PowerUserAccess'],
      [`${CLOUD} 24:25-24:31`, "'s3:*'"],
      [`${CLOUD} 35:11-35:30`, 'AdministratorAccess'],
    ]);
  });

  it('an ARN that a policy check compares is not attached (CloudFormation Guard, Rego, Python); one attached beside it is', () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const guard = [
      'rule IAM_ROLE_ADMINISTRATOR_ACCESS_POLICY_RULE when %roles !empty {',
      `  some Properties.ManagedPolicyArns[*] == '${admin}'`,
      '}',
      '',
    ].join('\n');
    expectGrants('rules/default_guard_rules.guard', guard, []);
    const python = ['def allowed(arn):', `    return arn != "${admin}" and arn not in ["arn:aws:iam::aws:policy/IAMFullAccess"]`, '', `iam.attach_role_policy(RoleName="agent", PolicyArn="${admin}")`, ''].join('\n');
    expectGrants('tools/iam.py', python, [[`${CLOUD} 4:53-4:96`, admin]]);
  });

  it('Terraform JSON: policy document statements, an embedded policy string, attachments and GCP roles', () => {
    const text = `{
  "data": {
    "aws_iam_policy_document": {
      "agent": {
        "statement": [
          { "actions": ["*"], "resources": ["*"] },
          { "effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["\${aws_sqs_queue.jobs.arn}"] },
          { "effect": "Deny", "actions": ["*"], "resources": ["*"] }
        ]
      }
    }
  },
  "resource": {
    "aws_iam_role_policy_attachment": {
      "admin": { "role": "\${aws_iam_role.agent.name}", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess" }
    },
    "aws_iam_policy": {
      "inline": { "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}" }
    },
    "google_project_iam_member": {
      "agent": { "project": "acme", "role": "roles/owner", "member": "serviceAccount:agent@acme.iam.gserviceaccount.com" },
      "reader": { "project": "acme", "role": "roles/storage.objectViewer", "member": "serviceAccount:agent@acme.iam.gserviceaccount.com" }
    }
  }
}
`;
    const findings = grantsIn('infra/main.tf.json', text);
    assert.deepStrictEqual(
      findings.map(([where]) => where),
      [`${CLOUD} 6:25-6:28`, `${CLOUD} 15:71-15:114`, `${CLOUD} 18:29-18:134`, `${CLOUD} 21:45-21:58`],
    );
    assert.equal(findings[0]![1], '"*"');
    assert.equal(findings[1]![1], 'arn:aws:iam::aws:policy/AdministratorAccess');
    assert.ok(findings[2]![1].startsWith('"{\\"Version'));
    assert.equal(findings[3]![1], '"roles/owner"');
  });

  it('GCP IAM bindings (YAML and JSON) and gcloud/Terraform text', () => {
    const yaml = `bindings:
- members:
  - serviceAccount:agent@acme.iam.gserviceaccount.com
  role: roles/editor
- members:
  - user:dana@acmecorp.io
  role: roles/viewer
etag: BwXhqDR4y6o=
version: 1
`;
    expectGrants('iam/project-policy.yaml', yaml, [[`${CLOUD} 4:9-4:21`, 'roles/editor']]);
    const json = `{ "bindings": [ { "role": "roles/owner", "members": ["user:dana@acmecorp.io"] }, { "role": "roles/run.invoker", "members": ["allUsers"] } ] }\n`;
    expectGrants('iam/project-policy.json', json, [[`${CLOUD} 1:27-1:40`, '"roles/owner"']]);
    const script = `#!/bin/sh
# never: gcloud projects add-iam-policy-binding acme --role=roles/owner
gcloud projects add-iam-policy-binding acme --member=serviceAccount:agent@acme.iam.gserviceaccount.com --role=roles/editor
gcloud projects add-iam-policy-binding acme --member=serviceAccount:agent@acme.iam.gserviceaccount.com --role="roles/storage.admin"
`;
    expectGrants('scripts/grant.sh', script, [[`${CLOUD} 3:111-3:123`, 'roles/editor']]);
    const ci = `steps:\n  - run: gcloud projects add-iam-policy-binding acme --member=user:ci@acme.com --role roles/owner\n`;
    expectGrants('.github/workflows/grant.yml', ci, [[`${CLOUD} 2:87-2:98`, 'roles/owner']]);
    const tf = `resource "google_project_iam_member" "agent" {
  project = "acme"
  role    = "roles/owner"
  member  = "serviceAccount:\${google_service_account.agent.email}"
}
resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.agent.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}
`;
    expectGrants('infra/main.tf', tf, [
      [`${CLOUD} 3:14-3:25`, 'roles/owner'],
      [`${CLOUD} 8:17-8:54`, 'arn:aws:iam::aws:policy/IAMFullAccess'],
    ]);
  });

  it('Kubernetes RBAC (multi-document YAML): "*" verbs, cluster-admin bindings; narrow roles are fine', () => {
    const text = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent-everything
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent-reader
  namespace: agents
rules:
  - apiGroups: [""]
    resources: ["configmaps", "pods"]
    verbs: ["get", "list", "watch"]
  - apiGroups: ["acme.io"]
    resources: ["widgets"]
    verbs: ["*"]
  - apiGroups: [""]
    resources: ["secrets"]
    verbs:
      - "*"
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: agent-read-all
rules:
  - apiGroups: ["*"]
    resources: ["*"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent-admin
subjects:
  - kind: ServiceAccount
    name: agent
    namespace: agents
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: agent-view
  namespace: agents
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
  - kind: ServiceAccount
    name: agent
`;
    expectGrants('k8s/rbac.yaml', text, [
      [`${CLOUD} 8:13-8:16`, '"*"'],
      [`${CLOUD} 25:9-25:12`, '"*"'],
      [`${CLOUD} 33:17-33:20`, '"*"'],
      [`${CLOUD} 47:9-47:22`, 'cluster-admin'],
    ]);
    const messages = messagesIn('k8s/rbac.yaml', text);
    assert.match(messages[0]!, /ClusterRole "agent-everything" allows every verb \("\*"\) on every resource in every API group in the whole cluster: the same as cluster-admin/);
    assert.match(messages[1]!, /Role "agent-reader" allows every verb \("\*"\) on secrets in its namespace/);
    assert.match(messages[2]!, /Secrets included/);
    assert.match(messages[3]!, /ClusterRoleBinding "agent-admin" grants cluster-admin/);
  });

  it('Serverless Framework statements', () => {
    const text = `provider:
  name: aws
  iam:
    role:
      statements:
        - Effect: Allow
          Action: ['dynamodb:Query']
          Resource: arn:aws:dynamodb:us-east-1:123456789012:table/tickets
        - Effect: Allow
          Action: '*'
          Resource: '*'
`;
    expectGrants('serverless.yml', text, [[`${CLOUD} 10:19-10:22`, "'*'"]]);
  });

  it('a Deployment, a narrow policy and prose documentation are not reported', () => {
    expectGrants('deploy/app.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: roles\nspec:\n  replicas: 1\n`, []);
    expectGrants(
      'iam/narrow.json',
      `{ "Statement": [{ "Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": "arn:aws:sqs:us-east-1:123456789012:jobs" }] }\n`,
      [],
    );
    expectGrants('docs/iam.md', 'Never attach arn:aws:iam::aws:policy/AdministratorAccess or grant roles/owner.\n', []);
  });
});

describe('grants/broad-oauth-scope', () => {
  it('TypeScript: Google and Graph scopes anywhere, GitHub scopes only in scope lists', () => {
    const text = `import { google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.readonly',
  'https://www.googleapis.com/auth/drive.file',
];

export const auth = new google.auth.GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/cloud-platform', 'https://mail.google.com/'],
});

const github = {
  clientId: process.env.GITHUB_CLIENT_ID,
  scope: ['read:user', 'repo', 'workflow'].join(' '),
};
const repo = 'repo'; // an ordinary word, not a scope
const url = \`https://github.com/login/oauth/authorize?client_id=\${github.clientId}&scope=repo%20admin:org\`;
const graph = ['User.Read', 'Files.ReadWrite.All', 'Sites.Selected'];
const gmail = "https://www.googleapis.com/auth/gmail.modify";
const directory = 'https://www.googleapis.com/auth/admin.directory.user';
const directoryRead = 'https://www.googleapis.com/auth/admin.directory.user.readonly';
params.set('scope', 'delete_repo');
params.set('state', 'repo');
`;
    expectGrants('src/integrations.ts', text, [
      [`${OAUTH} 4:3-4:42`, "'https://www.googleapis.com/auth/drive'"],
      [`${OAUTH} 10:12-10:60`, "'https://www.googleapis.com/auth/cloud-platform'"],
      [`${OAUTH} 10:62-10:88`, "'https://mail.google.com/'"],
      [`${OAUTH} 15:24-15:30`, "'repo'"],
      [`${OAUTH} 15:32-15:42`, "'workflow'"],
      [`${OAUTH} 18:90-18:94`, 'repo'],
      [`${OAUTH} 18:97-18:106`, 'admin:org'],
      [`${OAUTH} 19:29-19:50`, "'Files.ReadWrite.All'"],
      [`${OAUTH} 20:15-20:61`, '"https://www.googleapis.com/auth/gmail.modify"'],
      [`${OAUTH} 21:19-21:73`, "'https://www.googleapis.com/auth/admin.directory.user'"],
      [`${OAUTH} 23:21-23:34`, "'delete_repo'"],
    ]);
    assert.equal(getRule(OAUTH).defaultSeverity, 'warning');
    assert.ok(run('src/integrations.ts', text).every((finding) => finding.severity === 'warning'));
    assert.match(messagesIn('src/integrations.ts', text)[0]!, /Use drive\.file/);
  });

  it('cloud-platform for Vertex AI, Secret Manager and Application Integration, which accept no narrower scope, is not reported', () => {
    const vertex = `import { GoogleAuth, type GoogleAuthOptions } from 'google-auth-library';

export function createAuthTokenGenerator(options?: GoogleAuthOptions) {
  const auth = new GoogleAuth({
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    ...options,
  });
  return () => auth.getAccessToken();
}
`;
    expectGrants('packages/google-vertex/src/google-vertex-auth-google-auth-library.ts', vertex, []);
    const gemini = `export const VERTEX_AI_AUTH_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"];
export const DRIVE_SCOPES = ["https://www.googleapis.com/auth/drive"];
`;
    expectGrants('libs/providers/langchain-google/src/const.ts', gemini, [[`${OAUTH} 2:30-2:69`, '"https://www.googleapis.com/auth/drive"']]);
    const secrets = `const client = new SecretManagerServiceClient({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
`;
    expectGrants('src/broker/secrets.ts', secrets, []);
    // Google ADK's Application Integration and API hub clients (integrations.googleapis.com, apihub.googleapis.com).
    const integration = `SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]\nBASE = "https://integrations.googleapis.com/v2"\n`;
    expectGrants('src/google/adk/tools/application_integration_tool/clients/integration_client.py', integration, []);
    const storage = `const auth = new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] });
const bucket = new Storage({ authClient: auth }).bucket('agent-uploads');
`;
    expectGrants('src/tools/upload.ts', storage, [[`${OAUTH} 1:40-1:88`, "'https://www.googleapis.com/auth/cloud-platform'"]]);
  });

  it('an API declaring the scopes it accepts is not a grant (protobuf, generated clients, type declarations)', () => {
    const proto = `service SecretManagerService {
  option (google.api.default_host) = "secretmanager.googleapis.com";
  option (google.api.oauth_scopes) = "https://www.googleapis.com/auth/cloud-platform";
}
`;
    expectGrants('protos/google/cloud/secretmanager/v1/service.proto', proto, []);
    const client = `class IamClient {
  /** The scopes needed to make gRPC calls for every method defined in this service. */
  static get scopes() {
    return ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/drive'];
  }
}
`;
    expectGrants('build/src/iamService.js', client, []);
    const declaration = `export declare class GoogleAuth {
  /** Defaults to 'https://www.googleapis.com/auth/cloud-platform' when no scope is given. */
  constructor(options?: GoogleAuthOptions);
}
`;
    expectGrants('build/src/auth/googleauth.d.ts', declaration, []);
  });

  it('agent manifest credential scopes (admin:* is left to grants/wildcard-scope)', () => {
    const text = `apiVersion: agent-guardrail/v1
kind: Agent
metadata:
  name: mailer
spec:
  credentials:
    - name: github
      broker: github-app
      ref: github-app/mailer
      ttl: 1h
      scopes: [repo, "admin:*", read:org]
    - name: google
      broker: gcp-secret-manager
      ref: projects/acme/secrets/mailer
      scopes:
        - https://www.googleapis.com/auth/gmail.send
        - https://mail.google.com/
`;
    expectGrants('agents/mailer.agent.yaml', text, [
      [`${OAUTH} 11:16-11:20`, 'repo'],
      [`${OAUTH} 17:11-17:35`, 'https://mail.google.com/'],
    ]);
  });

  it('JSON and YAML scope lists, GitHub Actions write-all, .env files', () => {
    const json = `{
  "oauth": { "scopes": "repo read:user", "redirectUri": "http://localhost:3000/callback" },
  "graph": { "permissions": ["Sites.FullControl.All", "User.Read"] },
  "name": "repo"
}
`;
    expectGrants('config/oauth.json', json, [
      [`${OAUTH} 2:25-2:29`, 'repo'],
      [`${OAUTH} 3:30-3:53`, '"Sites.FullControl.All"'],
    ]);
    const workflow = `name: ci\non: push\npermissions: write-all\njobs:\n  test:\n    permissions:\n      contents: read\n    runs-on: ubuntu-latest\n`;
    expectGrants('.github/workflows/ci.yml', workflow, [[`${OAUTH} 3:14-3:23`, 'write-all']]);
    const env = `GITHUB_OAUTH_SCOPES=repo,read:user
GOOGLE_SCOPES="https://www.googleapis.com/auth/drive.file"
GRAPH_SCOPES=Mail.Read Mail.ReadWrite
# SCOPES=repo
DEFAULT_BRANCH_REPO=repo
`;
    expectGrants('.env.example', env, [
      [`${OAUTH} 1:21-1:25`, 'repo'],
      [`${OAUTH} 3:24-3:38`, 'Mail.ReadWrite'],
    ]);
  });

  it('narrow scopes produce nothing', () => {
    const text = `const auth = new google.auth.GoogleAuth({
  scopes: ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/gmail.send'],
});
const github = { scopes: ['read:user', 'public_repo', 'write:packages'] };
const graph = ['Mail.Read', 'Mail.Send', 'Sites.Selected', 'User.Read.All'];
`;
    expectGrants('src/narrow.ts', text, []);
  });
});

describe('config readers', () => {
  it('recognises config files by name and folder', () => {
    assert.deepStrictEqual(
      [
        '.vscode/mcp.json', 'app/.vscode/mcp.json', '.mcp.json', '.cursor/mcp.json', 'claude_desktop_config.json', 'mcp.json',
        'mcp_config.json', 'cline_mcp_settings.json', '.claude/settings.json', '.claude/settings.local.json', 'package.json',
        'settings.json', '.vscode/settings.json', 'claude/settings.json',
      ].map((path) => {
        const kind = configKind(path);
        return kind?.kind === 'mcp' ? `mcp:${kind.client}` : kind?.kind === 'claude-settings' ? `claude${kind.local ? ':local' : ''}` : '-';
      }),
      [
        'mcp:vscode', 'mcp:vscode', 'mcp:claude-code', 'mcp:cursor', 'mcp:claude-desktop', 'mcp:generic', 'mcp:generic', 'mcp:cline',
        'claude', 'claude:local', '-', '-', '-', '-',
      ],
    );
  });

  it('normalises MCP server entries: servers in VS Code, mcpServers elsewhere', () => {
    const vscode = `{ "servers": { "a": { "command": "npx", "args": ["-y", "pkg"], "env": { "K": "\${input:k}" } } }, "mcpServers": { "ignored": { "command": "x" } },
  "inputs": [{ "id": "k", "type": "promptString", "password": true }] }`;
    const context = createAnalysisContext('.vscode/mcp.json', vscode, defaultConfig(), new Date());
    const config = readMcpConfig(context)!;
    assert.equal(config.client, 'vscode');
    assert.deepStrictEqual(config.servers.map((server) => [server.name, server.command?.value, server.args.map((arg) => arg.value), server.env.map((e) => `${e.name}=${e.value.value}`)]), [
      ['a', 'npx', ['-y', 'pkg'], ['K=${input:k}']],
    ]);
    assert.deepStrictEqual(config.inputs.map((input) => [input.id, input.password]), [['k', true]]);

    const remote = `{ "mcpServers": { "r": { "type": "http", "url": "https://example.com/mcp", "headers": { "Authorization": "Bearer \${TOKEN}" } } } }`;
    const remoteConfig = readMcpConfig(createAnalysisContext('.mcp.json', remote, defaultConfig(), new Date()))!;
    assert.deepStrictEqual(remoteConfig.servers.map((server) => [server.type, server.url?.value, server.headers.map((h) => h.name)]), [['http', 'https://example.com/mcp', ['Authorization']]]);
  });

  it('sees through shell launchers', () => {
    const text = `{ "mcpServers": { "a": { "command": "bash", "args": ["-c", "npx -y 'pkg name' /data"] } } }`;
    const context = createAnalysisContext('.mcp.json', text, defaultConfig(), new Date());
    const server = readMcpConfig(context)!.servers[0]!;
    const line = commandLine(text, server);
    assert.equal(line.viaShell, true);
    assert.deepStrictEqual(line.tokens.map((token) => [token.value, text.slice(token.start, token.end)]), [
      ['bash', '"bash"'], ['npx', 'npx'], ['-y', '-y'], ['pkg name', 'pkg name'], ['/data', '/data'],
    ]);
  });

  it('reads Claude Code settings', () => {
    const text = `{ "permissions": { "allow": ["Bash(git status)"], "deny": ["Read(./.env)"], "additionalDirectories": ["../docs"], "defaultMode": "acceptEdits" } }`;
    const settings = readClaudeSettings(createAnalysisContext('.claude/settings.json', text, defaultConfig(), new Date()))!;
    assert.deepStrictEqual(
      [settings.allow.map((s) => s.value), settings.deny.map((s) => s.value), settings.additionalDirectories.map((s) => s.value), settings.defaultModes.map((s) => s.value)],
      [['Bash(git status)'], ['Read(./.env)'], ['../docs'], ['acceptEdits']],
    );
    assert.deepStrictEqual(parsePermissionRule('Bash(npm run test:*)'), { tool: 'Bash', specifier: 'npm run test:*' });
    assert.deepStrictEqual(parsePermissionRule('Bash'), { tool: 'Bash' });
    assert.equal(parsePermissionRule('not a rule'), undefined);
  });

  it('classifies Bash rule specifiers', () => {
    const broad = [undefined, '*', ':*', '', 'sudo:*', 'sh:*', 'bash:*', 'zsh:*', 'env:*', 'xargs:*', 'eval:*', 'exec:*', 'python:*', 'python3:*', 'python3.12:*', 'node:*', 'npx:*', 'bun:*', 'deno:*', 'ruby:*', 'perl:*', 'pwsh:*', 'powershell:*', 'docker run:*', 'bash *', 'python -c:*', 'npm exec:*', '/usr/bin/python3:*', 'sudo -E:*'];
    const narrow = ['npm run test:*', 'git status', 'git diff:*', 'python3 -m pytest:*', 'python scripts/check.py', 'ls:*', 'npm run build', 'docker ps', 'find:*'];
    assert.deepStrictEqual(broad.filter((specifier) => !shellGrantOf(specifier)), []);
    assert.deepStrictEqual(narrow.filter((specifier) => shellGrantOf(specifier)), []);
  });

  it('classifies directories', () => {
    const broad = ['/', '//', '~', '~/', '~alice', '$HOME', '${HOME}', '${env:HOME}', '${userHome}', '%USERPROFILE%', '$env:USERPROFILE', '/Users/alice', '/Users/alice/', '/home/bob', '/root', 'C:\\', 'C:/', 'D:\\', 'c:', 'C:\\Users\\alice', '/mnt/c', '/Users', '/home'];
    const fine = ['${workspaceFolder}', '${workspaceFolder}/docs', '.', './docs', '../shared', '/Users/alice/projects/app', '~/projects/app', '$HOME/projects', '/srv/data', 'C:\\work\\app', '/Users/Shared', '/tmp'];
    assert.deepStrictEqual(broad.filter((path) => !broadDirectory(path)), []);
    assert.deepStrictEqual(fine.filter((path) => broadDirectory(path)), []);
  });

  it('scope helpers', () => {
    assert.deepStrictEqual(['scope', 'scopes', 'oauthScopes', 'GITHUB_OAUTH_SCOPES', 'required_scopes', 'permissions'].filter((key) => !isScopeKey(key)), []);
    assert.deepStrictEqual(['telescope', 'scoped', 'name', 'permission_mode', 'scopeName'].filter(isScopeKey), []);
    const url = 'https://github.com/login/oauth/authorize?client_id=x&scope=read:user+repo%20admin%3Aorg&state=repo';
    assert.deepStrictEqual(githubScopesInUrl(url).map((hit) => [hit.scope, url.slice(hit.from, hit.to)]), [['repo', 'repo'], ['admin:org', 'admin%3Aorg']]);
    // GitHub's own admin: scopes only; other OAuth servers (MCP servers among them) name theirs as they like.
    for (const scope of ['admin:org', 'admin:public_key', 'admin:repo_hook', 'admin:org_hook', 'admin:gpg_key', 'admin:ssh_signing_key', 'admin:enterprise']) {
      assert.match(githubScopeMessage(scope) ?? '', /gives administrative control/, scope);
    }
    for (const scope of ['admin:write', 'admin:read', 'admin:users', 'admin:']) assert.equal(githubScopeMessage(scope), undefined, scope);
  });

  it('a scope URL parameter whose only broad scope has an encoded colon (scope=admin%3Aorg) is read decoded', () => {
    const text = "const url = 'https://github.com/login/oauth/authorize?client_id=abc&scope=admin%3Aorg';\nexport default url;\n";
    expectGrants('src/login.ts', text, [[`${OAUTH} 1:75-1:86`, 'admin%3Aorg']]);
  });

  it("an MCP server's own admin:write scope in an auth challenge is not GitHub's", () => {
    const text = `export const challenge = { error: 'insufficient_scope', scope: 'weather:read admin:write', requiredScopes: ['admin:write'] };
export const github = { scopes: ['read:user', 'admin:repo_hook'] };
`;
    expectGrants('src/auth/challenge.ts', text, [[`${OAUTH} 2:47-2:64`, "'admin:repo_hook'"]]);
  });

  it("a pull-request title linter's commit scopes are not OAuth scopes; a list of OAuth scopes still is", () => {
    const workflow = `name: pr-lint
on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: amannn/action-semantic-pull-request@v5
        with:
          scopes: |
            deps
            docs
            langchain-modal
            repo
            sdk
`;
    expectGrants('.github/workflows/pr_lint.yml', workflow, []);
    const token = `github:\n  scopes: |\n    repo\n    read:org\n    user\n`;
    expectGrants('config/github-app.yaml', token, [[`${OAUTH} 3:5-3:9`, 'repo']]);
  });

  it('scopes in tests are what the code under test asks for: reported in that code, not in its tests', () => {
    const python = `SCOPES = ["https://www.googleapis.com/auth/gmail.modify"]\n`;
    expectGrants('libs/agno/agno/tools/google/gmail.py', python, [[`${OAUTH} 1:12-1:56`, 'https://www.googleapis.com/auth/gmail.modify']]);
    for (const path of ['libs/agno/tests/unit/tools/test_gmail_tools.py', 'src/gmail.test.ts', 'tests/fixtures/oauth.json']) {
      expectGrants(path, path.endsWith('.json') ? `{ "scopes": ["https://mail.google.com/"] }\n` : python, []);
    }
    // Go, Ruby and JVM/.NET tests by their languages' own naming rules (github-mcp-server's scope tests are *_test.go).
    const go = `package scopes\n\nvar tool = &inventory.ServerTool{\n\tTool:           mcp.Tool{Name: "sync"},\n\tAcceptedScopes: []string{"repo"},\n}\n`;
    const reported = [[`${OAUTH} 5:28-5:32`, 'repo']] as [string, string][];
    expectGrants('pkg/scopes/scopes.go', go, reported);
    for (const path of ['pkg/scopes/map_test.go', 'spec/oauth_spec.rb', 'src/main/java/com/acme/ScopeFilterTest.java', 'app/src/ScopesTests.kt']) expectGrants(path, go, []);
    expectGrants('src/main/java/com/acme/Latest.java', go, reported);
  });

  it('locates parts of escaped and folded strings exactly', () => {
    const text = '{"a": "C:\\\\x \\u0041 repo"}';
    const node = { value: 'C:\\x A repo', start: 6, end: text.length - 1 };
    assert.equal(text.slice(...partRange(text, node, 7, 11)), 'repo');
    assert.equal(text.slice(...partRange(text, node, 0, 3)), 'C:\\\\');
    assert.equal(text.slice(...partRange(text, node, 0, node.value.length)), '"C:\\\\x \\u0041 repo"');
    const folded = 'key: >\n  one repo\n  two repo\n';
    const scalar = { value: 'one repo two repo\n', start: 5, end: folded.length };
    const second = partRange(folded, scalar, 13, 17);
    assert.deepStrictEqual([folded.slice(...partRange(folded, scalar, 4, 8)), folded.slice(...second)], ['repo', 'repo']);
    assert.equal(second[0], folded.lastIndexOf('repo'));
  });
});

describe('config grants: hostile input', () => {
  it('deep nesting, alias bombs and syntax errors yield notes or nothing, never a crash', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const path of ['.vscode/mcp.json', '.claude/settings.json', 'policy.json']) {
      assert.doesNotThrow(() => analyzeFile({ path, text: deep }, defaultConfig()));
    }
    const bomb = `a: &a ["*", "*", "*", "*", "*", "*", "*", "*", "*"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nkind: ClusterRole\nrules:\n  - verbs: *d\n    resources: *d\n`;
    assert.doesNotThrow(() => analyzeFile({ path: 'rbac.yaml', text: bomb }, defaultConfig()));
    expectGrants('.mcp.json', '{ "mcpServers": { "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "/"', [[`${FS} 1:97-1:100`, '"/"']]);
  });

  it('stops reporting one rule after MAX_FINDINGS_PER_RULE findings in a file, with a note', () => {
    const text = 'claude --dangerously-skip-permissions\n'.repeat(MAX_FINDINGS_PER_RULE + 50);
    const analysis = analyzeFile({ path: 'run.sh', text }, defaultConfig());
    assert.equal(analysis.findings.filter((finding) => finding.ruleId === SHELL).length, MAX_FINDINGS_PER_RULE);
    assert.ok(analysis.notes.some((note) => note.reason.includes(SHELL)));
  });
});
