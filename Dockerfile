# dataset-gen: the GitHub Action's image and the CLI in a container.
#   docker build -t dataset-gen .        (CPU: the released image)
# ONNXRUNTIME_NODE_INSTALL=cuda12 fetches onnxruntime's CUDA libraries, but this image has no CUDA
# runtime and the Actions runner starts it without --gpus: the GPU image is planned separately (issue 11;
# README "Runners and GPUs").
# GitHub runs container actions as root with the workspace mounted at /github/workspace and sets the
# working directory itself, so there is no USER and nothing relies on WORKDIR.
FROM node:20-bookworm-slim

# Builds behind a TLS-inspecting proxy pass its CA bundle (also read by npm through Node).
ARG NODE_EXTRA_CA_CERTS
# onnxruntime-node's install script downloads CUDA libraries unless told to skip; the GPU image opts in.
ARG ONNXRUNTIME_NODE_INSTALL=skip
# Recorded in every manifest the image writes.
ARG DATASET_GEN_COMMIT=""

RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg ca-certificates \
 && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json /opt/dataset-gen/
# Production dependencies only: the native ones the bundles leave external (sharp, onnxruntime-node)
# and fluent-ffmpeg. Debian's ffmpeg is on PATH, so the npm ffmpeg binaries are removed, and so are
# onnxruntime's binaries for other systems and architectures (about 220 MB).
RUN cd /opt/dataset-gen \
 && ONNXRUNTIME_NODE_INSTALL="$ONNXRUNTIME_NODE_INSTALL" npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@ffmpeg-installer node_modules/@ffprobe-installer \
 && ort=node_modules/onnxruntime-node/bin/napi-v6 \
 && find "$ort" -mindepth 1 -maxdepth 1 ! -name linux -exec rm -rf {} + \
 && find "$ort/linux" -mindepth 1 -maxdepth 1 ! -name "$(node -p process.arch)" -exec rm -rf {} + \
 && npm cache clean --force

COPY dist /opt/dataset-gen/dist
# The default model (models/README.md): the preset yolov8n-coco finds it beside package.json.
COPY models /opt/dataset-gen/models
COPY bin/docker-entrypoint.js /opt/dataset-gen/bin/docker-entrypoint.js

# ORT_DISABLE_TELEMETRY: onnxruntime writes no device id, usage database or log files (README "What it
# writes, and what it sends"); the code sets it too, this covers anything that loads onnxruntime first.
ENV NODE_ENV=production \
    ORT_DISABLE_TELEMETRY=1 \
    DATASET_GEN_COMMIT=${DATASET_GEN_COMMIT}

# No arguments: run the Action. `dataset-gen …`: run the CLI (docker run IMAGE dataset-gen run --video …).
ENTRYPOINT ["node", "/opt/dataset-gen/bin/docker-entrypoint.js"]
