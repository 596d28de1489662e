/**
 * What ffmpeg and ffprobe may open when they read a user's video, which is untrusted: input options
 * (before `-i`) given to every call that opens one.
 *
 * - Protocols: local files and pipes only (`-protocol_whitelist file,pipe`), never a network or other
 *   resource a playlist or list inside the file refers to. Decoding a local file needs `file` alone
 *   (every input is passed as an absolute path, and a FIFO is a file too); `pipe` is used by no call
 *   and could only read the child's stdin, which nothing writes to. MOV's external data references
 *   stay off (`enable_drefs` defaults to 0).
 * - Formats (`-format_whitelist`): only the demuxers of the containers that site cameras, NVRs, phones
 *   and their export tools write. Any other format ffmpeg detects (an image or image sequence, a GIF,
 *   a playlist or list such as HLS or concat, SDP/RTP, audio, and ffmpeg's many rarely used demuxers)
 *   is refused when the file is opened, before its demuxer parses it: "Format not on whitelist".
 *
 * libavformat matches with `av_match_list`: an entry matches when it equals one of the names in the
 * detected demuxer's comma-separated name, so `mov` admits the demuxer `mov,mp4,m4a,3gp,3g2,mj2` and
 * `matroska` admits `matroska,webm`; a prefix (`mp`, `mpeg` for `mpegts`) matches nothing. A name this
 * ffmpeg lacks matches nothing and does no harm.
 *
 * Left out, though cameras may write them: DV and MXF (camcorders and broadcast cameras; large
 * demuxers, rare on sites), Ogg, NUT, YUV4MPEG and raw video (not written by cameras), `mpjpeg`
 * (an MJPEG-over-HTTP capture, which has no frame rate or duration to sample by).
 */

/**
 * The demuxers read, by libavformat name, with what writes them. Raw elementary streams (h264, hevc,
 * m4v, mpegvideo) are left out for now: ffprobe gives them no duration, which sampling by time needs,
 * so they would be refused after their demuxer parsed them anyway; refused here, the message says to
 * wrap them in MP4 (`ffmpeg -i in.264 -c copy out.mp4`). A raw MJPEG file is detected as `jpeg_pipe`,
 * an image format, never `mjpeg`.
 */
export const INPUT_FORMATS = [
  'mov', // MP4, MOV, 3GP/3G2, M4V (mov,mp4,m4a,3gp,3g2,mj2): phones, action and body cameras, drones, most NVR and VMS exports
  'matroska', // MKV and WebM (matroska,webm): VMS and recorder exports, screen recorders
  'avi', // AVI: older DVRs and NVRs, MJPEG webcams
  'mpegts', // MPEG-TS, M2TS/MTS (AVCHD): NVR exports, camcorders, recorded streams
  'mpeg', // MPEG-PS (.mpg, .vob, .ps): DVRs, Hikvision exports (often named .mp4)
  'flv', // FLV: RTMP stream recordings
  'asf', // ASF/WMV: Windows-based DVRs
  'ivf', // IVF (VP8, VP9, AV1): WebRTC-based camera and doorbell recordings
  'dhav', // Dahua .dav: Dahua and OEM NVR exports
] as const;

/** The containers INPUT_FORMATS reads, for messages. */
export const READ_FORMATS_TEXT = 'MP4/MOV/3GP, MKV/WebM, AVI, MPEG-TS, MPEG-PS, FLV, ASF/WMV, Dahua DAV, IVF';

export const PROTOCOL_WHITELIST = ['-protocol_whitelist', 'file,pipe'];

export const FORMAT_WHITELIST = ['-format_whitelist', INPUT_FORMATS.join(',')];

/** The input options for every ffmpeg and ffprobe call that opens a user's video; before `-i` (or the file, for ffprobe). */
export const UNTRUSTED_INPUT = [...PROTOCOL_WHITELIST, ...FORMAT_WHITELIST];
