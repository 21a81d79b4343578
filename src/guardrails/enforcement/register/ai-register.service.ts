import { Injectable } from '@nestjs/common';
import { CatalogService } from '../../../catalog/catalog.service';
import { FindingsService } from '../../../findings/findings.service';
import {
  buildRegister,
  registerToCsv,
  registerToXlsx,
  registerToYaml,
  type AiRegister,
  type RegisterFormat,
} from './ai-register';

/** The AI register, built on request from the policy and the present findings. */
@Injectable()
export class AiRegisterService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly findings: FindingsService,
  ) {}

  async build(now = new Date()): Promise<AiRegister> {
    await this.catalog.refresh();
    return buildRegister(
      this.catalog.tools(),
      await this.catalog.policiesById(),
      await this.findings.present(),
      now,
    );
  }

  async render(
    format: RegisterFormat,
  ): Promise<{ body: string | Buffer; contentType: string; filename: string }> {
    const register = await this.build();
    switch (format) {
      case 'yaml':
        return {
          body: registerToYaml(register),
          contentType: 'application/yaml; charset=utf-8',
          filename: 'ai-register.yaml',
        };
      case 'csv':
        return {
          body: registerToCsv(register),
          contentType: 'text/csv; charset=utf-8',
          filename: 'ai-register.csv',
        };
      case 'xlsx':
        return {
          body: await registerToXlsx(register),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: 'ai-register.xlsx',
        };
    }
  }
}
