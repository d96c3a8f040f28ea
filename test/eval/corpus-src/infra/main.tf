terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "⟦aws-akid⟧" ⟪+ key:aws-access-key-id terraform provider⟫
  secret_key = "⟦aws-secret⟧" ⟪+ generic:aws-secret-access-key terraform secret_key: an AWS secret has no format of its own, only its name says it⟫
}

provider "github" {
  owner = "acme"
  token = "⟦ghp⟧" ⟪+ key:github terraform GitHub provider⟫
}

resource "aws_db_instance" "agents" {
  identifier        = "agents"
  engine            = "postgres"
  username          = "agents"
  password          = "⟦db-password⟧" ⟪+ generic:db-password terraform DB password⟫
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
}

resource "aws_secretsmanager_secret" "openai" {
  name = "prod/agents/openai" ⟪- secret-reference secret name⟫
}

data "aws_secretsmanager_secret_version" "openai" {
  secret_id = aws_secretsmanager_secret.openai.id
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "" ⟪- placeholder empty default⟫
}

resource "aws_lambda_function" "agent" {
  function_name    = "research-agent"
  source_code_hash = "⟦b64-44⟧" ⟪- hash source code hash⟫
  environment {
    variables = {
      OPENAI_API_KEY_SECRET_ARN = aws_secretsmanager_secret.openai.arn ⟪- secret-reference reference expression⟫
      ANTHROPIC_API_KEY         = var.anthropic_api_key ⟪- env-read variable reference⟫
      COHERE_API_KEY            = "⟦cohere⟧" ⟪+ generic:cohere terraform map literal⟫
    }
  }
}
