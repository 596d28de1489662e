output "webhook_endpoint" {
  description = "Webhook URL for the GitHub App."
  value       = module.gpu_runners.webhook_endpoint
}

output "runner_labels" {
  description = "Labels of the GPU runners."
  value       = module.gpu_runners.runner_labels
}

output "dataset_bucket" {
  description = "Bucket the dataset upload step syncs to (repository variable DATASET_BUCKET)."
  value       = module.gpu_runners.dataset_bucket
}

output "dataset_upload_role_arn" {
  description = "Role the dataset upload step assumes (repository variable DATASET_UPLOAD_ROLE_ARN)."
  value       = module.gpu_runners.dataset_upload_role_arn
}
