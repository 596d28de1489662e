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

# --- ffmpeg for the CPU image, built from Debian's source (issue 26) ------------------------------
# Debian's ffmpeg package brings ~215 shared libraries (703 MB) and 352 demuxers with network protocols
# for a tool whose input is untrusted local video. This stage builds ffmpeg and ffprobe from Debian's own
# source package of the base's Debian (bookworm: ffmpeg 5.1.x with Debian's patches, unpacked by
# dpkg-source), with only the containers, codecs, filters and protocols the pipeline uses: the list and
# the reason for each is docker/ffmpeg-configure. Linked statically (FFmpeg's own libraries; libc, libm,
# zlib and Debian's libdav1d stay shared): ffprobe -version takes 4 ms of CPU instead of 146 ms.
# The deb-src entries repeat the base's own deb entries (the archive and suites it already uses).
# The GPU image keeps Debian's ffmpeg: it needs the NVDEC (cuda) hardware acceleration.
FROM node AS ffmpeg-build
RUN for f in /etc/apt/sources.list.d/*.sources; do \
      if [ -f "$f" ]; then sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"; fi; \
    done \
 && if [ -f /etc/apt/sources.list ]; then sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > /etc/apt/sources.list.d/deb-src.list; fi \
 && apt-get update \
 && apt-get install -y --no-install-recommends dpkg-dev gcc libc6-dev make nasm pkg-config libdav1d-dev zlib1g-dev xz-utils \
 && mkdir -p /usr/local/src/ffmpeg && cd /usr/local/src/ffmpeg \
 && apt-get source --only-source ffmpeg \
 && rm -rf /var/lib/apt/lists/*
COPY docker/ffmpeg-configure /usr/local/src/ffmpeg/
# The version names its Debian source and this build: "ffmpeg version 5.1.9-0+deb12u1.dataset-gen".
RUN cd /usr/local/src/ffmpeg/ffmpeg-*/ \
 && ../ffmpeg-configure --prefix=/opt/ffmpeg --enable-static --disable-shared \
      --extra-version="$(dpkg-parsechangelog -S Version | sed 's/^[0-9]*://; s/^[^-]*-//').dataset-gen" \
 && make -j"$(nproc)" ffmpeg ffprobe \
 && install -D -m 0755 -t /opt/ffmpeg/bin ffmpeg ffprobe \
 && /opt/ffmpeg/bin/ffmpeg -hide_banner -version | head -1

# --- CPU (default) --------------------------------------------------------------------------------
FROM node AS cpu

# Builds behind a TLS-inspecting proxy pass its CA bundle (also read by npm through Node).
ARG NODE_EXTRA_CA_CERTS
# onnxruntime-node's install script downloads CUDA libraries unless told to skip; the gpu target opts in.
ARG ONNXRUNTIME_NODE_INSTALL=skip

# libdav1d6: the AV1 decoder ffmpeg links (Debian's, 1.6 MB). ffmpeg and ffprobe come from the stage
# above, ahead of any other on PATH (/usr/local/bin). `apt-get clean`: a base without the official
# images' docker-clean apt setting (a debootstrap) would otherwise keep the .debs and apt's caches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libdav1d6 \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*
COPY --from=ffmpeg-build /opt/ffmpeg/bin/ffmpeg /opt/ffmpeg/bin/ffprobe /usr/local/bin/
# The build fails here if ffmpeg cannot load, or if it could read anything but local files and pipes.
RUN missing="$(ldd /usr/local/bin/ffmpeg /usr/local/bin/ffprobe | grep 'not found' || true)" \
 && if [ -n "$missing" ]; then echo "cpu image: ffmpeg cannot load here, it needs:" >&2; echo "$missing" >&2; exit 1; fi \
 && protocols="$(ffmpeg -hide_banner -protocols | sed -n '/^Input:/,/^Output:/p' | sed '1d;$d' | tr -d ' ' | sort | paste -sd, -)" \
 && if [ "$protocols" != "file,pipe" ]; then echo "cpu image: ffmpeg reads protocols $protocols, not only file,pipe" >&2; exit 1; fi \
 && demuxers="$(ffmpeg -hide_banner -demuxers | sed '1,/^ *--$/d' | wc -l)" \
 && if [ "$demuxers" -gt 40 ]; then echo "cpu image: ffmpeg has $demuxers demuxers (at most 40)" >&2; exit 1; fi

COPY package.json package-lock.json /opt/dataset-gen/
# Production dependencies only, and of those only the native ones the bundles leave external (sharp,
# onnxruntime-node): zod, prom-client, onnx-proto, protobufjs and long are bundled into dist/ by ncc
# (package.json "package"), so npm removes them and what only they need (about 40 MB). The npm ffmpeg binaries are removed (the image's own
# are on PATH), and so are onnxruntime's binaries for other systems and architectures (about 220 MB).
RUN cd /opt/dataset-gen \
 && ONNXRUNTIME_NODE_INSTALL="$ONNXRUNTIME_NODE_INSTALL" npm ci --omit=dev --no-audit --no-fund \
 && ONNXRUNTIME_NODE_INSTALL="$ONNXRUNTIME_NODE_INSTALL" npm uninstall --no-save --omit=dev --no-audit --no-fund zod prom-client onnx-proto protobufjs long \
 && rm -rf node_modules/@ffmpeg-installer node_modules/@ffprobe-installer \
 && ort=node_modules/onnxruntime-node/bin/napi-v6 \
 && find "$ort" -mindepth 1 -maxdepth 1 ! -name linux -exec rm -rf {} + \
 && find "$ort/linux" -mindepth 1 -maxdepth 1 ! -name "$(node -p process.arch)" -exec rm -rf {} + \
 && npm cache clean --force

# One layer per concern, the one that changes most often last: a release that changes only dist/
# changes only its layer. (DATASET_GEN_COMMIT is declared below the RUN steps: a new commit does not
# invalidate their cache.)
# The default model (models/README.md): the preset yolov8n-coco finds it beside package.json.
COPY models /opt/dataset-gen/models
COPY bin/docker-entrypoint.js /opt/dataset-gen/bin/docker-entrypoint.js
COPY dist /opt/dataset-gen/dist

# Recorded in every manifest the image writes.
ARG DATASET_GEN_COMMIT=""

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
