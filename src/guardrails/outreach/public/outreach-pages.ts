import { DATA_CLASSES } from '../../../catalog/catalog.types';
import { escapeHtml, formPage } from '../../../surveys/form/form.renderer';
import type { ToolRequestDecision } from '../outreach.types';
import { DATA_CLASS_LABELS, type FieldError } from './outreach-forms';

function errorSummary(errors: FieldError[]): string {
  if (!errors.length) return '';
  return `<div class="errors" role="alert" aria-labelledby="error-title"><h2 id="error-title">Please check the form</h2><ul>${errors
    .map((e) => `<li><a href="#${escapeHtml(e.field)}">${escapeHtml(e.message)}</a></li>`)
    .join('')}</ul></div>`;
}

const submit = (label: string) => `<p><button type="submit">${escapeHtml(label)}</button></p>`;

export interface ClarificationView {
  tool: string;
  action: string;
  errors?: FieldError[];
}

/** One question, two parts: does the person use the tool for work, and with which data. */
export function renderClarificationForm(v: ClarificationView): string {
  const tool = escapeHtml(v.tool);
  const classes = DATA_CLASSES.map(
    (c) =>
      `<label class="option" for="dc_${c}"><input type="checkbox" id="dc_${c}" name="dataClasses" value="${c}"> ${escapeHtml(DATA_CLASS_LABELS[c])}</label>`,
  ).join('');
  const body = [
    `<h1>A quick question about ${tool}</h1>`,
    errorSummary(v.errors ?? []),
    `<p class="privacy">Your answer goes to the AI Centre of Excellence and security. It corrects our records, and reports to leaders show only totals of groups of people, never you.</p>`,
    `<form method="post" action="${escapeHtml(v.action)}">`,
    `<fieldset id="uses"><legend>Do you use ${tool} for work?</legend>`,
    `<label class="option" for="uses_yes"><input type="radio" id="uses_yes" name="uses" value="yes" required> Yes</label>`,
    `<label class="option" for="uses_no"><input type="radio" id="uses_no" name="uses" value="no"> No</label></fieldset>`,
    `<fieldset id="dataClasses"><legend>With which kinds of data?</legend><p class="help" id="dc_help">Only if you answered yes. Tick every kind you have put into ${tool}.</p>${classes}</fieldset>`,
    `<p><label class="block" for="note">Anything to add (optional)</label><textarea id="note" name="note" maxlength="2000"></textarea></p>`,
    submit('Send my answer'),
    `</form>`,
  ].join('');
  return formPage(`Do you use ${v.tool} for work?`, body);
}

export interface AcknowledgementView {
  tool: string;
  aupTitle: string;
  aupVersion: string;
  aupUrl: string | null;
  aupSummary: string | null;
  action: string;
}

export function renderAcknowledgementForm(v: AcknowledgementView): string {
  const link = v.aupUrl
    ? `<p><a href="${escapeHtml(v.aupUrl)}">Read the acceptable-use policy</a></p>`
    : '';
  const summary = v.aupSummary ? `<p>${escapeHtml(v.aupSummary)}</p>` : '';
  const body = [
    `<h1>${escapeHtml(v.aupTitle)}</h1>`,
    `<p>Version ${escapeHtml(v.aupVersion)}. You received this after our records showed use of ${escapeHtml(v.tool)}.</p>`,
    summary,
    link,
    `<form method="post" action="${escapeHtml(v.action)}">`,
    `<p><label class="option" for="confirm"><input type="checkbox" id="confirm" name="confirm" value="yes" required> I have read the acceptable-use policy, version ${escapeHtml(v.aupVersion)}</label></p>`,
    submit('Confirm'),
    `</form>`,
  ].join('');
  return formPage(v.aupTitle, body);
}

export interface ToolRequestFormView {
  tool: string;
  action: string;
  errors?: FieldError[];
}

export function renderToolRequestForm(v: ToolRequestFormView): string {
  const tool = escapeHtml(v.tool);
  const body = [
    `<h1>Ask for a review of ${tool}</h1>`,
    errorSummary(v.errors ?? []),
    `<p>The AI Centre of Excellence reviews the tool and decides whether, and for which data, it can be used. You will see the discussion and the decision on a page of your own.</p>`,
    `<form method="post" action="${escapeHtml(v.action)}">`,
    `<p><label class="block" for="reason">What do you need ${tool} for?</label><textarea id="reason" name="reason" required minlength="10" maxlength="2000"></textarea></p>`,
    `<p><label class="option" for="forTeam"><input type="checkbox" id="forTeam" name="forTeam" value="yes"> I ask for my team, not only for me</label></p>`,
    `<p><label class="block" for="email">E-mail for the decision (optional)</label><span class="help" id="email_help">Leave empty to use the address we have for you.</span><br><input type="email" id="email" name="email" aria-describedby="email_help" autocomplete="email"></p>`,
    submit('Send the request'),
    `</form>`,
  ].join('');
  return formPage(`Ask for a review of ${v.tool}`, body);
}

export interface ToolRequestStatusView {
  tool: string;
  status: string;
  reason: string;
  decision: ToolRequestDecision | null;
  comments: { author: string; at: Date; body: string }[];
  /** where the requester adds to the discussion; absent once decided */
  action: string | null;
  notice?: string;
}

const DECISION_WORDS: Record<string, string> = {
  sanctioned: 'approved',
  tolerated: 'tolerated',
  'under-review': 'kept under review',
  prohibited: 'not allowed',
  unreviewed: 'left unreviewed',
};

export function renderToolRequestStatus(v: ToolRequestStatusView): string {
  const tool = escapeHtml(v.tool);
  const decided = v.decision
    ? `<p class="notice" role="status">Decision: ${tool} is ${escapeHtml(DECISION_WORDS[v.decision.status] ?? v.decision.status)}${
        v.decision.dataClasses.length
          ? ` for ${escapeHtml(v.decision.dataClasses.join(', '))} data`
          : ''
      }.${v.decision.note ? ` ${escapeHtml(v.decision.note)}` : ''}</p>`
    : `<p>Status: ${escapeHtml(v.status === 'open' ? 'waiting for the CoE' : v.status)}.</p>`;
  const comments = v.comments.length
    ? `<h2>Discussion</h2><ol>${v.comments
        .map(
          (c) =>
            `<li><strong>${escapeHtml(c.author)}</strong>, ${c.at.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${escapeHtml(c.body)}</li>`,
        )
        .join('')}</ol>`
    : '';
  const form = v.action
    ? `<form method="post" action="${escapeHtml(v.action)}"><p><label class="block" for="comment">Add to the discussion</label><textarea id="comment" name="comment" required maxlength="2000"></textarea></p>${submit('Send')}</form>`
    : '';
  const notice = v.notice ? `<p class="notice" role="status">${escapeHtml(v.notice)}</p>` : '';
  const body = `<h1>Your request to review ${tool}</h1>${notice}${decided}<p>Your reason: ${escapeHtml(v.reason)}</p>${comments}${form}`;
  return formPage(`Your request to review ${v.tool}`, body);
}
