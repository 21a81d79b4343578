import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditService } from '../../auth/audit.service';
import type { Actor } from '../../auth/role';
import { CatalogService } from '../../catalog/catalog.service';
import { DomainError, ErrorCode } from '../../common/domain-error';
import type { PersonDataHolder, PersonDataSection } from '../../common/person-data';
import { EvidenceService } from '../../evidence/evidence.service';
import { PeopleService } from '../../people/people.service';
import { EndpointDeviceRepository } from './endpoint-device.repository';
import {
  endpointEvidence,
  endpointIdentity,
  inventoryOf,
  reportHash,
  type EndpointToolMatcher,
} from './endpoint-inventory';
import { collectorWatchList, type CollectorWatchList } from './endpoint-watch-list';
import type { EndpointDeviceEntity } from './entities/endpoint-device.entity';
import type { EndpointDeviceView, EndpointReport } from './endpoints.types';

/** Where the collector's source sits beside this file, in src/ and in dist/ alike. */
export const COLLECTOR_FILE = join(__dirname, 'collector', 'collector.js');

export interface ReportReceipt {
  deviceId: string;
  /** `unchanged`: the device's last report was the same; nothing was written */
  status: 'recorded' | 'unchanged';
  items: number;
  tools: string[];
  evidence: { inserted: number; updated: number };
}

/** Endpoint collector reports → devices, their inventory, and `endpoint` evidence. */
@Injectable()
export class EndpointsService implements PersonDataHolder {
  private collectorSource: string | undefined;

  constructor(
    private readonly devices: EndpointDeviceRepository,
    private readonly catalog: CatalogService,
    private readonly evidence: EvidenceService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** The collector as written: one file a person can read before running it. */
  collectorScript(): string {
    this.collectorSource ??= readFileSync(COLLECTOR_FILE, 'utf8');
    return this.collectorSource;
  }

  watchList(): CollectorWatchList {
    const tools = this.catalog.tools();
    return collectorWatchList(
      tools.flatMap((t) => t.rules.ideExtensions ?? []),
      tools.flatMap((t) => t.rules.browserExtensions ?? []),
    );
  }

  async receive(report: EndpointReport, actor: Actor, now = new Date()): Promise<ReportReceipt> {
    // store exactly what was posted (the DTO instance carries nothing but the posted fields)
    const posted = JSON.parse(JSON.stringify(report)) as EndpointReport;
    const items = inventoryOf(posted, this.toolMatcher());
    const tools = [...new Set(items.flatMap((i) => (i.toolId ? [i.toolId] : [])))].sort();
    const changed = await this.devices.saveReport(posted, reportHash(posted), now);
    if (!changed) {
      return {
        deviceId: posted.device.id,
        status: 'unchanged',
        items: items.length,
        tools,
        evidence: { inserted: 0, updated: 0 },
      };
    }
    const evidence = await this.evidence.record(endpointEvidence(posted, items, now));
    await this.audit.record({
      actor,
      action: 'endpoints.report',
      targetType: 'endpoint-device',
      targetId: posted.device.id,
      detail: { hostname: posted.device.hostname, items: items.length, tools },
    });
    return { deviceId: posted.device.id, status: 'recorded', items: items.length, tools, evidence };
  }

  /** Devices and what is on them: person-level, so the read is audited. */
  async list(
    actor: Actor,
    q: { user?: string; limit: number; offset: number },
  ): Promise<EndpointDeviceView[]> {
    const rows = await this.devices.list(q);
    await this.audit.recordRead(actor, 'endpoint-devices', null, { ...q, devices: rows.length });
    const matcher = this.toolMatcher();
    return rows.map((d) => this.view(d, matcher));
  }

  /** One device with its last report exactly as it was received. */
  async get(
    deviceId: string,
    actor: Actor,
  ): Promise<EndpointDeviceView & { report: EndpointReport }> {
    const d = await this.devices.findOne(deviceId);
    if (!d) throw new DomainError(ErrorCode.NotFound, `no endpoint device ${deviceId}`);
    await this.audit.recordRead(actor, 'endpoint-device', deviceId);
    return { ...this.view(d, this.toolMatcher()), report: d.report };
  }

  async personData(personId: string): Promise<PersonDataSection[]> {
    const devices = await this.devicesOf(personId);
    if (devices.length === 0) return [];
    return [
      {
        kind: 'endpoint-devices',
        rows: devices.map((d) => ({
          deviceId: d.deviceId,
          hostname: d.hostname,
          os: d.os,
          user: d.user,
          firstReportAt: d.firstReportAt.toISOString(),
          lastReportAt: d.lastReportAt.toISOString(),
          report: d.report,
        })),
      },
    ];
  }

  async erasePerson(personId: string): Promise<Record<string, number>> {
    const devices = await this.devicesOf(personId);
    return { 'endpoint-devices': await this.devices.deleteMany(devices.map((d) => d.deviceId)) };
  }

  /** The devices whose owner resolves to the person, by the people module's rules as they are now. */
  private async devicesOf(personId: string): Promise<EndpointDeviceEntity[]> {
    const all = await this.devices.list();
    const resolved = await this.people.resolveIdentities(
      all.map((d) => endpointIdentity(d.user)),
      'endpoint',
    );
    return all.filter((_, i) => resolved[i]?.personId === personId);
  }

  private view(d: EndpointDeviceEntity, matcher: EndpointToolMatcher): EndpointDeviceView {
    const items = inventoryOf(d.report, matcher);
    return {
      deviceId: d.deviceId,
      hostname: d.hostname,
      os: d.os,
      user: d.user,
      collectorVersion: d.collectorVersion,
      reports: d.reports,
      firstReportAt: d.firstReportAt,
      lastReportAt: d.lastReportAt,
      tools: [...new Set(items.flatMap((i) => (i.toolId ? [i.toolId] : [])))].sort(),
      items,
      mcpServers: d.report.mcpServers,
    };
  }

  private toolMatcher(): EndpointToolMatcher {
    const m = this.catalog.matcher();
    const names = new Map(this.catalog.tools().map((t) => [t.id, t.name]));
    return {
      toolName: (id) => names.get(id),
      matchIdeExtension: (id) => m.matchIdeExtension(id),
      matchBrowserExtension: (id) => m.matchBrowserExtension(id),
      matchPackage: (eco, name) => m.matchPackage(eco, name),
      hasTool: (id) => this.catalog.has(id),
    };
  }
}
