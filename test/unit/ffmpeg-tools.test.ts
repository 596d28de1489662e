import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { ToolError } from '../../src/errors.js';
import { locateFfmpegTools, resolveFfmpegTools, withVersions } from '../../src/media/tools.js';
import { tempDir } from '../support/videos.js';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('resolveFfmpegTools', () => {
  test('PATH first, with versions', async () => {
    const tools = await resolveFfmpegTools();
    expect(tools.source).toBe('path');
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
    expect(tools.ffprobe.version).toMatch(/^ffprobe version /);
  });

  test('without ffmpeg on PATH, the binaries from the npm packages', async () => {
    process.env.PATH = '/nonexistent';
    const tools = await resolveFfmpegTools();
    expect(tools.source).toBe('npm');
    expect(tools.ffmpeg.path).toContain(`${path.sep}node_modules${path.sep}`);
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
    expect(tools.ffprobe.version).toMatch(/^ffprobe version /);
  });

  test('--ffmpeg-path as a folder or as the ffmpeg binary', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const system = await resolveFfmpegTools();
      await symlink(system.ffmpeg.path, path.join(dir, 'ffmpeg'));
      await symlink(system.ffprobe.path, path.join(dir, 'ffprobe'));
      expect((await resolveFfmpegTools(dir)).ffmpeg.path).toBe(path.join(dir, 'ffmpeg'));
      const byFile = await resolveFfmpegTools(path.join(dir, 'ffmpeg'));
      expect(byFile.source).toBe('option');
      expect(byFile.ffprobe.path).toBe(path.join(dir, 'ffprobe'));
    } finally {
      await cleanup();
    }
  });

  test('a wrong --ffmpeg-path is a ToolError that says what was found', async () => {
    await expect(resolveFfmpegTools('/nonexistent/ffmpeg')).rejects.toThrow(ToolError);
    await expect(resolveFfmpegTools('/nonexistent/ffmpeg')).rejects.toThrow(/--ffmpeg-path \/nonexistent\/ffmpeg does not exist/);
    await expect(resolveFfmpegTools('/tmp')).rejects.toThrow(/expected executable ffmpeg and ffprobe in \/tmp; found neither/);
  });
});

describe('withVersions', () => {
  test("takes ffprobe's version from the probe when it gives one, without running ffprobe", async () => {
    const paths = { ...locateFfmpegTools(), ffprobe: '/nonexistent/ffprobe' };
    const tools = await withVersions(paths, Promise.resolve('ffprobe version from-the-probe'));
    expect(tools.ffprobe.version).toBe('ffprobe version from-the-probe');
    expect(tools.ffmpeg.version).toMatch(/^ffmpeg version /);
  });

  test("reads ffprobe's version itself when the probe failed or did not say", async () => {
    const paths = locateFfmpegTools();
    for (const given of [Promise.reject(new Error('probe failed')), Promise.resolve(null), undefined]) {
      expect((await withVersions(paths, given)).ffprobe.version).toMatch(/^ffprobe version /);
    }
  });

  test('an ffmpeg that does not run is a ToolError, whatever the probe says', async () => {
    const paths = { ...locateFfmpegTools(), ffmpeg: '/nonexistent/ffmpeg' };
    await expect(withVersions(paths, Promise.resolve('ffprobe version x'))).rejects.toThrow(ToolError);
  });
});
