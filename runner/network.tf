# The runners get no public address and no inbound rule; these checks stop a plan (or, when the
# subnets are created in the same apply, the apply) that would put them in a public subnet or
# outside vpc_id. runners.tf takes its subnet ids from here, so the checks run before the runners
# exist. (count, not for_each: subnet ids created in the same apply are unknown at plan time.)
data "aws_subnet" "runner" {
  count = length(var.private_subnet_ids)

  id = var.private_subnet_ids[count.index]

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.vpc_id
      error_message = "Subnet ${self.id} is not in vpc_id ${var.vpc_id}: set private_subnet_ids to subnets of that VPC."
    }

    postcondition {
      condition     = !self.map_public_ip_on_launch
      error_message = "Subnet ${self.id} gives instances public IPs (map_public_ip_on_launch): set private_subnet_ids to private subnets that reach the internet through a NAT gateway."
    }
  }
}
