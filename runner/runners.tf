# Ephemeral GPU runners from the maintained module (v7.11.0): a GitHub App webhook queues each
# `runs-on: [self-hosted, gpu]` job, the scale-up lambda starts one spot instance for it (on-demand
# when spot capacity is short), the runner takes that one job and the instance terminates.
module "runners" {
  source  = "github-aws-runners/github-runner/aws"
  version = "7.11.0"

  aws_region = data.aws_region.current.region
  vpc_id     = var.vpc_id
  subnet_ids = data.aws_subnet.runner[*].id
  prefix     = var.prefix
  tags       = local.tags

  github_app = {
    id             = var.github_app.id
    key_base64     = var.github_app.key_base64
    webhook_secret = var.github_app.webhook_secret
  }

  webhook_lambda_zip                = "${var.lambda_zip_dir}/webhook.zip"
  runners_lambda_zip                = "${var.lambda_zip_dir}/runners.zip"
  runner_binaries_syncer_lambda_zip = "${var.lambda_zip_dir}/runner-binaries-syncer.zip"

  # Repository-level runners, for this repository only.
  enable_organization_runners = false
  repository_white_list       = [var.github_repository]

  # The module adds self-hosted, linux and x64 itself; a job asking for [self-hosted, gpu] matches
  # because every label it asks for is one of the runner's (the module's default check; its
  # deprecated switch enable_runner_workflow_job_labels_check_all is left at that default).
  runner_extra_labels = ["gpu"]

  # One job per instance, then it terminates.
  enable_ephemeral_runners = true
  enable_job_queued_check  = true

  # GPU types only (validated in variables.tf), spot first, on-demand when spot has no capacity.
  instance_types                              = var.instance_types
  instance_target_capacity_type               = "spot"
  instance_allocation_strategy                = "price-capacity-optimized"
  enable_runner_on_demand_failover_for_errors = ["InsufficientInstanceCapacity"]
  create_service_linked_role_spot             = var.create_spot_service_linked_role

  # Scaling: at most runners_maximum_count instances; every 5 minutes scale-down terminates runners
  # that stayed idle longer than idle_minutes_before_scale_down.
  runners_maximum_count           = var.runners_maximum_count
  scale_down_schedule_expression  = "cron(*/5 * * * ? *)"
  minimum_running_time_in_minutes = var.idle_minutes_before_scale_down
  # An instance that has not registered after this long is terminated as failed: a GPU AMI's cold
  # boot (lazily loaded snapshot, runner install, nvidia runtime, docker restart) needs more than the
  # module's 5 minutes.
  runner_boot_time_in_minutes = var.runner_boot_time_in_minutes

  # GPU AMI (driver, Docker, NVIDIA container toolkit) plus a post-install step that makes nvidia
  # Docker's default runtime, so container actions started without --gpus still see the GPU.
  ami = {
    filter = {
      name  = [var.runner_ami_name_filter]
      state = ["available"]
    }
    owners = ["amazon"]
  }
  enable_userdata       = true
  userdata_post_install = file("${path.module}/scripts/gpu-docker-runtime.sh")

  block_device_mappings = [{
    device_name           = "/dev/xvda"
    volume_size           = var.runner_volume_size_gb
    volume_type           = "gp3"
    encrypted             = true
    delete_on_termination = true
  }]

  # No public address, no key pair, no inbound rule: the managed security group only allows
  # HTTPS out (GitHub, container registries, S3, SSM). Shell access is SSM Session Manager.
  associate_public_ipv4_address = false
  enable_ssm_on_runners         = true
  runner_egress_rules = [{
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
    prefix_list_ids  = null
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    security_groups  = null
    self             = null
    description      = "HTTPS out only"
  }]

  # Instance metadata through IMDSv2 only, one hop: containers on the runner cannot read the
  # instance role's credentials. When the job starts, the hook closes it to the host's steps too
  # (scripts/job-started.sh); the runner user is the module's default, whose sudo the hook removes.
  runner_run_as           = "ec2-user"
  runner_hook_job_started = file("${path.module}/scripts/job-started.sh")
  runner_metadata_options = {
    instance_metadata_tags      = "enabled"
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  runner_ec2_tags           = local.tags
  logging_retention_in_days = 30
}
