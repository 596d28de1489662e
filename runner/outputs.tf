output "webhook_endpoint" {
  description = "Webhook URL to enter in the GitHub App (Webhook URL, content type application/json, event `workflow_job`)."
  value       = module.runners.webhook.endpoint
}

output "runner_labels" {
  description = "Labels the runners register with; a job selects them with `runs-on: [self-hosted, gpu]`."
  value       = module.runners.runners.labels
}

output "dataset_bucket" {
  description = "Name of the dataset bucket (the target of `aws s3 sync` in the upload step)."
  value       = aws_s3_bucket.datasets.id
}

output "dataset_bucket_arn" {
  description = "ARN of the dataset bucket."
  value       = aws_s3_bucket.datasets.arn
}

output "dataset_upload_role_arn" {
  description = "Role for aws-actions/configure-aws-credentials (`role-to-assume`) in the dataset upload step."
  value       = aws_iam_role.dataset_upload.arn
}

output "runner_role_name" {
  description = "IAM role of the runner instances, created by the module with only what the runner needs (SSM, CloudWatch logs, its own parameters)."
  value       = module.runners.runners.role_runner.name
}

output "budget_name" {
  description = "Name of the AWS Budgets budget that e-mails budget_alert_emails."
  value       = aws_budgets_budget.runners.name
}
