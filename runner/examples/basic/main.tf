# The smallest deployment: a new VPC with private subnets behind one NAT gateway, and the GPU
# runners, dataset bucket, upload role and budget from ../.. in it. Copy this directory (and
# terraform.tfvars.example to terraform.tfvars) to start your own.

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      project = "dataset-gen"
    }
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, 2)
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "6.6.0"

  name = "${var.prefix}-vpc"
  cidr = "10.60.0.0/16"
  azs  = local.azs

  private_subnets = ["10.60.0.0/20", "10.60.16.0/20"]
  public_subnets  = ["10.60.128.0/24", "10.60.129.0/24"]

  # Runners reach GitHub through one NAT gateway (cheapest; one AZ is a single point of failure).
  enable_nat_gateway   = true
  single_nat_gateway   = true
  enable_dns_hostnames = true
}

module "gpu_runners" {
  source = "../.."

  prefix             = var.prefix
  github_repository  = var.github_repository
  github_app         = var.github_app
  lambda_zip_dir     = var.lambda_zip_dir
  vpc_id             = module.vpc.vpc_id
  private_subnet_ids = module.vpc.private_subnets

  instance_types        = ["g4dn.xlarge"]
  runners_maximum_count = 2

  budget_alert_emails = var.budget_alert_emails
  monthly_budget_usd  = 100
}
