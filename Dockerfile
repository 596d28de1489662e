# dataset-gen: the GitHub Action's image and the CLI in a container. Two targets:
#   docker build -t dataset-gen .                      (CPU; the last stage, the default)
#   docker build --target gpu -t dataset-gen:gpu .      (NVIDIA GPU: CUDA 13 + cuDNN 9, onnxruntime's
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
#
# Why CUDA 13. onnxruntime-node's install script (script/install-metadata.js of 1.30.0) maps
# ONNXRUNTIME_NODE_INSTALL=cuda12 to the NuGet package Microsoft.ML.OnnxRuntime.Gpu.Linux of its own
# version from nuget.org and never checks which CUDA that package was built for; the name "cuda12" is
# only a label. Since onnxruntime 1.27 the CUDA 12 packages are deprecated and published on a separate
# feed, and the packages on nuget.org are the CUDA 13 builds (the 1.27.0 release candidates,
# microsoft/onnxruntime#29032: "CUDA 12 packages are deprecated. Please update to CUDA 13 packages";
# #29767). Its provider library then needs libcudart.so.13, libcublas*.so.13 and cuDNN 9: a CUDA 12
# base would fail to load it, and a run would silently infer on the CPU. Whatever the evidence says, the
# check after `npm ci` below fails this build when any library the provider needs is not in the image.
# The digest is the linux/amd64 manifest (the GPU runners are x86_64); Dependabot proposes new ones.
FROM docker.io/nvidia/cuda:13.0.3-cudnn-runtime-ubuntu24.04@sha256:af851538a2bb05f587f27b660d61de3643d964e75ef5c04f4086ff2b36f2a12a AS gpu

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
# onnxruntime-node's install script fetches its GPU provider libraries (cuDNN 9 comes with the base).
# The TensorRT provider is removed: TensorRT is not in the image and dataset-gen never asks for it.
RUN cd /opt/dataset-gen \
 && ONNXRUNTIME_NODE_INSTALL=cuda12 npm ci --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@ffmpeg-installer node_modules/@ffprobe-installer \
 && rm -f node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime_providers_tensorrt.so \
 && npm cache clean --force

# The build fails here rather than the image inferring on the CPU at GPU prices: the CUDA provider
# library must be installed and every library it links must resolve in this image (`ldd`: the CUDA
# runtime, cuBLAS, cuDNN; libcuda.so.1 comes from the driver at run time and is loaded by the CUDA
# runtime, not linked), and ffmpeg's libraries must resolve and it must list the cuda hardware
# acceleration (NVDEC: libcuda and libnvcuvid come from the driver at run time, opened by ffmpeg then).
# `dataset-gen doctor --execution-providers cuda` repeats the checks on a runner, with the GPU.
RUN ort=/opt/dataset-gen/node_modules/onnxruntime-node/bin/napi-v6/linux/x64 \
 && for lib in libonnxruntime_providers_shared.so libonnxruntime_providers_cuda.so; do \
      test -f "$ort/$lib" || { echo "gpu image: $ort/$lib is not installed" >&2; exit 1; }; \
    done \
 && missing="$(ldd "$ort/libonnxruntime_providers_cuda.so" | grep 'not found' || true)" \
 && if [ -n "$missing" ]; then echo "gpu image: the CUDA provider cannot load here, it needs:" >&2; echo "$missing" >&2; exit 1; fi \
 && missing="$(ldd "$(command -v ffmpeg)" | grep 'not found' || true)" \
 && if [ -n "$missing" ]; then echo "gpu image: ffmpeg cannot load here, it needs:" >&2; echo "$missing" >&2; exit 1; fi \
 && if ! ffmpeg -hide_banner -hwaccels | grep -qx cuda; then echo "gpu image: ffmpeg lists no cuda hardware acceleration (NVDEC)" >&2; exit 1; fi

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
