# tflint configuration for runner/ and runner/examples/basic (run by .github/workflows/terraform.yml).
config {
  # Lint examples/basic together with the ../.. module it calls.
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "recommended"
}

plugin "aws" {
  enabled = true
  version = "0.48.0"
  source  = "github.com/terraform-linters/tflint-ruleset-aws"
}
