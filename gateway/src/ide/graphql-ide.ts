// The development GraphQL IDE: GraphiQL (the build @graphql-yoga/render-graphiql ships, React and Monaco included)
// served by the gateway itself, so it works with no network. A browser's GET /graphql gets the page; its scripts,
// styles and editor workers come from /ide/ on the same origin, under a policy that allows nothing else. Queries and
// mutations go over HTTP POST, subscriptions over graphql-ws on the same /graphql (ide-start.js, the glue). Apollo
// Sandbox (Apollo's CDN, online only) stays at /sandbox. Never mounted in production.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Express, Request, Response } from 'express';

/** What @graphql-yoga/render-graphiql/graphiql exports: GraphiQL's bundle (global YogaGraphiQL), its CSS, favicon and workers. */
interface GraphiqlBuild {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

interface Asset {
  type: string;
  body: Buffer;
  etag: string;
}

/**
 * The IDE page and its assets: scripts, styles, workers and WebSocket only from the gateway's own origin. Styles may be
 * inline (React and Monaco set them at run time); images and fonts may be data: URLs (the CSS embeds its icons).
 */
export const ideContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Espigón Marketplace · GraphiQL</title>
    <link rel="icon" href="/ide/favicon.ico" />
    <link rel="stylesheet" href="/ide/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>The GraphQL IDE needs JavaScript.</noscript>
    <div id="root"></div>
    <script src="/ide/graphql-ws.js"></script>
    <script src="/ide/graphiql.js"></script>
    <script src="/ide/ide-start.js"></script>
  </body>
</html>
`;

const asset = (type: string, content: string | Buffer): Asset => {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  return { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
};

let loaded: Map<string, Asset> | undefined;

/** Loaded on the first request, not at start-up: GraphiQL's build is 9 MB of JavaScript that most runs never serve. */
function assets(): Map<string, Asset> {
  if (loaded) return loaded;
  // require() rather than import: tsconfig's moduleResolution "node" ignores package "exports" (…/graphiql)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require('@graphql-yoga/render-graphiql/graphiql') as GraphiqlBuild;
  // graphql-ws ships a browser build (global graphqlWs) beside its Node one; its package exports do not name it
  const graphqlWsBrowser = join(dirname(require.resolve('graphql-ws')), '..', 'umd', 'graphql-ws.min.js');
  const javascript = 'text/javascript; charset=utf-8';
  loaded = new Map([
    ['graphiql.js', asset(javascript, build.js)],
    ['graphiql.css', asset('text/css; charset=utf-8', build.css)],
    ['favicon.ico', asset('image/x-icon', Buffer.from(build.favicon.replace(/^data:[^,]*;base64,/, ''), 'base64'))],
    ['graphql-ws.js', asset(javascript, readFileSync(graphqlWsBrowser))],
    ['ide-start.js', asset(javascript, readFileSync(join(__dirname, 'ide-start.js')))],
    // Monaco asks for a worker by label (ide-start.js maps each label to its URL)
    ['editor.worker.js', asset(javascript, build.editorWorkerService)],
    ['json.worker.js', asset(javascript, build.jsonWorker)],
    ['graphql.worker.js', asset(javascript, build.graphqlWorker)],
    ['index.html', asset('text/html; charset=utf-8', page)],
  ]);
  return loaded;
}

/** A browser's navigation (HTML preferred to JSON), as Apollo Server tells its landing page from an API call. */
const browserNavigation = (req: Request) => req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';

function send(req: Request, res: Response, name: string): void {
  const file = assets().get(name);
  if (!file) {
    res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    return;
  }
  res.setHeader('content-security-policy', ideContentSecurityPolicy);
  // revalidated on every load (a new build shows at once), answered 304 while unchanged
  res.setHeader('cache-control', 'no-cache');
  res.setHeader('etag', file.etag);
  res.type(file.type);
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.send(file.body);
}

/**
 * Development only: GET /graphql from a browser is the IDE (GET /graphql?sandbox falls through to Apollo's own landing
 * page, Sandbox), GET / sends a browser there, GET /sandbox to Sandbox, /ide/* are the IDE's files. Mounted before
 * the GraphQL middleware; every other request to /graphql goes on to it.
 */
export function mountGraphqlIde(app: Express): void {
  app.get('/', (req, res, next) => (browserNavigation(req) ? res.redirect(302, '/graphql') : next()));
  app.get('/sandbox', (_req, res) => res.redirect(302, '/graphql?sandbox'));
  app.get('/graphql', (req, res, next) => (browserNavigation(req) && !('sandbox' in req.query) ? send(req, res, 'index.html') : next()));
  app.get('/ide/:file', (req, res) => send(req, res, req.params.file));
}
