/**
 * The frame pipe: runs one ffmpeg decode that writes packed RGB frames to its stdout, and assembles
 * them one at a time, each paired with what the decoder's stderr said about it (decoder-stderr.ts).
 * Only one frame is held at a time; the pipe's backpressure holds ffmpeg back while stages work.
 */
import type { VideoInfo } from '../../domain/video.js';
import { VideoInputError } from '../../errors.js';
import { startDecode, type DecodeRequest } from '../../media/ffmpeg.js';
import type { FfmpegTools } from '../../media/tools.js';
import type { DecoderStderr, FrameInfo } from './decoder-stderr.js';

/** A frame read from ffmpeg's pipe, with what showinfo said about it. */
interface DecodedFrame {
  info: FrameInfo;
  rgb: Buffer;
}

/** What the frame pipe asks ffmpeg for: everything but the input (the video) and the stderr reader. */
type PipeRequest = Omit<DecodeRequest, 'input' | 'onStderrLine'>;

/**
 * Runs one ffmpeg decode of `video` (the request's filter must end in the selected frames' showinfo)
 * and yields each frame on the pipe with its info. A decode that fails throws VideoInputError at the
 * end; ffmpeg is killed when the caller stops early.
 */
export async function* pipedFrames(tools: FfmpegTools, video: VideoInfo, request: PipeRequest, stderr: DecoderStderr): AsyncGenerator<DecodedFrame, void> {
  const frameBytes = video.width * video.height * 3;
  const decoder = startDecode(tools, { ...request, input: video.path, onStderrLine: (line) => stderr.line(line) });
  let exited = false;
  let failure: Error | null = null;
  const finished = decoder.done.then(
    () => void (exited = true),
    (error: Error) => {
      exited = true;
      failure = error;
    },
  );
  let buffer = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  try {
    for await (const chunk of decoder.frames as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        chunk.copy(buffer, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled < frameBytes) continue;
        const info = await stderr.nextSelected(() => exited);
        if (!info) throw new VideoInputError(`Video ${video.path}: ffmpeg sent a frame it did not report; cannot place it in time`);
        if (info.size !== `${video.width}x${video.height}`) {
          throw new VideoInputError(
            `Video ${video.path}: frame ${info.frameIndex} decodes at ${info.size}, not the probed ${video.width}x${video.height}; frame size changes mid-stream are not supported`,
          );
        }
        yield { info, rgb: buffer };
        buffer = Buffer.allocUnsafe(frameBytes);
        filled = 0;
      }
    }
    await finished;
  } finally {
    if (!exited) decoder.kill();
  }
  if (failure !== null) {
    if ((failure as Error) instanceof VideoInputError) throw failure; // stalled: the message names the option
    const reason = stderr.errors.at(-1) ?? (failure as Error).message.split('\n')[0];
    throw new VideoInputError(`Video ${video.path} could not be decoded: ${reason}`);
  }
}
