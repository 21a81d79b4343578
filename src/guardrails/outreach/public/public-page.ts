import { renderMessagePage } from '../../../surveys/form/form.renderer';
import type { LinkState } from '../outreach.types';

/** What a public outreach route answers: a page, a message page, or a redirect. */
export interface PublicPage {
  status: number;
  html?: string;
  /** a short message page in place of html */
  title?: string;
  message?: string;
  redirect?: string;
}

/** A link that cannot be used: never found (404), or used or run out (410). */
export function usedLinkPage(state: LinkState): PublicPage {
  switch (state) {
    // 'ok' with no row cannot happen; answered as not found
    case 'ok':
    case 'unknown':
      return {
        status: 404,
        title: 'Link not found',
        message: 'This link is not known. Check that it was copied whole.',
      };
    case 'used':
      return {
        status: 410,
        title: 'Link already used',
        message: 'This link has already been used: it works only once. Thank you.',
      };
    case 'expired':
      return {
        status: 410,
        title: 'Link expired',
        message: 'This link has expired. Ask the AI Centre of Excellence for a new one.',
      };
  }
}

export function pageHtml(p: PublicPage): string {
  return p.html ?? renderMessagePage(p.title ?? '', p.message ?? '');
}
