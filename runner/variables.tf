variable "prefix" {
  description = "Name prefix for every resource (lambdas, queues, roles, bucket, budget). Lower-case letters, digits and hyphens, 3 to 20 characters."
  type        = string
  default     = "dataset-gen-gpu"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,19}$", var.prefix))
    error_message = "Set prefix to 3-20 characters: lower-case letters, digits and hyphens, starting with a letter (it becomes part of the S3 bucket name)."
  }
}

variable "tags" {
  description = "Extra tags for every resource. The tag `dataset-gen-runners = <prefix>` is always added: the budget filters on it."
  type        = map(string)
  default     = {}
}

variable "github_repository" {
  description = "The repository (`owner/name`) whose workflows use the runners and may upload datasets. The runners are registered to this repository only."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", var.github_repository))
    error_message = "Set github_repository to `owner/name`, for example `protex/dataset-gen`."
  }
}

variable "github_app" {
  description = "The GitHub App the runner module uses to register runners: its App ID, its private key as base64 (`base64 -w0 app.private-key.pem`) and the webhook secret set in the App. Stored in SSM Parameter Store by the module (and in the Terraform state: keep the state encrypted)."
  type = object({
    id             = string
    key_base64     = string
    webhook_secret = string
  })
  sensitive = true

  validation {
    condition     = can(regex("^[0-9]+$", var.github_app.id)) && length(var.github_app.key_base64) > 0 && length(var.github_app.webhook_secret) >= 16
    error_message = "Set github_app.id to the numeric App ID, github_app.key_base64 to the base64 of the App's .pem key, and github_app.webhook_secret to the App's webhook secret (16 characters or more, e.g. `openssl rand -hex 32`)."
  }
}

variable "lambda_zip_dir" {
  description = "Directory holding webhook.zip, runners.zip and runner-binaries-syncer.zip from the runner module's v7.11.0 release (see README.md, \"Lambda zips\")."
  type        = string

  validation {
    condition     = alltrue([for zip in ["webhook.zip", "runners.zip", "runner-binaries-syncer.zip"] : fileexists("${var.lambda_zip_dir}/${zip}")])
    error_message = "Set lambda_zip_dir to a directory holding webhook.zip, runners.zip and runner-binaries-syncer.zip of the module release v7.11.0 (download them as README.md shows)."
  }
}

variable "vpc_id" {
  description = "The VPC the runners run in (its id, `vpc-...`)."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "Set vpc_id to the id of an existing VPC, like `vpc-0123456789abcdef0`."
  }
}

variable "private_subnet_ids" {
  description = "Private subnets of vpc_id for the runners, in different availability zones, with outbound internet through a NAT gateway (runners reach GitHub, the container registry and S3; nothing reaches them). Subnets that give public IPs on launch are refused at plan time."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) > 0 && alltrue([for id in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]+$", id))])
    error_message = "Set private_subnet_ids to one or more subnet ids like `subnet-0123456789abcdef0` (private subnets with a NAT gateway route)."
  }
}

variable "instance_types" {
  description = "GPU instance types for the runners, tried in order of price and capacity (spot first). Allowed: g4dn.xlarge (T4), g5.xlarge (A10G), g6.xlarge (L4)."
  type        = list(string)
  default     = ["g4dn.xlarge"]

  validation {
    condition     = length(var.instance_types) > 0 && alltrue([for t in var.instance_types : contains(["g4dn.xlarge", "g5.xlarge", "g6.xlarge"], t)])
    error_message = "Set instance_types to a non-empty list of GPU types from: g4dn.xlarge, g5.xlarge, g6.xlarge."
  }
}

variable "runners_maximum_count" {
  description = "Most GPU runners alive at once (each job gets its own ephemeral runner). Caps spend: see the cost notes in README.md."
  type        = number
  default     = 4

  validation {
    condition     = var.runners_maximum_count >= 1 && var.runners_maximum_count <= 100 && floor(var.runners_maximum_count) == var.runners_maximum_count
    error_message = "Set runners_maximum_count to a whole number from 1 to 100 (check the account's G and VT spot vCPU quota first)."
  }
}

variable "idle_minutes_before_scale_down" {
  description = "Minutes a runner that never got a job may stay up before scale-down terminates it (the module's minimum_running_time_in_minutes). Used runners terminate after their one job."
  type        = number
  default     = 10

  validation {
    condition     = var.idle_minutes_before_scale_down >= 5 && var.idle_minutes_before_scale_down <= 60
    error_message = "Set idle_minutes_before_scale_down between 5 and 60 (GPU instances need a few minutes to boot and register)."
  }
}

variable "runner_boot_time_in_minutes" {
  description = "Minutes a new GPU instance may take to boot, install the runner, make nvidia Docker's default runtime and register before scale-down terminates it as failed (the module's runner_boot_time_in_minutes, 5 there). A Deep Learning AMI's first boot from a lazily loaded snapshot often needs more."
  type        = number
  default     = 15

  validation {
    condition     = var.runner_boot_time_in_minutes >= 10 && var.runner_boot_time_in_minutes <= 60 && floor(var.runner_boot_time_in_minutes) == var.runner_boot_time_in_minutes
    error_message = "Set runner_boot_time_in_minutes to a whole number of minutes from 10 to 60 (a GPU instance needs several minutes to boot and register)."
  }
}

variable "runner_volume_size_gb" {
  description = "Size of the runner's encrypted gp3 root volume in GiB. Must be at least the root snapshot of the Deep Learning AMI (check with `aws ec2 describe-images`) plus room for the action's image and one dataset."
  type        = number
  default     = 150

  validation {
    condition     = var.runner_volume_size_gb >= 100 && var.runner_volume_size_gb <= 1000
    error_message = "Set runner_volume_size_gb between 100 and 1000 GiB (the GPU AMI alone takes most of 100 GiB)."
  }
}

variable "runner_ami_name_filter" {
  description = "Name filter for the runner AMI, owned by Amazon: the Deep Learning Base OSS Nvidia Driver GPU AMI on Amazon Linux 2023 (NVIDIA driver, Docker and the NVIDIA container toolkit included). The newest match at plan time is used."
  type        = string
  default     = "Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) *"

  validation {
    condition     = length(trimspace(var.runner_ami_name_filter)) > 0
    error_message = "Set runner_ami_name_filter to an AMI name pattern, e.g. \"Deep Learning Base OSS Nvidia Driver GPU AMI (Amazon Linux 2023) *\"."
  }
}

variable "create_spot_service_linked_role" {
  description = "Create the EC2 Spot service-linked role (AWSServiceRoleForEC2Spot). Set false when the account already has it (creating it twice fails)."
  type        = bool
  default     = true
}

variable "dataset_bucket_name" {
  description = "Name of the S3 bucket for datasets that must outlive GitHub artifact retention. Null gives `<prefix>-datasets-<account id>-<region>`."
  type        = string
  default     = null

  validation {
    condition     = var.dataset_bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.dataset_bucket_name))
    error_message = "Set dataset_bucket_name to a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens) or leave it null."
  }
}

variable "dataset_expiration_days" {
  description = "Days a dataset object stays in the bucket before it expires. GitHub keeps artifacts for 90 days at most, so datasets kept longer than that belong here; 1 to 3650 days."
  type        = number
  default     = 365

  validation {
    condition     = var.dataset_expiration_days >= 1 && var.dataset_expiration_days <= 3650 && floor(var.dataset_expiration_days) == var.dataset_expiration_days
    error_message = "Set dataset_expiration_days to a whole number of days from 1 to 3650 (more than 90 is what artifacts cannot do)."
  }
}

variable "dataset_noncurrent_expiration_days" {
  description = "Days an overwritten or deleted dataset object (a noncurrent version) is kept before it expires; 1 to 90."
  type        = number
  default     = 7

  validation {
    condition     = var.dataset_noncurrent_expiration_days >= 1 && var.dataset_noncurrent_expiration_days <= 90 && floor(var.dataset_noncurrent_expiration_days) == var.dataset_noncurrent_expiration_days
    error_message = "Set dataset_noncurrent_expiration_days to a whole number of days from 1 to 90."
  }
}

variable "dataset_upload_refs" {
  description = "Git refs of github_repository whose workflow runs may assume the dataset upload role (OIDC `sub` = repo:<owner/name>:ref:<ref>), each named in full: no wildcards, so a branch someone pushes cannot match."
  type        = list(string)
  default     = ["refs/heads/main"]

  validation {
    condition     = length(var.dataset_upload_refs) > 0 && alltrue([for ref in var.dataset_upload_refs : can(regex("^refs/(heads|tags)/[A-Za-z0-9._/-]+$", ref))])
    error_message = "Set dataset_upload_refs to one or more refs named in full, like \"refs/heads/main\" or \"refs/tags/v1.2.0\" (no wildcards)."
  }
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub Actions OIDC identity provider. Set false when the account already has one (there can be only one per URL); it is then looked up."
  type        = bool
  default     = true
}

variable "monthly_budget_usd" {
  description = "Monthly spend (USD) of everything tagged `dataset-gen-runners = <prefix>` that the budget alarm is measured against."
  type        = number
  default     = 300

  validation {
    condition     = var.monthly_budget_usd > 0 && var.monthly_budget_usd <= 100000
    error_message = "Set monthly_budget_usd to a positive amount in USD, at most 100000."
  }
}

variable "budget_alert_emails" {
  description = "E-mail addresses told when the forecast passes 80 % and when actual spend passes 100 % of monthly_budget_usd."
  type        = list(string)

  validation {
    condition     = length(var.budget_alert_emails) > 0 && length(var.budget_alert_emails) <= 10 && alltrue([for email in var.budget_alert_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email))])
    error_message = "Set budget_alert_emails to 1-10 e-mail addresses, like [\"ops@example.com\"]."
  }
}
