# A monthly cost budget over everything tagged dataset-gen-runners = <prefix> (runner instances,
# their volumes, the lambdas, the bucket). The tag must be activated as a cost allocation tag in
# the Billing console before the budget sees any spend (README.md, "Cost").
resource "aws_budgets_budget" "runners" {
  name         = "${var.prefix}-gpu-runners"
  budget_type  = "COST"
  limit_amount = format("%.2f", var.monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = [format("user:%s$%s", local.cost_tag_key, var.prefix)]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = var.budget_alert_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = var.budget_alert_emails
  }
}
