import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ERASED_MARK } from '../common/identifier-redaction';
import type { FindingsReportModel } from './model/report.types';

/** Report snapshots as an erasure changes them. */
@Injectable()
export class ReportErasureRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  findingsSnapshots(): Promise<{ id: string; model: FindingsReportModel }[]> {
    return this.ds.query(`SELECT id, model FROM report_snapshot WHERE kind = 'findings'`);
  }

  async replaceModel(id: string, model: FindingsReportModel): Promise<void> {
    await this.ds.query(`UPDATE report_snapshot SET model = $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify(model),
    ]);
  }

  /** Strings only: a count is never touched, so a baseline keeps its figures. */
  async scrubText(pattern: string): Promise<number> {
    const r = (await this.ds.query(
      `UPDATE report_snapshot SET model = regexp_replace(model::text, $1, $2, 'gi')::jsonb,
              actor = regexp_replace(actor, $1, $2, 'gi')
        WHERE model::text ~* $1 OR actor ~* $1`,
      [pattern, ERASED_MARK],
    )) as [unknown, number];
    return r[1];
  }
}
