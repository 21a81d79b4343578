import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig } from '../../config/app-config';
import { navFor } from '../console/nav';
import type { ConsolePageResult, ConsoleRequest } from '../console/page';
import { ConsoleSessionService } from '../session/console-session.service';
import { loadConsoleAssets, type ConsoleAsset } from './console-assets';
import { registerConsoleHelpers } from './console-helpers';

/** src/web (dist/src/web once built): templates are named by their path under it. */
const WEB_ROOT = path.join(__dirname, '..');

/** Handlebars templates of the console, each inside the one layout. */
@Injectable()
export class ConsoleRenderer {
  readonly assets: Map<string, ConsoleAsset> = loadConsoleAssets();
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: ConsoleSessionService,
  ) {
    registerConsoleHelpers(this.hb, this.assets);
    for (const [name, text] of readPartials(WEB_ROOT)) this.hb.registerPartial(name, text);
  }

  /** The page's HTML: its template rendered, then wrapped in the layout (header, nav, flash). */
  async render(req: ConsoleRequest, result: ConsolePageResult): Promise<string> {
    const session = req.consoleSession;
    const flash = session?.flash ?? null;
    if (session) await this.sessions.clearFlash(session);
    const context = {
      ...result.data,
      title: result.title,
      organisation: this.config.organisationName,
      signedIn: session ? { name: session.actor.name, role: session.actor.role } : null,
      nav: session ? navFor(session.actor.role, req.path) : [],
      csrfToken: session?.csrfToken ?? result.data.csrfToken ?? '',
      flash,
      scripts: scriptTags((result.data.scripts as string[] | undefined) ?? [], this.assets),
      currentPath: req.path,
    };
    const body = this.template(result.template)(context);
    return this.template('layout')({ ...context, body });
  }

  private template(name: string): Handlebars.TemplateDelegate {
    let t = this.compiled.get(name);
    if (!t) {
      if (!/^[\w-]+(\/[\w-]+)*$/.test(name)) throw new Error(`bad template name ${name}`);
      const file = path.join(WEB_ROOT, `${name}.hbs`);
      t = this.hb.compile(fs.readFileSync(file, 'utf8'), { strict: false });
      this.compiled.set(name, t);
    }
    return t;
  }
}

function scriptTags(names: string[], assets: Map<string, ConsoleAsset>) {
  return ['console.mjs', ...names].map((name) => {
    const a = assets.get(name);
    if (!a) throw new Error(`no console asset named ${name}`);
    return {
      src: `/assets/${a.name}?v=${a.version}`,
      integrity: a.integrity,
      module: a.name.endsWith('.mjs'),
    };
  });
}

/** Every .hbs in a `partials` directory under src/web, by its base name (which must be unique). */
function readPartials(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.hbs') && path.basename(dir) === 'partials') {
        const name = e.name.slice(0, -4);
        if (out.has(name)) throw new Error(`two console partials are named ${name}`);
        out.set(name, fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(root);
  return out;
}
