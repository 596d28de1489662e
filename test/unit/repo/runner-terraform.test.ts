/**
 * The Terraform under runner/ (GPU runners on the github-aws-runners module, dataset bucket, upload
 * role, budget) keeps its invariants. No terraform binary runs here, so every `.tf` is parsed with
 * @cdktf/hcl2json (HCL's own parser, compiled to WASM) and checked: GPU instance types only, ephemeral
 * spot runners with on-demand failover, no inbound from anywhere, no SSH, S3 bucket encrypted,
 * versioned, private and expiring, a budget alarm, typed and described variables whose validation
 * messages say what to set, pinned module and providers. `terraform fmt`, `validate` and `tflint`
 * run on GitHub (.github/workflows/terraform.yml). Each checker is first shown to reject a bad
 * configuration. See runner/README.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, test } from '@jest/globals';

const RUNNER_DIR = 'runner';
const RUNNER_MODULE_SOURCE = 'github-aws-runners/github-runner/aws';
const RUNNER_MODULE_VERSION = '7.11.0';
const GPU_INSTANCE_TYPES = ['g4dn.xlarge', 'g5.xlarge', 'g6.xlarge'];
const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** hcl2json gives every block as a list of bodies; this returns those bodies (or []). */
function bodies(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObj) : isObj(value) ? [value] : [];
}

/** `{ name: [body, ...] }` → [name, body] pairs (variables, modules, outputs, resources of a type). */
function named(value: unknown): [string, Obj][] {
  return isObj(value) ? Object.entries(value).flatMap(([name, list]) => bodies(list).map((body): [string, Obj] => [name, body])) : [];
}

/** The configuration of one Terraform module directory: every `.tf` in it, merged. */
interface TfConfig {
  dir: string;
  files: string[];
  terraform: Obj[];
  variables: [string, Obj][];
  outputs: [string, Obj][];
  modules: [string, Obj][];
  /** [type, name, body] */
  resources: [string, string, Obj][];
  data: [string, string, Obj][];
  locals: Obj[];
}

function typed(value: unknown): [string, string, Obj][] {
  return isObj(value) ? Object.entries(value).flatMap(([type, byName]) => named(byName).map(([name, body]): [string, string, Obj] => [type, name, body])) : [];
}

async function parseConfig(dir: string, files: { name: string; text: string }[]): Promise<TfConfig> {
  const config: TfConfig = { dir, files: [], terraform: [], variables: [], outputs: [], modules: [], resources: [], data: [], locals: [] };
  for (const file of files) {
    const json = await parse(file.name, file.text);
    config.files.push(file.name);
    config.terraform.push(...bodies(json.terraform));
    config.variables.push(...named(json.variable));
    config.outputs.push(...named(json.output));
    config.modules.push(...named(json.module));
    config.resources.push(...typed(json.resource));
    config.data.push(...typed(json.data));
    config.locals.push(...bodies(json.locals));
  }
  return config;
}

/** Directories under runner/ holding `.tf` files (each one a Terraform module), with their files. */
function terraformDirs(root: string): { dir: string; files: { name: string; text: string }[] }[] {
  const found: { dir: string; files: { name: string; text: string }[] }[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const tf = entries.filter((e) => e.isFile() && e.name.endsWith('.tf'));
    if (tf.length > 0) found.push({ dir, files: tf.map((e) => ({ name: path.join(dir, e.name), text: readFileSync(path.join(dir, e.name), 'utf8') })) });
    for (const e of entries) if (e.isDirectory() && e.name !== '.terraform') walk(path.join(dir, e.name));
  };
  walk(root);
  return found;
}

/** Every string, number and boolean in a parsed tree, with the keys leading to it. */
function leaves(value: unknown, trail: string[] = []): { trail: string[]; value: string | number | boolean }[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [{ trail, value }];
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, trail));
  if (isObj(value)) return Object.entries(value).flatMap(([key, item]) => leaves(item, [...trail, key]));
  return [];
}

/** Every object in a parsed tree (blocks and object values), with the keys leading to it. */
function objects(value: unknown, trail: string[] = []): { trail: string[]; body: Obj }[] {
  if (Array.isArray(value)) return value.flatMap((item) => objects(item, trail));
  if (!isObj(value)) return [];
  return [{ trail, body: value }, ...Object.entries(value).flatMap(([key, item]) => objects(item, [...trail, key]))];
}

/** Everything a configuration declares, as [where, body] for tree walks. */
function everything(config: TfConfig): { where: string; body: Obj }[] {
  return [
    ...config.variables.map(([name, body]) => ({ where: `variable.${name}`, body })),
    ...config.modules.map(([name, body]) => ({ where: `module.${name}`, body })),
    ...config.resources.map(([type, name, body]) => ({ where: `${type}.${name}`, body })),
    ...config.data.map(([type, name, body]) => ({ where: `data.${type}.${name}`, body })),
    ...config.locals.map((body) => ({ where: 'locals', body })),
  ];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

const refersTo = (value: unknown, reference: string): boolean => typeof value === 'string' && value.includes(`\${${reference}`);

// ---------------------------------------------------------------------------------------------------
// Checkers: each returns the problems it finds (empty when the configuration keeps the invariant).

/** Every variable has a type and a description; every validation has a condition and an error message naming the variable. */
function variableProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const [name, body] of config.variables) {
    if (typeof body.type !== 'string' || !/^\$\{.+\}$/s.test(body.type)) problems.push(`variable.${name}: add a type`);
    if (typeof body.description !== 'string' || body.description.trim().length < 10) problems.push(`variable.${name}: add a description`);
    for (const validation of bodies(body.validation)) {
      if (typeof validation.condition !== 'string') problems.push(`variable.${name}: validation without a condition`);
      const message = validation.error_message;
      if (typeof message !== 'string' || !message.includes(name) || !/\bset\b/i.test(message)) {
        problems.push(`variable.${name}: validation error_message must say what to set ("Set ${name} to ...")`);
      }
    }
  }
  for (const [name, body] of config.outputs) {
    if (typeof body.description !== 'string' || body.description.trim() === '') problems.push(`output.${name}: add a description`);
  }
  return problems;
}

/** The literal lists inside `contains([...], x)` calls of a validation condition. */
function containsLists(condition: string): string[][] {
  return [...condition.matchAll(/contains\(\[([^\]]*)\]/g)].map((match) => [...(match[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? ''));
}

/** variable instance_types: default g4dn.xlarge, validation allowing exactly the GPU types. */
function instanceTypeVariableProblems(config: TfConfig): string[] {
  const variable = config.variables.find(([name]) => name === 'instance_types')?.[1];
  if (variable === undefined) return ['variable.instance_types: missing'];
  const problems: string[] = [];
  const defaults = stringList(variable.default);
  if (defaults?.join() !== 'g4dn.xlarge') problems.push(`variable.instance_types: default must be ["g4dn.xlarge"], not ${JSON.stringify(variable.default)}`);
  const lists = bodies(variable.validation).flatMap((v) => (typeof v.condition === 'string' ? containsLists(v.condition) : []));
  if (lists.length === 0) problems.push('variable.instance_types: add a validation with contains([...allowed types], t)');
  for (const list of lists) {
    if ([...list].sort().join() !== [...GPU_INSTANCE_TYPES].sort().join()) {
      problems.push(`variable.instance_types: validation allows ${JSON.stringify(list)}, must allow exactly ${JSON.stringify(GPU_INSTANCE_TYPES)}`);
    }
  }
  return problems;
}

/** Any literal `instance_type(s)` value anywhere (module arguments, resources, locals) is a GPU type. */
function literalInstanceTypeProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const { where, body } of everything(config)) {
    for (const leaf of leaves(body)) {
      const key = leaf.trail[leaf.trail.length - 1] ?? '';
      if (!/^instance_types?$/.test(key) || typeof leaf.value !== 'string' || leaf.value.startsWith('${')) continue;
      if (!GPU_INSTANCE_TYPES.includes(leaf.value)) problems.push(`${where}: ${key} "${leaf.value}" is not a GPU type (${GPU_INSTANCE_TYPES.join(', ')})`);
    }
  }
  return problems;
}

/** The runner module call: pinned, ephemeral, spot with failover, GPU label, scaling, SSM, encrypted disks. */
function runnerModuleProblems(config: TfConfig): string[] {
  const calls = config.modules.filter(([, body]) => body.source === RUNNER_MODULE_SOURCE);
  if (calls.length === 0) return [`no module with source "${RUNNER_MODULE_SOURCE}"`];
  const problems: string[] = [];
  for (const [name, m] of calls) {
    const at = `module.${name}`;
    if (m.version !== RUNNER_MODULE_VERSION) problems.push(`${at}: version must be "${RUNNER_MODULE_VERSION}", not ${JSON.stringify(m.version)}`);
    if (m.enable_ephemeral_runners !== true) problems.push(`${at}: enable_ephemeral_runners must be true`);
    if (m.instance_target_capacity_type !== 'spot') problems.push(`${at}: instance_target_capacity_type must be "spot"`);
    if (!stringList(m.enable_runner_on_demand_failover_for_errors)?.includes('InsufficientInstanceCapacity')) {
      problems.push(`${at}: enable_runner_on_demand_failover_for_errors must include "InsufficientInstanceCapacity"`);
    }
    if (!refersTo(m.instance_types, 'var.instance_types')) problems.push(`${at}: instance_types must be var.instance_types`);
    const labels = stringList(m.runner_extra_labels) ?? [];
    if (!labels.includes('gpu')) problems.push(`${at}: runner_extra_labels must include "gpu"`);
    // The module adds self-hosted, the OS and the architecture itself (and does not de-duplicate).
    for (const label of labels.filter((l) => ['self-hosted', 'linux', 'x64'].includes(l)))
      problems.push(`${at}: runner_extra_labels repeats the default label "${label}"`);
    if (m.runner_disable_default_labels === true) problems.push(`${at}: keep the default labels (self-hosted is one of them)`);
    if (!refersTo(m.runners_maximum_count, 'var.')) problems.push(`${at}: runners_maximum_count must come from a variable`);
    if (typeof m.scale_down_schedule_expression !== 'string') problems.push(`${at}: set scale_down_schedule_expression`);
    if (m.minimum_running_time_in_minutes === undefined) problems.push(`${at}: set minimum_running_time_in_minutes (idle scale-down)`);
    if (m.enable_ssm_on_runners !== true) problems.push(`${at}: enable_ssm_on_runners must be true (SSM is the only way in)`);
    if (m.associate_public_ipv4_address !== false) problems.push(`${at}: associate_public_ipv4_address must be false`);
    const disks = bodies(m.block_device_mappings);
    if (disks.length === 0) problems.push(`${at}: set block_device_mappings with encrypted = true`);
    for (const disk of disks) if (disk.encrypted !== true) problems.push(`${at}: every block_device_mappings entry needs encrypted = true`);
    if (m.userdata_post_install === undefined && m.userdata_pre_install === undefined && m.ami === undefined) {
      problems.push(`${at}: needs a GPU AMI (ami) and the nvidia Docker runtime (userdata_post_install or a Packer AMI)`);
    }
    if (!refersTo(m.runner_boot_time_in_minutes, 'var.'))
      problems.push(`${at}: runner_boot_time_in_minutes must come from a variable (the module's 5 minutes is too short for a GPU AMI)`);
    if ('enable_runner_workflow_job_labels_check_all' in m) problems.push(`${at}: drop enable_runner_workflow_job_labels_check_all (deprecated in the module)`);
    if (typeof m.runner_hook_job_started !== 'string' || !m.runner_hook_job_started.includes('file(')) {
      problems.push(`${at}: set runner_hook_job_started to the script that closes instance metadata to the job`);
    }
  }
  return problems;
}

/** Modules from a registry use an exact version; git sources a commit; local paths need nothing. */
function modulePinProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const [name, m] of config.modules) {
    const source = typeof m.source === 'string' ? m.source : '';
    if (source.startsWith('./') || source.startsWith('../')) continue;
    if (/^git::|github\.com/.test(source)) {
      if (!/[?&]ref=[0-9a-f]{40}$/.test(source)) problems.push(`module.${name}: pin the git source to a 40-hex commit (?ref=)`);
      continue;
    }
    if (typeof m.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(m.version))
      problems.push(`module.${name}: pin "${source}" to an exact version like "1.2.3", not ${JSON.stringify(m.version)}`);
  }
  return problems;
}

const PINNED_CONSTRAINT = /^(~>\s*\d+\.\d+(\.\d+)?|=?\s*\d+\.\d+\.\d+)$/;

/** required_version and every required provider pinned with `~> x.y` or an exact version. */
function providerPinProblems(config: TfConfig): string[] {
  if (config.terraform.length === 0) return [`${config.dir}: add a terraform block (versions.tf)`];
  const problems: string[] = [];
  const versions = config.terraform.map((t) => t.required_version).filter((v) => v !== undefined);
  if (versions.length !== 1 || typeof versions[0] !== 'string' || !PINNED_CONSTRAINT.test(versions[0])) {
    problems.push(`${config.dir}: required_version must be one "~> x.y" or exact constraint, not ${JSON.stringify(versions)}`);
  }
  const providers = config.terraform.flatMap((t) => bodies(t.required_providers)).flatMap((p) => Object.entries(p));
  if (providers.length === 0) problems.push(`${config.dir}: declare required_providers`);
  for (const [name, spec] of providers) {
    if (!isObj(spec) || typeof spec.source !== 'string') problems.push(`${config.dir}: provider ${name} needs a source`);
    const version = isObj(spec) ? spec.version : undefined;
    if (typeof version !== 'string' || !PINNED_CONSTRAINT.test(version))
      problems.push(`${config.dir}: pin provider ${name} with "~> x.y" or an exact version, not ${JSON.stringify(version)}`);
  }
  // A provider used by a resource or data source must be declared.
  const declared = new Set(providers.map(([name]) => name));
  for (const [type] of [...config.resources, ...config.data]) {
    const provider = type.split('_')[0] ?? type;
    if (!declared.has(provider)) problems.push(`${config.dir}: ${type} uses provider ${provider}, which required_providers does not declare`);
  }
  return problems;
}

/** Is this place in the tree about outbound traffic only? */
function egressOnly(where: string, trail: string[], body: Obj): boolean {
  const names = [where, ...trail].join('.');
  if (/egress/i.test(names) && !/ingress/i.test(names)) return true;
  return body.type === 'egress';
}

/** No rule, anywhere, lets traffic in from 0.0.0.0/0 or ::/0. */
function openIngressProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const { where, body } of everything(config)) {
    for (const { trail, body: obj } of objects(body)) {
      const open = Object.entries(obj).filter(([, v]) => (typeof v === 'string' ? [v] : (stringList(v) ?? [])).some((cidr) => OPEN_CIDRS.includes(cidr)));
      if (open.length === 0 || egressOnly(where, trail, obj)) continue;
      problems.push(`${where}${trail.length > 0 ? `.${trail.join('.')}` : ''}: ${open.map(([k]) => k).join(', ')} opens it to the internet`);
    }
  }
  return problems;
}

/** No key pair and nothing that lets port 22 in. */
function sshProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const [type, name] of config.resources) if (type === 'aws_key_pair') problems.push(`${type}.${name}: no key pairs (SSM only)`);
  for (const { where, body } of everything(config)) {
    for (const { trail, body: obj } of objects(body)) {
      if (obj.key_name !== undefined && obj.key_name !== null) problems.push(`${where}: key_name set (SSM only, no SSH keys)`);
      const from = obj.from_port;
      const to = obj.to_port ?? from;
      if (typeof from === 'number' && typeof to === 'number' && from <= 22 && to >= 22 && !egressOnly(where, trail, obj)) {
        problems.push(`${where}${trail.length > 0 ? `.${trail.join('.')}` : ''}: lets port 22 in`);
      }
    }
  }
  return problems;
}

/** Every S3 bucket: encrypted, versioned, public access blocked, with an enabled expiring lifecycle rule. */
function bucketProblems(config: TfConfig): string[] {
  const buckets = config.resources.filter(([type]) => type === 'aws_s3_bucket');
  if (buckets.length === 0) return ['no aws_s3_bucket'];
  const problems: string[] = [];
  const of = (type: string, bucket: string): Obj[] =>
    config.resources.filter(([t, , body]) => t === type && refersTo(body.bucket, `aws_s3_bucket.${bucket}.`)).map(([, , body]) => body);
  for (const [, name] of buckets) {
    const at = `aws_s3_bucket.${name}`;
    const sse = of('aws_s3_bucket_server_side_encryption_configuration', name)
      .flatMap((c) => bodies(c.rule))
      .flatMap((r) => bodies(r.apply_server_side_encryption_by_default))
      .map((d) => d.sse_algorithm);
    if (!sse.some((a) => a === 'AES256' || a === 'aws:kms' || a === 'aws:kms:dsse')) problems.push(`${at}: add server-side encryption (AES256 or aws:kms)`);
    const versioning = of('aws_s3_bucket_versioning', name)
      .flatMap((v) => bodies(v.versioning_configuration))
      .map((v) => v.status);
    if (!versioning.includes('Enabled')) problems.push(`${at}: enable versioning`);
    const blocks = of('aws_s3_bucket_public_access_block', name);
    const flags = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];
    if (!blocks.some((b) => flags.every((flag) => b[flag] === true))) problems.push(`${at}: block all public access (${flags.join(', ')} = true)`);
    const rules = of('aws_s3_bucket_lifecycle_configuration', name)
      .flatMap((l) => bodies(l.rule))
      .filter((r) => r.status === 'Enabled');
    if (!rules.some((r) => bodies(r.expiration).some((e) => refersTo(e.days, 'var.'))))
      problems.push(`${at}: add an enabled lifecycle rule whose expiration days come from a variable`);
    if (!rules.some((r) => bodies(r.noncurrent_version_expiration).some((e) => e.noncurrent_days !== undefined)))
      problems.push(`${at}: expire noncurrent versions too`);
  }
  return problems;
}

/** The variable that sets the dataset expiry is validated (1 to something) and documented. */
function expiryVariableProblems(config: TfConfig, name: string): string[] {
  const variable = config.variables.find(([n]) => n === name)?.[1];
  if (variable === undefined) return [`variable.${name}: missing`];
  const conditions = bodies(variable.validation).map((v) => String(v.condition));
  if (!conditions.some((c) => c.includes(`var.${name} >= 1`) && new RegExp(`var\\.${name} <= \\d+`).test(c))) {
    return [`variable.${name}: validate it between 1 and a maximum number of days`];
  }
  return [];
}

/** An AWS Budgets budget with e-mail notifications taken from a variable. */
function budgetProblems(config: TfConfig): string[] {
  const budgets = config.resources.filter(([type]) => type === 'aws_budgets_budget');
  if (budgets.length === 0) return ['no aws_budgets_budget'];
  const problems: string[] = [];
  for (const [, name, body] of budgets) {
    const notifications = bodies(body.notification);
    if (notifications.length === 0) problems.push(`aws_budgets_budget.${name}: add a notification`);
    for (const n of notifications)
      if (!refersTo(n.subscriber_email_addresses, 'var.')) problems.push(`aws_budgets_budget.${name}: subscriber_email_addresses must come from a variable`);
    if (body.budget_type !== 'COST') problems.push(`aws_budgets_budget.${name}: budget_type must be COST`);
  }
  return problems;
}

/** IAM allows name actions and resources: no "*" in an Allow statement. */
function iamWildcardProblems(config: TfConfig): string[] {
  const problems: string[] = [];
  for (const [type, name, body] of config.data) {
    if (type !== 'aws_iam_policy_document') continue;
    for (const statement of bodies(body.statement)) {
      if ((statement.effect ?? 'Allow') !== 'Allow') continue;
      const actions = stringList(statement.actions) ?? [];
      const resources = stringList(statement.resources) ?? [];
      if (actions.some((a) => a.includes('*'))) problems.push(`data.${type}.${name}: Allow with a wildcard action ${JSON.stringify(actions)}`);
      if (resources.includes('*')) problems.push(`data.${type}.${name}: Allow on every resource ("*")`);
    }
  }
  return problems;
}

/** The GitHub OIDC trust is limited to an audience and to subjects of one repository. */
function oidcTrustProblems(config: TfConfig): string[] {
  const trusts = config.data
    .filter(([type]) => type === 'aws_iam_policy_document')
    .flatMap(([, name, body]) => bodies(body.statement).map((s): [string, Obj] => [name, s]))
    .filter(([, s]) => stringList(s.actions)?.includes('sts:AssumeRoleWithWebIdentity'));
  if (trusts.length === 0) return ['no trust policy with sts:AssumeRoleWithWebIdentity (GitHub OIDC)'];
  const problems: string[] = [];
  for (const [name, statement] of trusts) {
    const conditions = bodies(statement.condition);
    const on = (suffix: string): Obj | undefined => conditions.find((c) => typeof c.variable === 'string' && c.variable.endsWith(suffix));
    if (on(':aud')?.test !== 'StringEquals') problems.push(`data.aws_iam_policy_document.${name}: require aud = sts.amazonaws.com (StringEquals)`);
    const sub = on(':sub');
    if (sub === undefined || (!refersTo(sub.values, 'local.') && !(stringList(sub.values) ?? []).every((v) => /^repo:[^*]+\/[^*]+:/.test(v)))) {
      problems.push(`data.aws_iam_policy_document.${name}: limit sub to repo:<owner/name>:ref:<ref>`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------

/** A configuration that breaks every invariant, each checker must reject it. */
const BAD_TF = `
terraform {
  required_version = ">= 1.0"
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 6" }
  }
}
variable "instance_types" {
  type        = list(string)
  description = "Instance types for the runners."
  default     = ["m5.large"]
  validation {
    condition     = alltrue([for t in var.instance_types : contains(["g4dn.xlarge", "p5.48xlarge"], t)])
    error_message = "Wrong type."
  }
}
variable "untyped" {}
variable "expiry" {
  type        = number
  description = "Days until datasets expire."
}
variable "emails" {
  type        = list(string)
  description = "Where budget mails go."
}
module "runners" {
  source                        = "${RUNNER_MODULE_SOURCE}"
  version                       = "~> 7.0"
  instance_types                = ["m5.large", "c5.large"]
  instance_target_capacity_type = "on-demand"
  enable_ephemeral_runners      = false
  runner_extra_labels           = ["self-hosted", "cpu"]
  runners_maximum_count         = 50
  key_name                      = "my-laptop"
  block_device_mappings         = [{ volume_size = 30, encrypted = false }]
}
module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
}
resource "aws_key_pair" "me" {
  public_key = "ssh-ed25519 AAAA"
}
resource "aws_security_group" "open" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_vpc_security_group_ingress_rule" "web" {
  cidr_ipv6   = "::/0"
  from_port   = 443
  to_port     = 443
  ip_protocol = "tcp"
}
resource "aws_s3_bucket" "data" {
  bucket = "data"
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Suspended"
  }
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "off"
    status = "Disabled"
    filter {}
    expiration {
      days = var.expiry
    }
  }
}
resource "random_id" "x" {
  byte_length = 4
}
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:*"]
    }
  }
}
data "aws_iam_policy_document" "write" {
  statement {
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
output "undocumented" {
  value = 1
}
`;

const bad = await parseConfig('bad', [{ name: 'bad.tf', text: BAD_TF }]);
const configs = await Promise.all(terraformDirs(RUNNER_DIR).map((d) => parseConfig(d.dir, d.files)));
const root = configs.find((c) => c.dir === RUNNER_DIR);
const example = configs.find((c) => c.dir === path.join(RUNNER_DIR, 'examples', 'basic'));

function required(config: TfConfig | undefined, what: string): TfConfig {
  if (config === undefined) throw new Error(`${what} has no .tf files`);
  return config;
}

describe('the checks themselves', () => {
  test('hcl2json parses HCL and reports a syntax error', async () => {
    await expect(parse('broken.tf', 'variable "x" {')).rejects.toThrow(/Unclosed configuration block/);
    const json = await parse('ok.tf', 'variable "x" {\n  type = number\n  default = 1\n}\n');
    expect(json).toEqual({ variable: { x: [{ type: '${number}', default: 1 }] } });
  });

  test('variables: missing type, description or a message that says what to set are refused', () => {
    const problems = variableProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'variable.untyped: add a type',
        'variable.untyped: add a description',
        expect.stringMatching(/^variable\.instance_types: validation error_message must say what to set/),
        'output.undocumented: add a description',
      ]),
    );
  });

  test('instance types: a CPU default, a validation allowing other types and literal CPU types are refused', () => {
    expect(instanceTypeVariableProblems(bad)).toEqual([
      'variable.instance_types: default must be ["g4dn.xlarge"], not ["m5.large"]',
      'variable.instance_types: validation allows ["g4dn.xlarge","p5.48xlarge"], must allow exactly ["g4dn.xlarge","g5.xlarge","g6.xlarge"]',
    ]);
    expect(instanceTypeVariableProblems({ ...bad, variables: [] })).toEqual(['variable.instance_types: missing']);
    expect(literalInstanceTypeProblems(bad)).toEqual([
      'module.runners: instance_types "m5.large" is not a GPU type (g4dn.xlarge, g5.xlarge, g6.xlarge)',
      'module.runners: instance_types "c5.large" is not a GPU type (g4dn.xlarge, g5.xlarge, g6.xlarge)',
    ]);
  });

  test('runner module: unpinned, not ephemeral, on-demand, no failover, wrong labels, no SSM, unencrypted disk are refused', () => {
    const problems = runnerModuleProblems(bad).join('\n');
    for (const expected of [
      /version must be "7.11.0"/,
      /enable_ephemeral_runners must be true/,
      /instance_target_capacity_type must be "spot"/,
      /InsufficientInstanceCapacity/,
      /instance_types must be var.instance_types/,
      /runner_extra_labels must include "gpu"/,
      /repeats the default label "self-hosted"/,
      /runners_maximum_count must come from a variable/,
      /scale_down_schedule_expression/,
      /minimum_running_time_in_minutes/,
      /enable_ssm_on_runners must be true/,
      /associate_public_ipv4_address must be false/,
      /encrypted = true/,
      /GPU AMI/,
    ]) {
      expect(problems).toMatch(expected);
    }
    expect(runnerModuleProblems({ ...bad, modules: [] })).toEqual([`no module with source "${RUNNER_MODULE_SOURCE}"`]);
  });

  test('pins: ranges on modules, providers and terraform, and undeclared providers are refused', () => {
    expect(modulePinProblems(bad)).toEqual([
      `module.runners: pin "${RUNNER_MODULE_SOURCE}" to an exact version like "1.2.3", not "~> 7.0"`,
      'module.vpc: pin "terraform-aws-modules/vpc/aws" to an exact version like "1.2.3", not undefined',
    ]);
    const gitModule: TfConfig = { ...bad, modules: [['m', { source: 'git::https://github.com/a/b.git?ref=v1' }]] };
    expect(modulePinProblems(gitModule)).toEqual(['module.m: pin the git source to a 40-hex commit (?ref=)']);
    expect(providerPinProblems(bad)).toEqual([
      'bad: required_version must be one "~> x.y" or exact constraint, not [">= 1.0"]',
      'bad: pin provider aws with "~> x.y" or an exact version, not ">= 6"',
      'bad: random_id uses provider random, which required_providers does not declare',
    ]);
    expect(providerPinProblems({ ...bad, terraform: [] })).toEqual(['bad: add a terraform block (versions.tf)']);
  });

  test('network: 0.0.0.0/0 or ::/0 ingress, port 22 and key pairs are refused; open egress is not ingress', () => {
    expect(openIngressProblems(bad)).toEqual([
      'aws_security_group.open.ingress: cidr_blocks opens it to the internet',
      'aws_vpc_security_group_ingress_rule.web: cidr_ipv6 opens it to the internet',
    ]);
    expect(sshProblems(bad)).toEqual([
      'aws_key_pair.me: no key pairs (SSM only)',
      'module.runners: key_name set (SSM only, no SSH keys)',
      'aws_security_group.open.ingress: lets port 22 in',
    ]);
    const egress: TfConfig = {
      ...bad,
      resources: [['aws_security_group_rule', 'out', { type: 'egress', from_port: 0, to_port: 65535, cidr_blocks: ['0.0.0.0/0'] }]],
      modules: [['m', { runner_egress_rules: [{ cidr_blocks: ['0.0.0.0/0'], from_port: 0, to_port: 0 }] }]],
    };
    expect(openIngressProblems(egress)).toEqual([]);
    expect(sshProblems(egress)).toEqual([]);
  });

  test('S3: missing encryption, suspended versioning, partial public-access block, disabled lifecycle are refused', () => {
    expect(bucketProblems(bad)).toEqual([
      'aws_s3_bucket.data: add server-side encryption (AES256 or aws:kms)',
      'aws_s3_bucket.data: enable versioning',
      'aws_s3_bucket.data: block all public access (block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets = true)',
      'aws_s3_bucket.data: add an enabled lifecycle rule whose expiration days come from a variable',
      'aws_s3_bucket.data: expire noncurrent versions too',
    ]);
    expect(bucketProblems({ ...bad, resources: [] })).toEqual(['no aws_s3_bucket']);
    expect(expiryVariableProblems(bad, 'expiry')).toEqual(['variable.expiry: validate it between 1 and a maximum number of days']);
  });

  test('budget, IAM wildcards and OIDC trust: missing or too open are refused', () => {
    expect(budgetProblems(bad)).toEqual(['no aws_budgets_budget']);
    expect(
      budgetProblems({
        ...bad,
        resources: [['aws_budgets_budget', 'b', { budget_type: 'USAGE', notification: [{ subscriber_email_addresses: ['me@example.com'] }] }]],
      }),
    ).toEqual(['aws_budgets_budget.b: subscriber_email_addresses must come from a variable', 'aws_budgets_budget.b: budget_type must be COST']);
    expect(iamWildcardProblems(bad)).toEqual([
      'data.aws_iam_policy_document.write: Allow with a wildcard action ["s3:*"]',
      'data.aws_iam_policy_document.write: Allow on every resource ("*")',
    ]);
    expect(oidcTrustProblems(bad)).toEqual([
      'data.aws_iam_policy_document.trust: require aud = sts.amazonaws.com (StringEquals)',
      'data.aws_iam_policy_document.trust: limit sub to repo:<owner/name>:ref:<ref>',
    ]);
  });
});

describe('runner/ (Terraform, parsed with @cdktf/hcl2json)', () => {
  test('holds the root module and examples/basic, and every .tf parses', () => {
    expect(required(root, RUNNER_DIR).files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['versions.tf', 'variables.tf', 'main.tf', 'runners.tf', 'storage.tf', 'oidc.tf', 'budget.tf', 'outputs.tf']),
    );
    expect(required(example, 'runner/examples/basic').modules.map(([, m]) => m.source)).toContain('../..');
    expect(configs.length).toBe(2);
  });

  describe.each(configs.map((c) => [c.dir, c] as const))('%s', (_dir, config) => {
    test('every variable is typed and described; validation messages say what to set; outputs described', () => {
      expect(variableProblems(config)).toEqual([]);
    });

    test('modules pinned to an exact version; terraform and providers pinned', () => {
      expect(modulePinProblems(config)).toEqual([]);
      expect(providerPinProblems(config)).toEqual([]);
    });

    test('nothing lets traffic in from 0.0.0.0/0 or ::/0; no SSH key, no port 22', () => {
      expect(openIngressProblems(config)).toEqual([]);
      expect(sshProblems(config)).toEqual([]);
    });

    test('IAM policy documents allow no wildcard action or resource', () => {
      expect(iamWildcardProblems(config)).toEqual([]);
    });
  });

  test('GPU instance types only: default g4dn.xlarge, validation allows g4dn/g5/g6 .xlarge', () => {
    expect(instanceTypeVariableProblems(required(root, RUNNER_DIR))).toEqual([]);
    for (const config of configs) expect(literalInstanceTypeProblems(config)).toEqual([]);
  });

  test('runner module 7.11.0: ephemeral, spot with on-demand failover, gpu label, scaling, SSM, encrypted disks', () => {
    expect(runnerModuleProblems(required(root, RUNNER_DIR))).toEqual([]);
    const maxCount = required(root, RUNNER_DIR).variables.find(([name]) => name === 'runners_maximum_count')?.[1];
    expect(bodies(maxCount?.validation).length).toBeGreaterThan(0);
  });

  test('the post-install script makes nvidia the default Docker runtime and fails without driver or toolkit', () => {
    const runners = required(root, RUNNER_DIR).modules.find(([, m]) => m.source === RUNNER_MODULE_SOURCE)?.[1];
    const match = /file\("\$\{path\.module\}\/([^"]+)"\)/.exec(String(runners?.userdata_post_install));
    expect(match?.[1]).toBeDefined();
    const script = path.join(RUNNER_DIR, match?.[1] ?? '');
    expect(existsSync(script)).toBe(true);
    const text = readFileSync(script, 'utf8');
    expect(text).toMatch(/nvidia-ctk runtime configure --runtime=docker --set-as-default/);
    expect(text).toMatch(/"default-runtime"/);
    expect(text).toMatch(/nvidia-smi[^\n]*\|\|/);
    // It runs inside the module's user-data script: changing shell options there would change the module's script.
    expect(text).not.toMatch(/^\s*set\s+-/m);
  });

  test('a boot time that fits a GPU AMI: at least 10 minutes, validated', () => {
    const boot = required(root, RUNNER_DIR).variables.find(([name]) => name === 'runner_boot_time_in_minutes')?.[1];
    expect(boot?.default).toBeGreaterThanOrEqual(10);
    expect(bodies(boot?.validation).map((v) => v.condition)).toEqual([expect.stringContaining('var.runner_boot_time_in_minutes >= 10')]);
  });

  test('the job-started hook closes instance metadata to the steps, checks it, and takes sudo away; it fails the job otherwise', () => {
    const runners = required(root, RUNNER_DIR).modules.find(([, m]) => m.source === RUNNER_MODULE_SOURCE)?.[1];
    const file = /file\("\$\{path\.module\}\/([^"]+)"\)/.exec(String(runners?.runner_hook_job_started))?.[1];
    expect(file).toBe('scripts/job-started.sh');
    const text = readFileSync(path.join(RUNNER_DIR, file ?? ''), 'utf8');
    expect(text).toMatch(/^set -euo pipefail$/m);
    expect(text).toMatch(/sudo -n iptables -w -I OUTPUT 1 -d 169\.254\.169\.254\/32 -j REJECT \|\|\n\s+dataset_gen_fail/);
    expect(text).toMatch(/if curl [^\n]*http:\/\/169\.254\.169\.254\/[^\n]*; then\n\s+dataset_gen_fail/);
    expect(text).toMatch(/sudo -n rm -f \/etc\/sudoers\.d\/90-cloud-init-users \|\|/);
    expect(runners?.runner_run_as).toBe('ec2-user');
  });

  test('dataset upload refs are named in full: a wildcard is refused, and the trust matches them exactly', () => {
    const refs = required(root, RUNNER_DIR).variables.find(([name]) => name === 'dataset_upload_refs')?.[1];
    const condition = String(bodies(refs?.validation)[0]?.condition);
    const pattern = /regex\("([^"]+)"/.exec(condition)?.[1]?.replace(/\\\\/g, '\\');
    expect(pattern).toBeDefined();
    const allowed = new RegExp(pattern!);
    expect(['refs/heads/main', 'refs/tags/v1.2.0'].every((ref) => allowed.test(ref))).toBe(true);
    expect(['refs/heads/*', 'refs/tags/v*', 'refs/pull/1/merge'].some((ref) => allowed.test(ref))).toBe(false);
    const trust = required(root, RUNNER_DIR).data.find(([type, name]) => type === 'aws_iam_policy_document' && name === 'dataset_upload_trust')?.[2];
    const sub = bodies(bodies(trust?.statement)[0]?.condition).find((c) => String(c.variable).endsWith(':sub'));
    expect(sub?.test).toBe('StringEquals');
  });

  test('runners only in private subnets: public-IP subnets are refused at plan time', () => {
    const subnets = required(root, RUNNER_DIR).data.filter(([type]) => type === 'aws_subnet');
    const postconditions = subnets.flatMap(([, , body]) => bodies(body.lifecycle)).flatMap((l) => bodies(l.postcondition));
    expect(postconditions.map((p) => p.condition)).toContain('${!self.map_public_ip_on_launch}');
  });

  test('dataset bucket: encrypted, versioned, private, expiring (noncurrent versions too), expiry validated', () => {
    const config = required(root, RUNNER_DIR);
    expect(bucketProblems(config)).toEqual([]);
    expect(expiryVariableProblems(config, 'dataset_expiration_days')).toEqual([]);
    expect(expiryVariableProblems(config, 'dataset_noncurrent_expiration_days')).toEqual([]);
  });

  test('OIDC upload role: trust limited to the repository and refs, may only list the bucket and write to it', () => {
    const config = required(root, RUNNER_DIR);
    expect(oidcTrustProblems(config)).toEqual([]);
    const upload = config.data.find(([type, name]) => type === 'aws_iam_policy_document' && name === 'dataset_upload')?.[2];
    const statements = bodies(upload?.statement);
    expect(statements.flatMap((s) => stringList(s.actions) ?? []).sort()).toEqual(['s3:AbortMultipartUpload', 's3:ListBucket', 's3:PutObject']);
    for (const s of statements) for (const r of stringList(s.resources) ?? []) expect(r).toMatch(/^\$\{aws_s3_bucket\.datasets\.arn\}/);
  });

  test('an AWS Budgets alarm e-mails budget_alert_emails', () => {
    expect(budgetProblems(required(root, RUNNER_DIR))).toEqual([]);
  });
});
