import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Eta } from 'eta';
import { projectRoot } from '../../config/project-root';
import { EmailRenderError } from './email-render-error';

/**
 * Why eta: it is small and has no runtime dependencies, precompiles each template to a plain function (rendering is
 * a string concatenation, which matters at tens of thousands of emails), escapes HTML in `<%= %>` by default (unit
 * names and titles come from admin-written plan files), and ships its own TypeScript types.
 */
export interface EmailTemplates {
  /** Renders `<name>.html.eta` (HTML-escaped interpolation). */
  html(name: string, data: object): string;
  /** Renders `<name>.txt.eta` (no escaping: plain text). */
  text(name: string, data: object): string;
}

/**
 * Found from the project root, not `__dirname`: tsc copies no `.eta` into `dist/`, so a build still reads the
 * source templates.
 */
let defaultDir: string | undefined;

/** Looked up once: finding the project root stats the disk, and every email rendered asks for the templates. */
function defaultTemplateDir(): string {
  defaultDir ??= path.join(projectRoot(), 'channels', 'email', 'templates');
  return defaultDir;
}

const loaded = new Map<string, EmailTemplates>();

/** The templates of `dir`, read and compiled on first use and kept for the life of the process. */
export function emailTemplates(dir: string = defaultTemplateDir()): EmailTemplates {
  let templates = loaded.get(dir);
  if (!templates) {
    templates = loadEmailTemplates(dir);
    loaded.set(dir, templates);
  }
  return templates;
}

function readTemplateFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.eta'));
  } catch (err) {
    throw new EmailRenderError('EMAIL_TEMPLATE_MISSING', `The email template folder ${dir} cannot be read`, {
      cause: err,
    });
  }
}

/** Reads and compiles every `*.html.eta` and `*.txt.eta` of `dir`; they include each other as `@name`. */
function loadEmailTemplates(dir: string): EmailTemplates {
  // autoTrim off: a newline after `<%= %>` is content in a plain-text email; control lines end in `-%>` instead.
  const html = new Eta({ autoEscape: true, autoTrim: false, cache: true });
  const text = new Eta({ autoEscape: false, autoTrim: false, cache: true });
  const names = { html: new Set<string>(), text: new Set<string>() };
  for (const file of readTemplateFiles(dir)) {
    const match = /^(.+)\.(html|txt)\.eta$/.exec(file);
    if (!match) continue;
    const [, name, flavour] = match as unknown as [string, string, 'html' | 'txt'];
    const engine = flavour === 'html' ? html : text;
    engine.loadTemplate(`@${name}`, readFileSync(path.join(dir, file), 'utf8'));
    names[flavour === 'html' ? 'html' : 'text'].add(name);
  }
  const render = (engine: Eta, known: Set<string>, flavour: string, name: string, data: object): string => {
    if (!known.has(name)) {
      throw new EmailRenderError('EMAIL_TEMPLATE_MISSING', `No template ${name}.${flavour}.eta in ${dir}`);
    }
    return engine.render(`@${name}`, data);
  };
  return {
    html: (name, data) => render(html, names.html, 'html', name, data),
    text: (name, data) => render(text, names.text, 'txt', name, data),
  };
}
