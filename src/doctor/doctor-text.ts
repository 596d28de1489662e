/** The doctor's report as the lines a person reads (CLI stdout, the Action's debug log). */
import type { DoctorReport } from './doctor.js';

const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');

export function doctorText(report: DoctorReport): string {
  const lines: string[] = [];
  const { onnxruntime, providers, gpus, ffmpeg } = report;
  const offered = onnxruntime.offered.map((p) => `${p.name}${p.bundled ? '' : ' (separate library)'}`).join(', ');
  lines.push(`onnxruntime-node ${onnxruntime.version}; providers offered: ${offered}`);
  lines.push(`model opened on each requested provider: ${report.model}`);
  for (const check of providers) lines.push(`  ${mark(check.loads)} ${check.provider}: ${check.loads ? 'loads' : `does not load: ${check.reason}`}`);
  if (Array.isArray(gpus)) {
    for (const gpu of gpus) lines.push(`GPU: ${gpu.name}, driver ${gpu.driver}${gpu.memoryMiB === null ? '' : `, ${gpu.memoryMiB} MiB`}`);
  } else {
    lines.push(`GPU: none visible: ${gpus.problem}`);
  }
  if ('problem' in ffmpeg) {
    lines.push(`  FAIL ffmpeg: ${ffmpeg.problem}`);
  } else {
    lines.push(`ffmpeg: ${ffmpeg.version} (${ffmpeg.path}); hardware decoders: ${ffmpeg.hwaccels.length > 0 ? ffmpeg.hwaccels.join(', ') : 'none'}`);
    lines.push(`  NVDEC on a one-second test clip: ${ffmpeg.nvdec.works ? 'decodes' : `does not decode: ${ffmpeg.nvdec.reason}`}`);
  }
  lines.push(`verdict: ${report.inference}; ${report.decoding}`);
  return `${lines.join('\n')}\n`;
}
