# Shared lookups and names. The resources live in files named after their job:
# runners.tf (the runner module), network.tf (subnet checks), storage.tf (dataset bucket),
# oidc.tf (upload role), budget.tf (spend alarm).

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  # Every resource, the runner instances included, carries this tag; the budget filters on it
  # (activate it as a cost allocation tag in the Billing console, see README.md).
  cost_tag_key = "dataset-gen-runners"

  tags = merge(var.tags, {
    (local.cost_tag_key) = var.prefix
  })

  dataset_bucket_name = coalesce(
    var.dataset_bucket_name,
    "${var.prefix}-datasets-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.region}",
  )
}
