variable "aws_region" {
  description = "AWS region to deploy into; pick one with g4dn spot capacity (e.g. us-east-1, eu-west-1)."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "Set aws_region to an AWS region code such as \"eu-west-1\"."
  }
}

variable "prefix" {
  description = "Name prefix for every resource; passed to the runner module ../.. (3-20 lower-case letters, digits, hyphens)."
  type        = string
  default     = "dataset-gen-gpu"
}

variable "github_repository" {
  description = "Repository (`owner/name`) that runs jobs on the GPU runners and uploads datasets."
  type        = string
}

variable "github_app" {
  description = "GitHub App id, base64 private key and webhook secret (see ../../README.md, \"GitHub App\")."
  type = object({
    id             = string
    key_base64     = string
    webhook_secret = string
  })
  sensitive = true
}

variable "lambda_zip_dir" {
  description = "Directory with webhook.zip, runners.zip and runner-binaries-syncer.zip of the runner module release v7.11.0."
  type        = string
  default     = "lambdas"
}

variable "budget_alert_emails" {
  description = "E-mail addresses for the budget alarm."
  type        = list(string)
}
