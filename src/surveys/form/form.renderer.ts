import type { Answer, Answers, QuestionDefinition } from '../survey.types';
import type { AnswerError } from './answer-validation';
import { KIND_FORMS } from './kinds/kind-forms';
import type { QuestionChrome } from './kinds/kind-form';
import { escapeHtml } from './kinds/markup';
import {
  LANGUAGE_NAMES,
  say as sayIn,
  type FormMessageKey,
  type MessageParams,
} from '../i18n/form-strings';
import { FORM_LANGUAGES, type FormLanguage } from '../i18n/languages';

export { escapeHtml };

// Dark text on white (contrast well above 4.5:1), a visible focus ring, no script.
const STYLE = `
body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:46rem;margin:0 auto;padding:1rem;line-height:1.5}
h1{font-size:1.6rem}fieldset{border:1px solid #6b6b6b;border-radius:4px;margin:0 0 1.2rem;padding:.8rem 1rem}
legend,label.block{font-weight:600}.help{color:#3d3d3d;font-size:.95rem;margin:.2rem 0 .5rem}
.option{display:block;margin:.25rem 0}input,textarea,button{font:inherit}
textarea{width:100%;min-height:5rem;border:1px solid #6b6b6b}
input:focus,textarea:focus,button:focus{outline:3px solid #1d4ed8;outline-offset:2px}
.privacy{background:#eef2ff;border-left:4px solid #1d4ed8;padding:.6rem .9rem}
.errors{border:2px solid #b91c1c;padding:.6rem .9rem}.error{color:#b91c1c;font-weight:600}
.notice{background:#ecfdf5;border-left:4px solid #047857;padding:.6rem .9rem}
button{background:#1d4ed8;color:#fff;border:0;border-radius:4px;padding:.55rem 1.1rem;margin-right:.6rem;cursor:pointer}
button.secondary{background:#374151}
.scale .option{display:inline-block;margin-right:1rem}.matrix-row{border:0;border-top:1px solid #d1d5db;margin:0;padding:.4rem 0}
.matrix-row legend{font-weight:500}.matrix-row .option{display:inline-block;margin-right:1rem}
.rank{margin:.3rem 0}select,input[type=text]{font:inherit;border:1px solid #6b6b6b;padding:.2rem}
select:focus,input:focus{outline:3px solid #1d4ed8;outline-offset:2px}.progress{color:#3d3d3d}
.required{color:#3d3d3d;font-weight:400;font-size:.95rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

/** The accessible, script-free page shell every link-reached form uses. */
export function formPage(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface SurveyFormView {
  title: string;
  description?: string | null;
  privacyStatement: string;
  /** the questions shown on this page */
  questions: QuestionDefinition[];
  answers: Answers;
  errors: AnswerError[];
  /** form action (the link the respondent opened, or the resume link) */
  action: string;
  notice?: string;
  /** a survey of several pages (sections): where the respondent is */
  page?: PageView;
  /** the respondent's language and the form's words in it (English when absent) */
  lang?: FormLanguage;
}

export interface PageView {
  index: number;
  count: number;
  title?: string;
  back: boolean;
  /** false on the last page that applies: it submits */
  next: boolean;
  /** answers of other pages, carried as hidden fields since the form has no script */
  carried: [string, string][];
}

/** The form's address with its language, so a post answers in the language it was shown in. */
function withLang(action: string, lang: FormLanguage): string {
  return `${action.split('?')[0]}?lang=${lang}`;
}

export function renderSurveyForm(view: SurveyFormView): string {
  const lang = view.lang ?? 'en';
  const say = (key: FormMessageKey, params?: MessageParams) => sayIn(lang, key, params);
  const checkAnswers =
    view.errors.length === 1
      ? say('form.checkOne')
      : say('form.checkMany', { n: view.errors.length });
  const errorSummary = view.errors.length
    ? `<div class="errors" role="alert" aria-labelledby="error-title"><h2 id="error-title">${escapeHtml(checkAnswers)}</h2><ul>${view.errors
        .map((e) => `<li><a href="#q_${escapeHtml(e.key)}">${escapeHtml(e.message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const notice = view.notice
    ? `<p class="notice" role="status">${escapeHtml(view.notice)}</p>`
    : '';
  const questions = view.questions
    .map((q) =>
      renderQuestion(
        q,
        view.answers[q.key],
        say,
        view.errors.find((e) => e.key === q.key),
      ),
    )
    .join('');
  const page = view.page;
  const heading = page
    ? `${page.count > 1 ? `<p class="progress">${escapeHtml(say('form.page', { page: page.index + 1, count: page.count }))}</p>` : ''}${page.title ? `<h2>${escapeHtml(page.title)}</h2>` : ''}`
    : '';
  // The language rides in the form too, so a post keeps it even where the address loses it.
  const state = [
    ['lang', lang],
    ...(page
      ? [
          ['page', String(page.index)],
          ['shown', view.questions.map((q) => q.key).join(' ')],
          ...page.carried,
        ]
      : []),
  ]
    .map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`)
    .join('');
  const buttons = [
    page?.back
      ? `<button type="submit" name="action" value="back" class="secondary">${escapeHtml(say('form.back'))}</button>`
      : '',
    page?.next
      ? `<button type="submit" name="action" value="next">${escapeHtml(say('form.next'))}</button>`
      : `<button type="submit" name="action" value="submit">${escapeHtml(say('form.submit'))}</button>`,
    `<button type="submit" name="action" value="save" class="secondary">${escapeHtml(say('form.save'))}</button>`,
  ].join('\n');
  const languages = `<nav class="progress" aria-label="${escapeHtml(say('form.language'))}">${FORM_LANGUAGES.map(
    (l) =>
      l === lang
        ? `<strong>${LANGUAGE_NAMES[l]}</strong>`
        : `<a href="${escapeHtml(withLang(view.action, l))}" hreflang="${l}" lang="${l}">${LANGUAGE_NAMES[l]}</a>`,
  ).join(' · ')}</nav>`;
  const body = `<h1>${escapeHtml(view.title)}</h1>${view.description ? `<p>${escapeHtml(view.description)}</p>` : ''}
<p class="privacy" id="privacy"><strong>${escapeHtml(say('form.privacy'))}</strong> ${escapeHtml(view.privacyStatement)}</p>${errorSummary}${notice}${heading}
<form method="post" action="${escapeHtml(withLang(view.action, lang))}" novalidate>${state}${questions}
${buttons}</form>${languages}`;
  return formPage(view.title, body, lang);
}

function renderQuestion(
  q: QuestionDefinition,
  answer: Answer | undefined,
  say: QuestionChrome['say'],
  error?: AnswerError,
) {
  const id = `q_${q.key}`;
  const helpId = `${id}_help`;
  const errorId = `${id}_error`;
  const describedBy = [q.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const chrome: QuestionChrome = {
    id,
    required: q.required
      ? ` <span class="required">${escapeHtml(say('form.required'))}</span>`
      : '',
    help: q.help ? `<p class="help" id="${escapeHtml(helpId)}">${escapeHtml(q.help)}</p>` : '',
    errorText: error
      ? `<p class="error" id="${escapeHtml(errorId)}">${escapeHtml(error.message)}</p>`
      : '',
    aria: `${describedBy ? ` aria-describedby="${escapeHtml(describedBy)}"` : ''}${error ? ' aria-invalid="true"' : ''}`,
    say,
  };
  return KIND_FORMS[q.kind].render(q, answer, chrome);
}

export function renderMessagePage(
  title: string,
  message: string,
  extra = '',
  lang: FormLanguage = 'en',
): string {
  return formPage(
    title,
    `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}`,
    lang,
  );
}
