terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAHORVV3ZYAPAEIIN3"
  secret_key = "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"
}

provider "github" {
  owner = "acme"
  token = "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"
}

resource "aws_db_instance" "agents" {
  identifier        = "agents"
  engine            = "postgres"
  username          = "agents"
  password          = "BrXoHL5MFnCZMwvKLcclcD"
  instance_class    = "db.t4g.medium"
  allocated_storage = 20
}

resource "aws_secretsmanager_secret" "openai" {
  name = "prod/agents/openai"
}

data "aws_secretsmanager_secret_version" "openai" {
  secret_id = aws_secretsmanager_secret.openai.id
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = ""
}

resource "aws_lambda_function" "agent" {
  function_name    = "research-agent"
  source_code_hash = "Zn09N90HPRf+cyHgFr7QTwXc+Q0kyjStL6Vmxh61IFk="
  environment {
    variables = {
      OPENAI_API_KEY_SECRET_ARN = aws_secretsmanager_secret.openai.arn
      ANTHROPIC_API_KEY         = var.anthropic_api_key
      COHERE_API_KEY            = "QjCZ7rrdPKxJouss4HVQT2EgAjGV464x7CSLNBQu"
    }
  }
}
