#!/bin/bash
# dataset-gen: close the instance metadata service before a job's steps run.
#
# The runner runs this (the module's runner_hook_job_started, as the runner user) when it starts its
# one job, after it registered with the instance role's credentials. From here on nothing on this
# single-job instance needs instance metadata, and a job step that reads it could take the instance
# role's credentials (the module's runner role can read runner registration parameters). The hop
# limit of 1 (runners.tf) already keeps containers on Docker's bridge network away from it; this
# closes it to steps on the host too, then takes the runner user's sudo so a step cannot open it again.
# A job that can run `docker` can still become root on its instance (README.md: trusted workflows of
# one private repository only). A failure here fails the job before any step runs.
set -euo pipefail

dataset_gen_fail() {
  echo "dataset-gen job start: $*" >&2
  exit 1
}

sudo -n iptables -w -I OUTPUT 1 -d 169.254.169.254/32 -j REJECT ||
  dataset_gen_fail "iptables could not close the instance metadata service (169.254.169.254)"
# IPv6 metadata (fd00:ec2::254) answers only when enabled on the instance; close it when ip6tables can.
sudo -n ip6tables -w -I OUTPUT 1 -d fd00:ec2::254/128 -j REJECT 2>/dev/null || true

if curl -s -m 3 -o /dev/null http://169.254.169.254/latest/api/token -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 60"; then
  dataset_gen_fail "the instance metadata service still answers; refusing to run the job's steps"
fi

# No sudo for the steps: the rule above stays.
sudo -n rm -f /etc/sudoers.d/90-cloud-init-users ||
  dataset_gen_fail "could not take the runner user's sudo away"
echo "dataset-gen job start: instance metadata closed to this job"
