import { answerValues, type Answer, type Answers, type QuestionDefinition } from '../survey.types';
import type { AnswerError } from './answer-validation';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

/** The accessible, script-free page shell every link-reached form uses. */
export function formPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface SurveyFormView {
  title: string;
  description?: string | null;
  privacyStatement: string;
  questions: QuestionDefinition[];
  answers: Answers;
  errors: AnswerError[];
  /** form action (the link the respondent opened, or the resume link) */
  action: string;
  notice?: string;
}

export function renderSurveyForm(view: SurveyFormView): string {
  const errorSummary = view.errors.length
    ? `<div class="errors" role="alert" aria-labelledby="error-title"><h2 id="error-title">Please check ${view.errors.length === 1 ? 'one answer' : `${view.errors.length} answers`}</h2><ul>${view.errors
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
        view.errors.find((e) => e.key === q.key),
      ),
    )
    .join('');
  const body = `<h1>${escapeHtml(view.title)}</h1>${view.description ? `<p>${escapeHtml(view.description)}</p>` : ''}
<p class="privacy" id="privacy"><strong>Privacy:</strong> ${escapeHtml(view.privacyStatement)}</p>${errorSummary}${notice}
<form method="post" action="${escapeHtml(view.action)}" novalidate>${questions}
<button type="submit" name="action" value="submit">Submit answers</button>
<button type="submit" name="action" value="save" class="secondary">Save and finish later</button></form>`;
  return formPage(view.title, body);
}

function renderQuestion(
  q: QuestionDefinition,
  answer: Answer | undefined,
  error?: AnswerError,
): string {
  const id = `q_${q.key}`;
  const name = escapeHtml(id);
  const required = q.required
    ? ' <span aria-hidden="true">*</span><span class="visually-hidden"> (required)</span>'
    : '';
  const helpId = `${id}_help`;
  const errorId = `${id}_error`;
  const help = q.help ? `<p class="help" id="${escapeHtml(helpId)}">${escapeHtml(q.help)}</p>` : '';
  const errorText = error
    ? `<p class="error" id="${escapeHtml(errorId)}">${escapeHtml(error.message)}</p>`
    : '';
  const describedBy = [q.help ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const aria = `${describedBy ? ` aria-describedby="${escapeHtml(describedBy)}"` : ''}${error ? ' aria-invalid="true"' : ''}`;
  const chosen = new Set(answerValues(answer));

  if (q.kind === 'text') {
    return `<div class="question"><label class="block" for="${name}">${escapeHtml(q.text)}${required}</label>${help}${errorText}<textarea id="${name}" name="${name}"${q.required ? ' required' : ''}${aria}>${escapeHtml(typeof answer === 'string' ? answer : '')}</textarea></div>`;
  }
  let inputs: string;
  let type: 'radio' | 'checkbox';
  if (q.kind === 'scale') {
    const scale = q.scale ?? { min: 1, max: 5 };
    type = 'radio';
    const values: { value: string; label: string }[] = [];
    for (let n = scale.min; n <= scale.max; n++) {
      const suffix =
        n === scale.min && scale.minLabel
          ? ` (${scale.minLabel})`
          : n === scale.max && scale.maxLabel
            ? ` (${scale.maxLabel})`
            : '';
      values.push({ value: String(n), label: `${n}${suffix}` });
    }
    inputs = options(name, type, values, chosen);
  } else {
    type = q.kind === 'single' || (q.kind === 'tool-picker' && !q.multiple) ? 'radio' : 'checkbox';
    inputs = options(name, type, q.options ?? [], chosen);
  }
  // The first input carries the anchor the error summary links to.
  inputs = inputs.replace(`id="${name}_0"`, `id="${name}_0"${aria}`);
  return `<fieldset id="${name}"><legend>${escapeHtml(q.text)}${required}</legend>${help}${errorText}${inputs}</fieldset>`;
}

function options(
  name: string,
  type: 'radio' | 'checkbox',
  list: { value: string; label: string }[],
  chosen: Set<string>,
): string {
  return list
    .map((o, i) => {
      const id = `${name}_${i}`;
      return `<label class="option" for="${id}"><input type="${type}" id="${id}" name="${name}" value="${escapeHtml(o.value)}"${chosen.has(o.value) ? ' checked' : ''}> ${escapeHtml(o.label)}</label>`;
    })
    .join('');
}

export function renderMessagePage(title: string, message: string, extra = ''): string {
  return formPage(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extra}`);
}
