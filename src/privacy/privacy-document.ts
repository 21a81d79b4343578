import Handlebars from 'handlebars';

/** A plain document (headings, paragraphs, lists, tables) rendered as accessible HTML or Markdown. */
export interface PrivacyDocument {
  title: string;
  intro: string[];
  sections: PrivacyDocumentSection[];
}

export interface PrivacyDocumentSection {
  heading: string;
  paragraphs?: string[];
  items?: string[];
  table?: { caption: string; header: string[]; rows: string[][] };
}

// Dark text on white (contrast above 4.5:1), no script; the same look as the survey forms.
const STYLE = `
body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:52rem;margin:0 auto;padding:1rem;line-height:1.5}
h1{font-size:1.7rem}h2{font-size:1.25rem;margin-top:1.8rem;border-bottom:1px solid #6b6b6b}
table{border-collapse:collapse;width:100%;margin:.6rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #6b6b6b;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eef2ff}
a{color:#1d4ed8}a:focus{outline:3px solid #1d4ed8;outline-offset:2px}
footer{margin-top:2rem;color:#3d3d3d;font-size:.95rem}`;

const TEMPLATE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{doc.title}}</title><style>{{{style}}}</style></head>
<body><main>
<h1>{{doc.title}}</h1>
{{#each doc.intro}}<p>{{this}}</p>
{{/each}}
{{#each doc.sections}}<section aria-labelledby="s{{@index}}"><h2 id="s{{@index}}">{{heading}}</h2>
{{#each paragraphs}}<p>{{this}}</p>
{{/each}}
{{#if items}}<ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>
{{/if}}
{{#if table}}<table><caption>{{table.caption}}</caption>
<thead><tr>{{#each table.header}}<th scope="col">{{this}}</th>{{/each}}</tr></thead>
<tbody>{{#each table.rows}}<tr>{{#each this}}{{#if @first}}<th scope="row">{{this}}</th>{{else}}<td>{{this}}</td>{{/if}}{{/each}}</tr>
{{/each}}</tbody></table>
{{/if}}
</section>
{{/each}}
{{#if footer}}<footer>{{#each footer}}<p>{{{this}}}</p>{{/each}}</footer>{{/if}}
</main>{{#if readyFlag}}<script>window.__reportReady = true;</script>{{/if}}</body></html>
`;

const hb = Handlebars.create();
const compiled = hb.compile<{
  doc: PrivacyDocument;
  style: string;
  footer?: string[];
  readyFlag: boolean;
}>(TEMPLATE, { strict: false });

/**
 * The document as one self-contained HTML page (every value escaped). `footerHtml` holds trusted
 * markup only (fixed links); `forPdf` adds the flag the PDF printer waits for.
 */
export function renderDocumentHtml(
  doc: PrivacyDocument,
  opts: { footerHtml?: string[]; forPdf?: boolean } = {},
): string {
  return compiled({ doc, style: STYLE, footer: opts.footerHtml, readyFlag: !!opts.forPdf });
}

/** The document as Markdown; table cells escape their pipes, text keeps its own words. */
export function renderDocumentMarkdown(doc: PrivacyDocument): string {
  const out: string[] = [`# ${oneLine(doc.title)}`, ''];
  for (const p of doc.intro) out.push(oneLine(p), '');
  for (const s of doc.sections) {
    out.push(`## ${oneLine(s.heading)}`, '');
    for (const p of s.paragraphs ?? []) out.push(oneLine(p), '');
    if (s.items?.length) out.push(...s.items.map((i) => `- ${oneLine(i)}`), '');
    if (s.table) {
      const cell = (c: string) => oneLine(c).replace(/\|/g, '\\|') || ' ';
      out.push(
        `| ${s.table.header.map(cell).join(' | ')} |`,
        `| ${s.table.header.map(() => '---').join(' | ')} |`,
        ...s.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
        '',
      );
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
