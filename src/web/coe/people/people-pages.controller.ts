import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { PeopleAdminService } from '../../../people/people-admin.service';
import { ConsolePage } from '../../console/console.decorators';
import { CONSOLE_ROLES } from '../../console/nav';
import { page, redirectTo, SignedIn } from '../../console/page';
import type { ConsoleSessionContext } from '../../session/console-session.service';
import type { CoeFieldError, CoeFormBody } from '../coe-form';
import { identityQueueView, parseLinkForm, personLabel } from './identity-queue.view';

/** /people: the identities no rule resolved, each to link to a person by hand (audited). */
@Controller('people')
export class PeoplePagesController {
  constructor(private readonly admin: PeopleAdminService) {}

  @Get()
  @ConsolePage(...CONSOLE_ROLES.people)
  async queue(@Query('q') q: string | undefined, @SignedIn() session: ConsoleSessionContext) {
    return this.queuePage(typeof q === 'string' ? q.trim().slice(0, 200) : '', session);
  }

  @Post('links')
  @ConsolePage(...CONSOLE_ROLES.people)
  async link(@Body() body: CoeFormBody, @SignedIn() session: ConsoleSessionContext) {
    const { link, errors } = parseLinkForm(body);
    if (!link) return this.queuePage('', session, errors, 400);
    await this.admin.link(link.personId, link.kind, link.value, session.actor);
    return redirectTo(
      '/people',
      `${link.value} is now linked; evidence under it counts for that person from the next correlation.`,
    );
  }

  private async queuePage(
    q: string,
    session: ConsoleSessionContext,
    errors: CoeFieldError[] = [],
    status?: number,
  ) {
    const rows = await this.admin.unresolved(session.actor);
    const candidateIds = [...new Set(rows.flatMap((r) => r.candidates))];
    const [contacts, found] = await Promise.all([
      this.admin.contacts(candidateIds, session.actor),
      q.length >= 2 ? this.admin.search(q, session.actor) : Promise.resolve([]),
    ]);
    const matches = found.map((p) => ({ id: p.id, label: personLabel(p) }));
    return page(
      'coe/people/identity-queue',
      'People',
      {
        q,
        searched: q.length >= 2,
        matches,
        rows: identityQueueView(rows, contacts),
        errors,
      },
      status,
    );
  }
}
