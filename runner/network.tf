# The runners get no public address and no inbound rule; these checks stop a plan that would put
# them in a public subnet or outside vpc_id.
data "aws_subnet" "runner" {
  for_each = toset(var.private_subnet_ids)

  id = each.value

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
