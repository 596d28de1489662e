/** How long the run waits on what it does not control: ffmpeg/ffprobe reading a video, a model download. */

/** Seconds without progress before ffmpeg, ffprobe or a model download is stopped (`stall-timeout`). */
export const DEFAULT_STALL_TIMEOUT_SECONDS = 60;

/** Seconds a whole model download may take, retries included (`download-timeout`). */
export const DEFAULT_DOWNLOAD_TIMEOUT_SECONDS = 600;
