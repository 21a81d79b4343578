import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { AupAcknowledgementEntity } from './entities/aup-acknowledgement.entity';
import { AupVersionEntity } from './entities/aup-version.entity';
import { ClarificationRequestEntity } from './entities/clarification-request.entity';
import { NudgeTemplateEntity } from './entities/nudge-template.entity';
import { NudgeEntity } from './entities/nudge.entity';
import { ToolRequestCommentEntity } from './entities/tool-request-comment.entity';
import { ToolRequestEntity } from './entities/tool-request.entity';
import { returnedRows as returned } from '../../findings/returned-rows';
import type { ToolRequestDecision, ToolRequestStatus } from './outreach.types';

/** The outreach tables: clarifications, the policy's versions, nudges, tool requests. */
@Injectable()
export class OutreachRepository {
  constructor(
    @InjectRepository(ClarificationRequestEntity)
    readonly clarifications: Repository<ClarificationRequestEntity>,
    @InjectRepository(AupVersionEntity) readonly aupVersions: Repository<AupVersionEntity>,
    @InjectRepository(NudgeTemplateEntity) readonly templates: Repository<NudgeTemplateEntity>,
    @InjectRepository(NudgeEntity) readonly nudges: Repository<NudgeEntity>,
    @InjectRepository(AupAcknowledgementEntity)
    readonly acknowledgements: Repository<AupAcknowledgementEntity>,
    @InjectRepository(ToolRequestEntity) readonly requests: Repository<ToolRequestEntity>,
    @InjectRepository(ToolRequestCommentEntity)
    readonly comments: Repository<ToolRequestCommentEntity>,
    private readonly ds: DataSource,
  ) {}

  // --- clarifications

  insertClarifications(
    rows: Pick<
      ClarificationRequestEntity,
      'findingId' | 'personId' | 'toolId' | 'askedBy' | 'askedByRole'
    >[],
  ): Promise<ClarificationRequestEntity[]> {
    return this.clarifications.save(rows.map((r) => this.clarifications.create(r)));
  }

  clarificationsById(ids: string[]): Promise<ClarificationRequestEntity[]> {
    return this.clarifications.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  /** A new link for a request not yet answered; false when it was answered meanwhile. */
  async setClarificationToken(id: string, hash: string, expiresAt: Date): Promise<boolean> {
    const r = await this.clarifications.update(
      { id, answeredAt: IsNull() },
      { tokenHash: hash, expiresAt },
    );
    return (r.affected ?? 0) > 0;
  }

  clarificationByToken(hash: string): Promise<ClarificationRequestEntity | null> {
    return this.clarifications.findOne({ where: { tokenHash: hash } });
  }

  /** Claims the link: only the first answer is written. */
  async answerClarification(
    id: string,
    a: { uses: boolean; dataClasses: string[]; note: string | null; at: Date },
  ): Promise<boolean> {
    const rows = returned<{ id: string }>(
      await this.ds.query(
        `UPDATE clarification_request SET answered_at = $2, uses = $3, data_classes = $4, note = $5
          WHERE id = $1 AND answered_at IS NULL RETURNING id`,
        [id, a.at.toISOString(), a.uses, a.dataClasses, a.note],
      ),
    );
    return rows.length > 0;
  }

  async markLeadClosed(id: string): Promise<void> {
    await this.clarifications.update({ id }, { closedLead: true });
  }

  listClarifications(filter: { findingId?: string; limit: number; offset: number }) {
    return this.clarifications.find({
      where: filter.findingId ? { findingId: filter.findingId } : {},
      order: { createdAt: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  clarificationAnswers(): Promise<
    { toolId: string; answered: boolean; uses: boolean | null; dataClasses: string[] }[]
  > {
    return this.ds.query(
      `SELECT tool_id AS "toolId", answered_at IS NOT NULL AS answered, uses,
              data_classes AS "dataClasses"
         FROM clarification_request ORDER BY tool_id, id`,
    );
  }

  // --- acceptable-use policy

  latestAup(): Promise<AupVersionEntity | null> {
    return this.aupVersions.findOne({ where: {}, order: { publishedAt: 'DESC', version: 'DESC' } });
  }

  aupVersion(version: string): Promise<AupVersionEntity | null> {
    return this.aupVersions.findOne({ where: { version } });
  }

  listAup(): Promise<AupVersionEntity[]> {
    return this.aupVersions.find({ order: { publishedAt: 'DESC' } });
  }

  saveAup(row: AupVersionEntity): Promise<AupVersionEntity> {
    return this.aupVersions.save(row);
  }

  // --- nudge templates

  listTemplates(): Promise<NudgeTemplateEntity[]> {
    return this.templates.find({ order: { toolKey: 'ASC' } });
  }

  template(toolKey: string): Promise<NudgeTemplateEntity | null> {
    return this.templates.findOne({ where: { toolKey } });
  }

  saveTemplate(row: NudgeTemplateEntity): Promise<NudgeTemplateEntity> {
    return this.templates.save(row);
  }

  async deleteTemplate(toolKey: string): Promise<boolean> {
    return ((await this.templates.delete({ toolKey })).affected ?? 0) > 0;
  }

  // --- nudges and acknowledgements

  insertNudges(
    rows: Pick<NudgeEntity, 'personId' | 'toolId' | 'aupVersion' | 'subject' | 'body' | 'sentBy'>[],
  ): Promise<NudgeEntity[]> {
    return this.nudges.save(rows.map((r) => this.nudges.create(r)));
  }

  nudgesById(ids: string[]): Promise<NudgeEntity[]> {
    return this.nudges.find({ where: { id: In(ids) }, order: { createdAt: 'ASC' } });
  }

  async setNudgeTokens(id: string, ack: string, request: string, expiresAt: Date): Promise<void> {
    await this.nudges.update({ id }, { ackTokenHash: ack, requestTokenHash: request, expiresAt });
  }

  nudgeByAckToken(hash: string): Promise<NudgeEntity | null> {
    return this.nudges.findOne({ where: { ackTokenHash: hash } });
  }

  nudgeByRequestToken(hash: string): Promise<NudgeEntity | null> {
    return this.nudges.findOne({ where: { requestTokenHash: hash } });
  }

  /** Marks the nudge acknowledged and records the acknowledgement; false if already used. */
  async acknowledge(nudge: NudgeEntity, at: Date): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const claimed = returned<{ id: string }>(
        await m.query(
          `UPDATE nudge SET acknowledged_at = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id`,
          [nudge.id, at.toISOString()],
        ),
      );
      if (claimed.length === 0) return false;
      if (nudge.personId)
        await m.query(
          `INSERT INTO aup_acknowledgement (person_id, aup_version, acknowledged_at, nudge_id)
           VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, aup_version) DO NOTHING`,
          [nudge.personId, nudge.aupVersion, at.toISOString(), nudge.id],
        );
      return true;
    });
  }

  async claimRequestLink(nudgeId: string, at: Date): Promise<boolean> {
    const rows = returned<{ id: string }>(
      await this.ds.query(
        `UPDATE nudge SET request_used_at = $2 WHERE id = $1 AND request_used_at IS NULL RETURNING id`,
        [nudgeId, at.toISOString()],
      ),
    );
    return rows.length > 0;
  }

  /** Each person asked to acknowledge the version, and whether they did. */
  askedFor(version: string): Promise<{ personId: string; acknowledged: boolean }[]> {
    return this.ds.query(
      `SELECT n.person_id AS "personId", bool_or(a.person_id IS NOT NULL) AS acknowledged
         FROM nudge n
         LEFT JOIN aup_acknowledgement a ON a.person_id = n.person_id AND a.aup_version = n.aup_version
        WHERE n.aup_version = $1 AND n.person_id IS NOT NULL
        GROUP BY n.person_id ORDER BY n.person_id`,
      [version],
    );
  }

  listNudges(filter: { toolId?: string; limit: number; offset: number }) {
    return this.nudges.find({
      where: filter.toolId ? { toolId: filter.toolId } : {},
      order: { createdAt: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  // --- tool requests

  insertRequest(
    row: Pick<
      ToolRequestEntity,
      'toolId' | 'personId' | 'team' | 'contactEmail' | 'reason' | 'nudgeId' | 'createdBy'
    > & { statusTokenHash: string },
  ): Promise<ToolRequestEntity> {
    return this.requests.save(this.requests.create(row));
  }

  request(id: string): Promise<ToolRequestEntity | null> {
    return this.requests.findOne({ where: { id } });
  }

  requestByStatusToken(hash: string): Promise<ToolRequestEntity | null> {
    return this.requests.findOne({ where: { statusTokenHash: hash } });
  }

  listRequests(filter: { status?: ToolRequestStatus; limit: number; offset: number }) {
    return this.requests.findAndCount({
      where: filter.status ? { status: filter.status } : {},
      order: { createdAt: 'ASC' },
      take: filter.limit,
      skip: filter.offset,
    });
  }

  /** The decision, once: false when the request was no longer open. */
  async decide(
    id: string,
    d: { decision: ToolRequestDecision; by: string; at: Date },
  ): Promise<boolean> {
    const r = await this.requests.update(
      { id, status: 'open' },
      { status: 'decided', decision: d.decision, decidedBy: d.by, decidedAt: d.at },
    );
    return (r.affected ?? 0) > 0;
  }

  async setNotified(id: string, how: string): Promise<void> {
    await this.requests.update({ id }, { notified: how });
  }

  addComment(row: Omit<ToolRequestCommentEntity, 'id'>): Promise<ToolRequestCommentEntity> {
    return this.comments.save(this.comments.create(row));
  }

  commentsOf(requestId: string): Promise<ToolRequestCommentEntity[]> {
    return this.comments.find({ where: { requestId }, order: { at: 'ASC', id: 'ASC' } });
  }

  // --- one person's records

  async ofPerson(personId: string) {
    const [clarifications, nudges, acknowledgements, requests] = await Promise.all([
      this.clarifications.find({ where: { personId }, order: { createdAt: 'ASC' } }),
      this.nudges.find({ where: { personId }, order: { createdAt: 'ASC' } }),
      this.acknowledgements.find({ where: { personId }, order: { acknowledgedAt: 'ASC' } }),
      this.requests.find({ where: { personId }, order: { createdAt: 'ASC' } }),
    ]);
    const comments = requests.length
      ? await this.comments.find({
          where: { requestId: In(requests.map((r) => r.id)), byRequester: true },
          order: { at: 'ASC' },
        })
      : [];
    return { clarifications, nudges, acknowledgements, requests, comments };
  }

  /**
   * Erases a person: their acknowledgements and nudges go; clarification answers and tool
   * requests lose the link to them (the counts and the policy decisions they led to remain),
   * with the free text they wrote removed.
   */
  async erasePerson(personId: string): Promise<Record<string, number>> {
    return this.ds.transaction(async (m) => {
      const count = (r: unknown) => returned<unknown>(r).length;
      const acknowledgements = count(
        await m.query(`DELETE FROM aup_acknowledgement WHERE person_id = $1 RETURNING person_id`, [
          personId,
        ]),
      );
      const nudges = count(
        await m.query(`DELETE FROM nudge WHERE person_id = $1 RETURNING id`, [personId]),
      );
      const clarifications = count(
        await m.query(
          `UPDATE clarification_request SET person_id = NULL, note = NULL, token_hash = NULL
            WHERE person_id = $1 RETURNING id`,
          [personId],
        ),
      );
      const ids: { id: string }[] = await m.query(
        `SELECT id FROM tool_request WHERE person_id = $1`,
        [personId],
      );
      const requestComments = count(
        await m.query(
          `DELETE FROM tool_request_comment WHERE by_requester AND request_id = ANY($1::uuid[]) RETURNING id`,
          [ids.map((r) => r.id)],
        ),
      );
      const toolRequests = count(
        await m.query(
          `UPDATE tool_request SET person_id = NULL, contact_email = NULL, status_token_hash = NULL,
                  reason = '(erased at the requester''s request)'
            WHERE person_id = $1 RETURNING id`,
          [personId],
        ),
      );
      return { acknowledgements, nudges, clarifications, toolRequests, requestComments };
    });
  }
}
