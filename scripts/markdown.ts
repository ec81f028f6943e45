// What the documentation tests read from Markdown, through a real parser (markdown-it): links and fenced code blocks.
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt();

/** Every link and image target of a Markdown document, reference-style ones resolved (code is not searched). */
export function markdownLinks(markdown: string): string[] {
  const targets: string[] = [];
  const visit = (tokens: MarkdownIt.Token[]) => {
    for (const token of tokens) {
      const target = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (target) targets.push(String(target));
      if (token.children) visit(token.children);
    }
  };
  visit(parser.parse(markdown, {}));
  return targets;
}

/** The contents of the fenced code blocks of one language (```bash), in document order. */
export function fencedBlocks(markdown: string, language: string): string[] {
  return parser
    .parse(markdown, {})
    .filter((token) => token.type === 'fence' && token.info.trim().split(/\s+/)[0] === language)
    .map((token) => token.content);
}
