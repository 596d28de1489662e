#!/bin/sh
# The image's entry point: the GitHub Action when called without arguments (as the runner does),
# the CLI when the first argument is `dataset-gen`.
set -e
if [ "$#" -eq 0 ]; then
  exec node /opt/dataset-gen/dist/action/index.js
fi
if [ "$1" = "dataset-gen" ]; then
  shift
  exec node /opt/dataset-gen/dist/cli/index.js "$@"
fi
echo "docker-entrypoint: expected no arguments (the Action) or 'dataset-gen <command>' (the CLI), got: $*" >&2
exit 2
