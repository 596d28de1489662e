# A role that workflow runs of github_repository on dataset_upload_refs assume through GitHub's
# OIDC tokens (no stored AWS keys), allowed only to list the dataset bucket and write objects to
# it: `aws s3 sync` needs exactly these. It cannot read, delete or touch anything else.
locals {
  github_oidc_url  = "https://token.actions.githubusercontent.com"
  github_oidc_host = "token.actions.githubusercontent.com"
  github_oidc_provider_arn = (
    var.create_github_oidc_provider
    ? aws_iam_openid_connect_provider.github[0].arn
    : data.aws_iam_openid_connect_provider.github[0].arn
  )
  dataset_upload_subjects = [for ref in var.dataset_upload_refs : "repo:${var.github_repository}:ref:${ref}"]
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = local.github_oidc_url
  client_id_list = ["sts.amazonaws.com"]
  tags           = local.tags
}

data "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 0 : 1

  url = local.github_oidc_url
}

data "aws_iam_policy_document" "dataset_upload_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.github_oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    # StringEquals: the refs are named in full (variables.tf refuses wildcards).
    condition {
      test     = "StringEquals"
      variable = "${local.github_oidc_host}:sub"
      values   = local.dataset_upload_subjects
    }
  }
}

resource "aws_iam_role" "dataset_upload" {
  name                 = "${var.prefix}-dataset-upload"
  description          = "GitHub Actions (${var.github_repository}) uploads datasets to s3://${aws_s3_bucket.datasets.id}"
  assume_role_policy   = data.aws_iam_policy_document.dataset_upload_trust.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "dataset_upload" {
  statement {
    sid       = "ListTheBucket"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.datasets.arn]
  }

  statement {
    sid       = "WriteObjects"
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.datasets.arn}/*"]
  }
}

resource "aws_iam_role_policy" "dataset_upload" {
  name   = "write-datasets"
  role   = aws_iam_role.dataset_upload.id
  policy = data.aws_iam_policy_document.dataset_upload.json
}
