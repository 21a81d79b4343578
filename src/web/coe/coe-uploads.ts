import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError, ErrorCode } from '../../common/domain-error';
import { spoolUpload, type SpooledFile } from '../../common/upload-spool';
import { AppConfig } from '../../config/app-config';

type UploadRequest = Readable & { headers: IncomingHttpHeaders };

/** A previewed file waits this long for its confirmation; older ones are swept on the next upload. */
const PREVIEW_TTL_MS = 24 * 3600_000;
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Files the CoE pages receive (multipart forms): read at once (a policy file), or kept in the
 * spool between a preview and its confirmation (a directory or a survey export), by upload id.
 */
@Injectable()
export class CoeUploads {
  constructor(private readonly config: AppConfig) {}

  /** Under the spool folder, so a job that consumes a kept file may remove it. */
  get previewDir(): string {
    return join(this.config.dataDir, 'spool', 'console');
  }

  /** The uploaded file's text; nothing is kept. */
  async readText(
    req: UploadRequest,
    maxBytes: number,
    defaultName: string,
  ): Promise<{ name: string; text: string }> {
    const file = await spoolUpload(req, {
      dir: this.previewDir,
      maxBytes: Math.min(maxBytes, this.config.uploadMaxBytes),
      defaultName,
    });
    try {
      return { name: file.name, text: await readFile(file.path, 'utf8') };
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Keeps the uploaded file for a confirmation; its id is what the confirmation form carries. */
  async keep(
    req: UploadRequest,
    defaultName: string,
    spool?: (dir: string) => Promise<SpooledFile>,
  ): Promise<SpooledFile & { uploadId: string }> {
    await this.sweep();
    const file = spool
      ? await spool(this.previewDir)
      : await spoolUpload(req, {
          dir: this.previewDir,
          maxBytes: this.config.uploadMaxBytes,
          defaultName,
        });
    return { ...file, uploadId: basename(file.path).slice(0, 36) };
  }

  /** A kept file by its id, or a clear error when it is gone (confirmed already, or swept). */
  async find(uploadId: string): Promise<{ path: string; name: string; bytes: number }> {
    if (UPLOAD_ID.test(uploadId)) {
      const entries = await readdir(this.previewDir).catch(() => [] as string[]);
      const entry = entries.find((e) => e.startsWith(`${uploadId.toLowerCase()}-`));
      if (entry) {
        const path = join(this.previewDir, entry);
        return { path, name: entry.slice(37), bytes: (await stat(path)).size };
      }
    }
    throw new DomainError(
      ErrorCode.NotFound,
      'That upload is no longer waiting to be imported (already imported, or older than a day): upload the file again.',
    );
  }

  async discard(path: string): Promise<void> {
    if (path.startsWith(this.previewDir)) await rm(path, { force: true });
  }

  private async sweep(): Promise<void> {
    const entries = await readdir(this.previewDir).catch(() => [] as string[]);
    const now = Date.now();
    for (const e of entries) {
      const path = join(this.previewDir, e);
      const s = await stat(path).catch(() => null);
      if (s && now - s.mtimeMs > PREVIEW_TTL_MS) await rm(path, { force: true });
    }
  }
}
