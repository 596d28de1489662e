# dataset-gen: make the GPU visible to Docker container actions.
#
# Inserted by the runner module into the instance's user data after the runner is installed and
# before it starts (userdata_post_install). It runs inside the module's bash script, so it changes
# no shell options and exits only on failure: an instance that fails here never registers, and
# scale-down terminates it.
#
# The runner starts container actions with `docker run` and no `--gpus`; the GPU reaches them only
# because Docker's default runtime is nvidia (/etc/docker/daemon.json "default-runtime": "nvidia").

dataset_gen_fail() {
  echo "dataset-gen GPU setup: $*" >&2
  exit 1
}

echo "dataset-gen GPU setup: NVIDIA driver"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader ||
  dataset_gen_fail "nvidia-smi failed: the AMI has no working NVIDIA driver (see runner_ami_name_filter)"

command -v nvidia-ctk >/dev/null 2>&1 ||
  dataset_gen_fail "nvidia-ctk not found: the AMI lacks the NVIDIA container toolkit (see runner_ami_name_filter)"

echo "dataset-gen GPU setup: nvidia as Docker's default runtime"
nvidia-ctk runtime configure --runtime=docker --set-as-default ||
  dataset_gen_fail "nvidia-ctk could not write /etc/docker/daemon.json"
jq -e '."default-runtime" == "nvidia"' /etc/docker/daemon.json >/dev/null ||
  dataset_gen_fail "/etc/docker/daemon.json has no \"default-runtime\": \"nvidia\""

systemctl restart docker || dataset_gen_fail "docker did not restart"
[ "$(docker info --format '{{.DefaultRuntime}}')" = "nvidia" ] ||
  dataset_gen_fail "docker info does not report nvidia as the default runtime"

echo "dataset-gen GPU setup: done"
