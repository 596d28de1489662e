# dataset-gen: the GitHub Action's image and the CLI in a container. Two targets:
#   docker build -t dataset-gen .                      (CPU; the last stage, the default)
#   docker build --target gpu -t dataset-gen:gpu .      (NVIDIA GPU: CUDA 12 + cuDNN 9, onnxruntime's
#                                                        CUDA provider, ffmpeg with NVDEC decoding)
# GitHub runs container actions as root with the workspace mounted at /github/workspace and sets the
# working directory itself, so there is no USER and nothing relies on WORKDIR.
# No arguments: run the Action. `dataset-gen …`: run the CLI (docker run IMAGE dataset-gen run --video …).

# --- Base images, pinned by digest ------------------------------------------------------------------
# A tag can be moved to other content; a digest cannot. Dependabot (.github/dependabot.yml, docker)
# proposes new digests for these FROM lines. NODE_IMAGE chooses the Node base: by default the pinned
# stage below; a build that cannot reach the registry passes a local image by tag instead, as .ci/run
# does for the stand-in of ../shared/tools/container (which cannot have the registry's digest):
#   --build-arg NODE_IMAGE=docker.io/library/node:20-bookworm-slim
ARG NODE_IMAGE=node-pinned
FROM docker.io/library/node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS node-pinned
FROM ${NODE_IMAGE} AS node

# --- GPU ------------------------------------------------------------------------------------------
# The runner starts container actions without --gpus: its Docker's default runtime is nvidia (runner/),
# which hands the GPU to an image that asks for it with the two NVIDIA_* variables below.
FROM docker.io/nvidia/cuda:12.6.3-cudnn-runtime-ubuntu24.04@sha256:8aef630a54bc5c5146ae5ce68e6af5caa3df0fb690bb91544175c91f307e4356 AS gpu

ARG NODE_EXTRA_CA_CERTS
ARG DATASET_GEN_COMMIT=""

# Node 20 from the official Node image (the same binary as the CPU image's).
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg ca-certificates \
 && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json /opt/dataset-gen/
# onnxruntime-node's install script fetches its CUDA 12 provider libraries (cuDNN 9 comes with the base).
RUN cd /opt/dataset-gen \
 && ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@ffmpeg-installer node_modules/@ffprobe-installer \
 && npm cache clean --force

COPY dist /opt/dataset-gen/dist
COPY models /opt/dataset-gen/models
COPY bin/docker-entrypoint.js /opt/dataset-gen/bin/docker-entrypoint.js

ENV NODE_ENV=production \
    ORT_DISABLE_TELEMETRY=1 \
    GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1 \
    DATASET_GEN_COMMIT=${DATASET_GEN_COMMIT} \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility,video

ENTRYPOINT ["node", "/opt/dataset-gen/bin/docker-entrypoint.js"]

# --- CPU (default) --------------------------------------------------------------------------------
FROM node AS cpu

# Builds behind a TLS-inspecting proxy pass its CA bundle (also read by npm through Node).
ARG NODE_EXTRA_CA_CERTS
# onnxruntime-node's install script downloads CUDA libraries unless told to skip; the gpu target opts in.
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
# GLIBC_TUNABLES (read by glibc only when a process starts, so it cannot be set from the code): malloc
# asks for transparent huge pages, and every thread allocates from the main heap, the one that gets
# them. onnxruntime's weights and activations then take 2 MB pages: a quarter of the page faults, runs
# 8-15 % faster and peak RSS 30-50 MB lower on 2 vCPU (docs/performance.md, "Allocator settings").
ENV NODE_ENV=production \
    ORT_DISABLE_TELEMETRY=1 \
    GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1 \
    DATASET_GEN_COMMIT=${DATASET_GEN_COMMIT}

ENTRYPOINT ["node", "/opt/dataset-gen/bin/docker-entrypoint.js"]
