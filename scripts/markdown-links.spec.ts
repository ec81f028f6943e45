// The repository stands alone: every relative link of its Markdown resolves to a file inside it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { markdownLinks } from './markdown';

const root = resolve(__dirname, '..');

/** The repository's Markdown files: dependencies and dot-folders (.git, .data) left out. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The links of `file` that leave the repository or name no file (external URLs and same-page anchors are not checked). */
function brokenLinks(file: string, markdown: string): string[] {
  return markdownLinks(markdown).filter((target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return false;
    const path = decodeURIComponent(target.replace(/[?#].*$/, ''));
    if (!path) return false;
    const resolved = path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
    return relative(root, resolved).startsWith('..') || !existsSync(resolved);
  });
}

describe('Markdown links', () => {
  const files = markdownFiles(root);

  it('finds the documents', () => {
    expect(files.map((file) => relative(root, file))).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md']));
  });

  it('every relative link of every document resolves to a file in the repository', () => {
    const broken = files.flatMap((file) => brokenLinks(file, readFileSync(file, 'utf8')).map((target) => `${relative(root, file)}: ${target}`));
    expect(broken).toEqual([]);
  });

  it('catches a link to a missing file and one that leaves the repository, and nothing else', () => {
    const file = join(root, 'subgraphs', 'catalog', 'README.md');
    const markdown = [
      'See [the contract](../../docs/api.graphql#L10), [the old one](../../docs/API-old.graphql),',
      '[the design](../../../shared/DESIGN.md), [the root](/README.md), [a site](https://example.com), [here](#browsing),',
      'and [a reference][ref].',
      '',
      '```md',
      '[in code](nowhere.md)',
      '```',
      '',
      '[ref]: ../orders/MISSING.md',
    ].join('\n');
    expect(brokenLinks(file, markdown)).toEqual(['../../docs/API-old.graphql', '../../../shared/DESIGN.md', '../orders/MISSING.md']);
  });
});
