// Starts GraphiQL in the browser (served by the gateway at /ide/ide-start.js, development only). Queries and mutations
// are POSTed to /graphql with the Headers tab's headers; subscriptions go over graphql-ws on the same /graphql, the
// Headers tab's authorization sent as connectionParams.authorization (the gateway authenticates the socket with it).
// Nothing here or in GraphiQL's build loads anything from another origin.
/* global YogaGraphiQL, graphqlWs */
(function () {
  'use strict';

  var endpoint = new URL('/graphql', window.location.href).href;
  var socketEndpoint = endpoint.replace(/^http/, 'ws');

  // Monaco starts its language workers from these URLs (same origin: no blob: or CDN)
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  window.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return '/ide/' + (workers[label] || workers.editorWorkerService);
    },
  };

  function header(headers, name) {
    for (var key in headers || {}) if (key.toLowerCase() === name) return headers[key];
    return undefined;
  }

  /** The kind of the operation GraphiQL runs: the named one, else the document's only one. */
  function operationKind(documentAST, operationName) {
    var operations = ((documentAST && documentAST.definitions) || []).filter(function (d) {
      return d.kind === 'OperationDefinition';
    });
    var chosen = operations.filter(function (d) {
      return operationName ? d.name && d.name.value === operationName : true;
    })[0];
    return chosen ? chosen.operation : 'query';
  }

  // one graphql-ws client per authorization: a changed token opens a new connection (the gateway checks it at connect)
  var socket = null;
  var socketAuthorization = null;
  function socketFor(authorization) {
    if (socket && socketAuthorization === (authorization || '')) return socket;
    if (socket) socket.dispose();
    socketAuthorization = authorization || '';
    socket = graphqlWs.createClient({
      url: socketEndpoint,
      lazy: true,
      retryAttempts: 0,
      connectionParams: authorization ? { authorization: authorization } : {},
    });
    return socket;
  }

  function describe(error) {
    if (Array.isArray(error)) return error;
    if (error && typeof error.code === 'number') {
      return [{ message: 'WebSocket closed with ' + error.code + (error.reason ? ': ' + error.reason : '') }];
    }
    return [{ message: (error && error.message) || String(error) }];
  }

  /** The subscription's events as GraphiQL reads them; a refusal or a closed socket becomes one last { errors }. */
  function subscription(params, headers) {
    var events = socketFor(header(headers, 'authorization')).iterate({
      query: params.query,
      variables: params.variables || undefined,
      operationName: params.operationName || undefined,
    });
    var ended = false;
    var iterator = {
      next: function () {
        if (ended) return Promise.resolve({ done: true, value: undefined });
        return events.next().catch(function (error) {
          ended = true;
          return { done: false, value: { errors: describe(error) } };
        });
      },
      return: function () {
        ended = true;
        return events.return ? events.return() : Promise.resolve({ done: true, value: undefined });
      },
    };
    iterator[Symbol.asyncIterator] = function () {
      return iterator;
    };
    return iterator;
  }

  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    if (operationKind(options && options.documentAST, params.operationName) === 'subscription') {
      return subscription(params, headers);
    }
    return fetch(endpoint, {
      method: 'POST',
      headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers),
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (_notJson) {
          throw new Error('HTTP ' + response.status + ': ' + text.slice(0, 500));
        }
      });
    });
  }

  var defaultQuery = [
    '# Espigón Marketplace: GraphiQL, served by the gateway (works offline).',
    '#',
    '# Run an operation with Ctrl-Enter or the ▶ button; the Docs and Explorer buttons on the left show the schema.',
    '# To act as somebody: run the login mutation below (a demo account from the README), then open',
    '# Headers (bottom panel) and put {"authorization": "Bearer <accessToken>"}. Subscriptions run over',
    '# graphql-ws on this same /graphql and need that header too.',
    "# Apollo Sandbox (loaded from Apollo's CDN, online only): /sandbox",
    '',
    'query Categories {',
    '  categories {',
    '    name',
    '    subcategories { name }',
    '  }',
    '}',
    '',
    'mutation Login {',
    '  login(email: "rosa@espigon.ec", password: "Espigon-seller-2026") {',
    '    accessToken',
    '    user { name role }',
    '  }',
    '}',
    '',
    'subscription NewOrders {',
    '  orderCreated { number status buyer { name } items { productName quantity } }',
    '}',
    '',
  ].join('\n');

  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), {
    title: 'Espigón Marketplace',
    fetcher: fetcher,
    // a query in the address (GraphiQL keeps the editor's text there) wins over the welcome text
    query: new URL(window.location.href).searchParams.get('query') ? undefined : defaultQuery,
  });
})();
