// Words in one place: every player-facing word is in src/content, by id, and every id there is used.
//
// 1. Every key of every object a content module exports is referenced somewhere in src outside
//    src/content: as `.key`, `['key']` or the literal 'key' (ids such as contact reasons are the
//    core's literals). TypeScript already holds every id the code uses to one that exists.
// 2. No string literal in src/ui, src/game or src/office (nor src/main.ts) reads like words for the
//    player: several words with a space, or one capitalised word. Markup (class names, styles,
//    selectors, key names) and developers' errors are told apart by where the literal stands; the
//    few left are listed below, each with its reason.
// 3. Numbers reach the player through Intl: no String(n), toFixed or padStart for a number to show.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsFiles } from './helpers';

const root = join(__dirname, '../..');
const src = join(root, 'src');

const rel = (p: string) => relative(root, p).replaceAll('\\', '/');
const all = tsFiles(src).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
const tests = tsFiles(join(root, 'test')).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
const contentFiles = all.filter((f) => f.path.startsWith('src/content/'));
const outsideContent = all.filter((f) => !f.path.startsWith('src/content/'));

// ------------------------------------------------------------------------------ 1. ids are used

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Is `key` used in this code: `.key`, `['key']`, `"key"`, `'key'`? */
function referenced(key: string, code: string): boolean {
  const k = escapeRegExp(key);
  return new RegExp(`\\.${k}\\b(?!['"-])|\\[\\s*['"]${k}['"]\\s*\\]|['"\`]${k}['"\`]`).test(code);
}

/** The keys of an object (and of the word objects inside it) that no code uses, as dotted paths. */
function unusedKeys(obj: Record<string, unknown>, code: string, path = ''): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (!referenced(key, code)) out.push(`${path}${key}`);
    else if (isPlainObject(value) && !Object.values(value).some((v) => isPlainObject(v) && 'definition' in v))
      out.push(...unusedKeys(value, code, `${path}${key}.`));
  }
  return out;
}

/**
 * Content exports whose keys are shown by iterating over them, not named in code: the glossary's
 * terms and the evidence cards (test/unit/content.test.ts holds each to a link or a card), and the
 * works they cite (each cited by a card).
 */
const SHOWN_BY_ITERATION = new Set(['glossary.GLOSSARY', 'glossary.MODEL', 'evidence.EVIDENCE', 'evidence.WORKS']);

describe('content ids', () => {
  it('finds the content modules and what they export', async () => {
    expect(contentFiles.length).toBeGreaterThanOrEqual(15);
  });

  it('every key of every exported word object is used outside src/content', async () => {
    const code = outsideContent.map((f) => f.text).join('\n');
    const unused: string[] = [];
    let objects = 0;
    for (const f of contentFiles) {
      const name = f.path.slice('src/content/'.length, -'.ts'.length);
      const mod = (await import(`../../src/content/${name}.ts`)) as Record<string, unknown>;
      for (const [exported, value] of Object.entries(mod)) {
        if (!isPlainObject(value) || SHOWN_BY_ITERATION.has(`${name}.${exported}`)) continue;
        objects++;
        unused.push(...unusedKeys(value, code).map((k) => `${name}.${exported}.${k}`));
      }
    }
    expect(objects).toBeGreaterThanOrEqual(25);
    expect(unused).toEqual([]);
  });

  it('every export of a content module is imported outside it (in src, or by a test)', () => {
    const unusedExports: string[] = [];
    for (const f of contentFiles) {
      const names = [...f.text.matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]!);
      // Tests may be the only users of an export that states a fact for them to check.
      const others = [...all.filter((o) => o.path !== f.path), ...tests].map((o) => o.text).join('\n');
      for (const n of names) if (!new RegExp(`\\b${n}\\b`).test(others)) unusedExports.push(`${f.path}: ${n}`);
    }
    expect(unusedExports).toEqual([]);
  });

  it('can fail: finds an unused key, and a used one in each form', () => {
    expect(unusedKeys({ heading: 'x', unused: 'y', nested: { inner: 'z', gone: 'w' } }, "W.heading; W['nested'].inner")).toEqual(['unused', 'nested.gone']);
    expect(referenced('new-claim', "reason === 'new-claim'")).toBe(true);
    expect(referenced('play', 'W.player')).toBe(false);
    expect(referenced('play', "W['play']")).toBe(true);
  });
});

// ----------------------------------------------------------------- 2. no words outside content

/** Property names whose values are markup, not words: classes, styles, element ids, key names. */
const MARKUP_KEYS = new Set([
  'className',
  'class',
  'style',
  'transform',
  'id',
  'for',
  'type',
  'role',
  'name',
  'href',
  'download',
  'viewBox',
  'points',
  'text-anchor',
  'aria-keyshortcuts',
  'aria-haspopup',
  'aria-live',
  'aria-hidden',
  'inputmode',
  'fontFamily',
  'fontSize',
  'fontStyle',
]);

/** Calls whose string arguments are for the browser or the developer, never shown as words. */
const CODE_CALLS =
  /^(?:querySelector|querySelectorAll|closest|matches|setAttribute|getAttribute|removeAttribute|addEventListener|removeEventListener|createElement|createElementNS|getContext|getExtension|matchMedia|mark|measure|postMessage|download|Error|TypeError|RangeError)$/;

/**
 * Literals that look like words but are not the player's, by file and text, each with its reason.
 * Keep this short: anything a player reads belongs in src/content.
 */
const ALLOWED: readonly { file: string; text: string; why: string }[] = [
  { file: 'src/office/style.ts', text: '"Atkinson Hyperlegible", system-ui, sans-serif', why: 'a CSS font stack' },
  { file: 'src/office/motion.ts', text: '(prefers-reduced-motion: reduce)', why: 'a CSS media query' },
];

interface Found {
  file: string;
  line: number;
  text: string;
}

const looksLikeWords = (text: string): boolean => {
  const words = text.match(/[A-Za-z’']{2,}/g) ?? [];
  if (words.length >= 2 && /\s/.test(text.trim()) && /[a-z]{2}/.test(text)) return true;
  return /^[A-Z][a-z]{2,}[.:!?]?$/.test(text.trim());
};

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return ts.isIdentifier(e.expression) && e.expression.text === 'console' ? 'Error' : e.name.text;
  return '';
}

/** Where a literal stands tells whether it is markup or a developer's: then it is not the player's. */
function isCodeContext(node: ts.Node): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isLiteralTypeNode(p) || ts.isImportTypeNode(p)) return true;
    if (ts.isPropertyAssignment(p) && p.initializer === child) {
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : '';
      return MARKUP_KEYS.has(key) || key.startsWith('data-');
    }
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(child as ts.Expression)) return CODE_CALLS.test(calleeName(p));
    if (ts.isThrowStatement(p)) return true;
    // el.className = '...'
    if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(p.left) &&
      MARKUP_KEYS.has(p.left.name.text)
    )
      return true;
    if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(p.operatorToken.kind))
      return true;
    if (ts.isCaseClause(p) && p.expression === child) return true;
    if (ts.isElementAccessExpression(p) && p.argumentExpression === child) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

/** The literals of a source that read like words for the player. */
function wordsIn(file: string, text: string): Found[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    let literal: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    else if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('');
    if (literal !== null && looksLikeWords(literal) && !isCodeContext(node) && !ALLOWED.some((a) => a.file === file && a.text === literal)) {
      found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: literal });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const checked = all.filter((f) => /^src\/(ui|game|office)\//.test(f.path) || f.path === 'src/main.ts');

describe('no player-facing words outside src/content', () => {
  it('checks the screens, the game and the office', () => {
    expect(checked.length).toBeGreaterThan(40);
    expect(checked.some((f) => f.path === 'src/ui/screens/office.ts')).toBe(true);
  });

  it('finds no words in string literals of src/ui, src/game, src/office', () => {
    const found = checked.flatMap((f) => wordsIn(f.path, f.text)).map((w) => `${w.file}:${w.line}: ${JSON.stringify(w.text)}`);
    expect(found).toEqual([]);
  });

  it('every allowed literal is still there (the list stays short and true)', () => {
    for (const a of ALLOWED) expect(all.find((f) => f.path === a.file)?.text, `${a.file}: ${a.why}`).toContain(a.text);
  });

  it('can fail: flags words, in every kind of literal, and lets markup and errors be', () => {
    const sample = [
      "h('p', {}, 'Nobody was helped in this run.');",
      "h('button', {}, 'Menu');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the checker to read, not a template
      "h('p', {}, `Heard ${n} contacts`);",
      "const x = { label: 'to scan' };",
      "h('p', { className: 'hint terms', 'aria-keyshortcuts': 'Escape' });",
      "throw new Error('No choice for this lever');",
      "el.querySelector('.staff button:not(:disabled)');",
      "if (key === 'escape') return;",
      "feedback.className = ok ? 'feedback right' : 'feedback wrong';",
      "type T = 'Some words here';",
    ].join('\n');
    expect(wordsIn('sample.ts', sample).map((f) => f.text)).toEqual(['Nobody was helped in this run.', 'Menu', 'Heard  contacts', 'to scan']);
  });
});

// ------------------------------------------------------------------- 3. numbers through Intl

/** Lines where String() makes text for the browser, not the player: attributes, classes, state, errors, a select's value. */
const CODE_LINE = /setAttribute\(|\.className =|\.dataset\.|Error\(|getParameter\(|\.value\b/;

describe('numbers through Intl', () => {
  it('no String(n), toFixed or padStart to show a number in src/ui, src/game, src/office', () => {
    const found: string[] = [];
    for (const f of checked) {
      f.text.split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        if (/\.toFixed\(|\.padStart\(/.test(line) || (/\bString\(/.test(line) && !CODE_LINE.test(line))) found.push(`${f.path}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
