// Generates what an attacker (or a badly written client) sends: floods, bombs, junk bodies, odd unicode, forged cursors,
// wrong types, oversized strings. Each entry is one HTTP request; the suite asserts how every one is answered.

export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST';
  /** Raw body; defaults to JSON of { query, variables }. */
  body?: string | Buffer;
  query?: string;
  variables?: unknown;
  operationName?: unknown;
  headers?: Record<string, string>;
  /** Path and query string appended to the gateway URL's origin (GET requests). */
  search?: string;
  /** Sends a seller's token (or an admin's, for admin-only fields). */
  asSeller?: boolean;
  asAdmin?: boolean;
}

export interface HostileTargets {
  productId: string;
  subcategoryId: string;
  categoryId: string;
}

const repeat = (n: number, f: (i: number) => string, sep = ' ') => Array.from({ length: n }, (_, i) => f(i)).join(sep);
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');

/** Strings that have broken parsers, SQL builders, regexes and text search somewhere. */
export const oddStrings: [string, string][] = [
  ['nul byte', 'at\u0000un'],
  ['only nul', '\u0000'],
  ['lone surrogate', 'pez \ud800'],
  ['reversed surrogates', '\udc00\ud800'],
  ['modifier apostrophe', 'ʼ'],
  ['turned comma', 'ʻ'],
  ['prime marks', '′‵＇´`'],
  ['zero-width joiners', 'ca\u200dma\u200bró\u200cn'],
  ['right-to-left override', '\u202enóramac'],
  ['combining marks only', '\u0301\u0301\u0301\u0308'],
  ['emoji', '🐟🦐🦀 fresco'],
  ['control characters', '\u0001\u0002\u001b[31mred\u007f'],
  ['tsquery operators', "a & | ! : * ( ) < > <-> 'b'"],
  ['sql quote', "' OR 1=1 --"],
  ['sql union', "atún' UNION SELECT password_hash FROM users.user_account --"],
  ['sql comment', '/* */; DROP TABLE catalog.product; --'],
  ['like wildcards', '%_%\\'],
  ['backslashes', '\\\\\\\\'],
  ['json in string', '{"$ne": null}'],
  ['only punctuation', '!!!???...'],
  ['long word', 'camarón'.repeat(40)],
  ['whitespace only', ' \t\n\r '],
  ['bom', '\ufeffatún'],
  ['fullwidth', 'ａｔｕｎ'],
];

export function hostileRequests(targets: HostileTargets): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const add = (request: HostileRequest) => requests.push(request);
  const hundredKb = 'x'.repeat(100 * 1024);

  // deep nesting, valid and invalid
  for (const depth of [13, 20, 40, 100]) {
    let selection = 'id';
    for (let i = 0; i < depth; i++) selection = i % 2 ? `products(first: 1) { edges { node { ${selection} } } }` : `seller { ${selection} }`;
    add({ name: `deep valid nesting ${depth}`, query: `{ products(first: 1) { edges { node { ${selection} } } } }` });
    add({ name: `deep invalid nesting ${depth}`, query: `{ me { ${repeat(depth, (i) => `n${i} {`)} id ${'}'.repeat(depth)} } }` });
  }
  add({ name: 'depth 1000 of braces', query: `{ ${'a { '.repeat(1000)}b${' }'.repeat(1000)} }` });

  // alias floods
  for (const n of [16, 100, 1000]) {
    add({ name: `${n} aliased __typename`, query: `{ ${repeat(n, (i) => `t${i}: __typename`)} }` });
    add({ name: `${n} aliased products`, query: `{ ${repeat(n, (i) => `p${i}: products(first: 100) { totalCount }`)} }` });
  }
  add({
    name: '15 aliased heavy pages',
    query: `{ ${repeat(15, (i) => `p${i}: products(first: 100) { edges { node { description seller { name } } } }`)} }`,
  });
  add({
    name: 'aliased logins',
    query: `mutation { ${repeat(15, (i) => `l${i}: login(email: "x${i}@x.ec", password: "wrongpassword1") { accessToken }`)} }`,
  });

  // directive floods
  for (const n of [31, 200, 1000]) {
    add({ name: `${n} directives`, query: `{ me { id ${repeat(n, () => '@include(if: true)')} } }` });
  }
  add({ name: 'unknown directives', query: `{ me @evil @evil @evil { id } }` });
  add({
    name: 'skip with variable flood',
    query: `query($s: Boolean!) { ${repeat(100, (i) => `a${i}: __typename @skip(if: $s)`)} }`,
    variables: { s: false },
  });

  // token floods
  add({ name: '3000 fields', query: `{ me { ${repeat(3000, () => 'id')} } }` });
  add({ name: '50000 fields', query: `{ me { ${repeat(50_000, () => 'id')} } }` });
  add({ name: 'megabyte of commas', query: `{ me { id${','.repeat(900_000)} } }` });
  add({ name: 'many arguments', query: `{ products(${repeat(500, (i) => `a${i}: 1`, ', ')}) { totalCount } }` });
  add({ name: 'huge comment', query: `# ${'c'.repeat(500_000)}\n{ me { id } }` });
  add({ name: 'many variables', query: `query(${repeat(3000, (i) => `$v${i}: Int`, ', ')}) { __typename }` });

  // fragment cycles and bombs
  add({ name: 'self-referencing fragment', query: '{ me { ...A } } fragment A on User { id ...A }' });
  add({ name: 'mutual fragment cycle', query: '{ me { ...A } } fragment A on User { ...B } fragment B on User { ...A }' });
  add({ name: 'long fragment cycle', query: `{ me { ...F0 } } ${repeat(50, (i) => `fragment F${i} on User { id ...F${(i + 1) % 50} }`)}` });
  for (const levels of [10, 20, 40]) {
    const fragments = repeat(
      levels,
      (i) => (i === levels - 1 ? `fragment F${i} on Product { id }` : `fragment F${i} on Product { ...F${i + 1} ...F${i + 1} }`),
      '\n',
    );
    add({ name: `fragment bomb 2^${levels}`, query: `{ products { edges { node { ...F0 } } } }\n${fragments}` });
  }
  add({
    name: 'overlapping fields bomb',
    query: `{ products { edges { node { ${repeat(400, (i) => `name: ${i % 2 ? 'name' : 'description'}`)} } } } }`,
  });
  add({ name: 'unused fragments', query: `{ me { id } } ${repeat(200, (i) => `fragment U${i} on User { id }`)}` });
  add({ name: 'fragment on unknown type', query: '{ me { ...A } } fragment A on Nope { id }' });

  // batched arrays
  add({ name: 'batch of two', body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
  add({
    name: 'batch of 500 logins',
    body: JSON.stringify(
      Array.from({ length: 500 }, () => ({ query: 'mutation { login(email: "a@b.ec", password: "wrongpassword1") { accessToken } }' })),
    ),
  });
  add({ name: 'empty batch', body: '[]' });

  // bodies
  add({ name: '5 MB body', body: JSON.stringify({ query: '{ me { id } }', variables: { junk: 'x'.repeat(5 * 1024 * 1024) } }) });
  add({ name: '5 MB query', body: JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(5 * 1024 * 1024)}` }) });
  add({
    name: 'deeply nested JSON variables',
    body: `{"query":"query($f: ProductFilter){ products(filter: $f) { totalCount } }","variables":{"f":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
  });
  add({ name: 'deeply nested JSON arrays', body: `{"query":"{ me { id } }","extensions":${'['.repeat(20_000)}${']'.repeat(20_000)}}` });
  for (const [name, body] of [
    ['malformed JSON', '{"query": "{ me { id } }"'],
    ['trailing garbage', '{"query": "{ me { id } }"} xyz'],
    ['JSON null', 'null'],
    ['JSON number', '42'],
    ['JSON string', '"{ me { id } }"'],
    ['empty body', ''],
    ['query is a number', '{"query": 42}'],
    ['query is an object', '{"query": {"kind": "Document"}}'],
    ['query is null', '{"query": null}'],
    ['no query', '{"variables": {}}'],
    ['variables is an array', '{"query": "{ me { id } }", "variables": [1, 2]}'],
    ['variables is a string', '{"query": "{ me { id } }", "variables": "{}"}'],
    ['extensions junk', '{"query": "{ me { id } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "zz"}}}'],
    [
      'persisted query only',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "0000000000000000000000000000000000000000000000000000000000000000"}}}',
    ],
    ['duplicate keys', '{"query": "{ me { id } }", "query": "{ __schema { types { name } } }"}'],
    ['proto pollution', '{"query": "{ me { id } }", "__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}'],
    ['invalid utf-8', Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ] as const) {
    add({ name, body });
  }
  add({ name: 'operationName is an object', query: '{ me { id } }', operationName: { x: 1 } });
  add({ name: 'operationName 100 kB', query: '{ me { id } }', operationName: hundredKb });

  // wrong content types
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/xml',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
  ]) {
    add({ name: `content-type ${type}`, body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': type } });
  }
  add({ name: 'gzip body that is not gzip', body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-encoding': 'gzip' } });
  add({ name: 'unknown content-encoding', body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-encoding': 'br2' } });

  // odd strings in every text input, inline and as variables
  for (const [label, value] of oddStrings) {
    add({
      name: `search: ${label}`,
      query: 'query($s: String) { products(filter: { search: $s }) { totalCount edges { node { id } } } }',
      variables: { s: value },
    });
    add({
      name: `login: ${label}`,
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: `${value}@x.ec`, p: value },
    });
    add({
      name: `register: ${label}`,
      query: 'mutation($i: RegisterInput!) { register(input: $i) { accessToken } }',
      variables: {
        i: { email: `${value}@example.ec`, password: `Clave-2026-${value}`, name: value, role: 'SELLER', phone: value, stallName: value },
      },
    });
    add({
      name: `create product: ${label}`,
      asSeller: true,
      query: 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id } }',
      variables: {
        i: {
          name: value,
          description: value,
          priceCents: 100,
          unit: 'KG',
          subcategoryId: targets.subcategoryId,
          quantityOnHand: 1,
          imageUrls: [value],
        },
      },
    });
  }
  add({ name: 'nul inline in document string', query: '{ products(filter: { search: "at\\u0000un" }) { totalCount } }' });
  add({ name: 'lone surrogate inline', query: '{ products(filter: { search: "\\ud800" }) { totalCount } }' });
  add({ name: 'raw control chars in document', query: '{ me\u0000 { id } }' });
  add({ name: 'nul in operationName', query: 'query A { me { id } }', operationName: 'A\u0000' });

  // 100 kB strings in every text input
  const textInputs: [string, string, Record<string, unknown>, boolean?][] = [
    ['search', 'query($v: String) { products(filter: { search: $v }) { totalCount } }', { v: hundredKb }],
    ['login email', 'mutation($v: String!) { login(email: $v, password: "x") { accessToken } }', { v: hundredKb }],
    ['login password', 'mutation($v: String!) { login(email: "a@b.ec", password: $v) { accessToken } }', { v: hundredKb }],
    ['refresh token', 'mutation($v: String!) { refreshToken(refreshToken: $v) { accessToken } }', { v: hundredKb }],
    ['logout refresh token', 'mutation($v: String) { logout(refreshToken: $v) }', { v: hundredKb }],
    [
      'register email',
      'mutation($v: String!) { register(input: { email: $v, password: "Clave-2026-x", name: "N", role: CLIENT }) { accessToken } }',
      { v: hundredKb },
    ],
    [
      'register password',
      'mutation($v: String!) { register(input: { email: "long@x.ec", password: $v, name: "N", role: CLIENT }) { accessToken } }',
      { v: hundredKb },
    ],
    [
      'register name',
      'mutation($v: String!) { register(input: { email: "long2@x.ec", password: "Clave-2026-x", name: $v, role: CLIENT }) { accessToken } }',
      { v: hundredKb },
    ],
    [
      'register stall',
      'mutation($v: String) { register(input: { email: "long3@x.ec", password: "Clave-2026-x", name: "N", role: SELLER, stallName: $v }) { accessToken } }',
      { v: hundredKb },
    ],
    ['product id', 'query($v: ID!) { product(id: $v) { id } }', { v: hundredKb }],
    ['user id', 'query($v: ID!) { user(id: $v) { id } }', { v: hundredKb }],
    ['cursor', 'query($v: String) { products(after: $v) { totalCount } }', { v: hundredKb }],
    [
      'product name',
      'mutation($v: String!) { createProduct(input: { name: $v, priceCents: 1, unit: KG, subcategoryId: "SUB", quantityOnHand: 1 }) { id } }',
      { v: hundredKb },
      true,
    ],
    [
      'product description',
      'mutation($v: String) { createProduct(input: { name: "Pez", description: $v, priceCents: 1, unit: KG, subcategoryId: "SUB", quantityOnHand: 1 }) { id } }',
      { v: hundredKb },
      true,
    ],
    [
      'image url',
      'mutation($v: String!) { createProduct(input: { name: "Pez", imageUrls: [$v], priceCents: 1, unit: KG, subcategoryId: "SUB", quantityOnHand: 1 }) { id } }',
      { v: `https://x.ec/${hundredKb}` },
      true,
    ],
    ['update name', 'mutation($v: String) { updateProduct(id: "PROD", input: { name: $v }) { id } }', { v: hundredKb }, true],
    [
      'inventory reason',
      'mutation($v: String) { adjustInventory(productId: "PROD", delta: 1, reason: $v) { quantityOnHand } }',
      { v: hundredKb },
      true,
    ],
    ['category name', 'mutation($v: String!) { createCategory(name: $v) { id } }', { v: hundredKb }, true],
    ['subcategory name', 'mutation($v: String!) { createSubcategory(categoryId: "CAT", name: $v) { id } }', { v: hundredKb }, true],
  ];
  for (const [label, query, variables, asSeller] of textInputs) {
    const resolved = query.replace('SUB', targets.subcategoryId).replace('PROD', targets.productId).replace('CAT', targets.categoryId);
    add({ name: `100 kB ${label} (variable)`, query: resolved, variables, asSeller });
    const inline = resolved.replace(/\$v/g, JSON.stringify(Object.values(variables)[0])).replace(/^(query|mutation)\([^)]*\)/, '$1');
    add({ name: `100 kB ${label} (inline)`, query: inline, asSeller });
  }

  // wrong variable types
  for (const [label, value] of [
    ['string for Int', 'diez'],
    ['float for Int', 2.5],
    ['2^31 for Int', 2 ** 31],
    ['object for Int', { a: 1 }],
    ['array for Int', [1]],
    ['boolean for Int', true],
    ['NaN-ish string', 'NaN'],
  ] as const) {
    add({ name: `first: ${label}`, query: 'query($n: Int) { products(first: $n) { totalCount } }', variables: { n: value } });
  }
  for (const [label, value] of [
    ['object for ID', { id: 1 }],
    ['array for ID', ['x']],
    ['float for ID', 1.5],
    ['object for String', { $ne: null }],
    ['unknown enum', 'CHEAPEST'],
    ['enum as lowercase', 'newest'],
  ] as const) {
    add({
      name: `wrong type: ${label}`,
      query:
        'query($id: ID!, $s: String, $sort: ProductSort) { product(id: $id) { id } products(filter: { search: $s }, sort: $sort) { totalCount } }',
      variables: { id: value, s: value, sort: value },
    });
  }
  add({ name: 'unknown input field', query: 'query($f: ProductFilter) { products(filter: $f) { totalCount } }', variables: { f: { evil: true } } });
  add({ name: 'variable not declared', query: '{ products(first: $n) { totalCount } }', variables: { n: 1 } });
  add({ name: 'null for non-null', query: 'query($id: ID!) { product(id: $id) { id } }', variables: { id: null } });

  // bad custom scalars
  for (const value of [
    'ayer',
    '2026-13-45',
    '9999-99-99T99:99:99Z',
    '+275760-09-13T00:00:00.001Z',
    '',
    'null',
    12345,
    -1,
    true,
    {},
    [],
    '2026-02-30T10:00:00Z',
    '2026-11-24T10:00:00+25:00',
    '0000-00-00T00:00:00Z',
  ]) {
    add({
      name: `DateTime ${JSON.stringify(value)}`,
      asSeller: true,
      query: 'mutation($at: DateTime) { updateProduct(id: "PROD", input: { caughtAt: $at }) { id } }'.replace('PROD', targets.productId),
      variables: { at: value },
    });
  }
  add({
    name: 'DateTime inline number',
    asSeller: true,
    query: `mutation { updateProduct(id: "${targets.productId}", input: { caughtAt: 5 }) { id } }`,
  });

  // huge and negative first
  for (const first of [-1, 0, 101, 1_000_000, 2 ** 31 - 1, -(2 ** 31)]) {
    add({ name: `products first ${first}`, query: `{ products(first: ${first}) { totalCount } }` });
    add({
      name: `seller products first ${first}`,
      query: `{ products(first: 1) { edges { node { seller { products(first: ${first}) { totalCount } } } } } }`,
    });
    add({ name: `users first ${first}`, query: `{ users(first: ${first}) { totalCount } }`, asAdmin: true });
  }

  // forged cursors
  for (const [label, cursor] of [
    ['not base64', '!!!'],
    ['base64 of junk', b64('junk')],
    ['empty array', b64([])],
    ['wrong length', b64(['NEWEST'])],
    ['impossible date', b64(['NEWEST', '9999-99-99T99:99:99.999999Z', '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['price 2^31', b64(['PRICE_ASC', 2 ** 31, '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['negative price', b64(['PRICE_DESC', -5, '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['float price', b64(['PRICE_ASC', 1.5, '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['name is a number', b64(['NAME', 12, '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['id not uuid', b64(['NEWEST', '2026-11-24T00:00:00.000000Z', "x' or 1=1"])],
    ['object inside', b64(['NEWEST', { $gt: '' }, { $ne: null }])],
    ['10 kB cursor', b64(['NAME', 'n'.repeat(10_000), '6f1c7a1e-0003-4000-8000-000000000001'])],
    ['users impossible date', b64(['9999-99-99', 'x'])],
    ['users year 300000', b64(['+300000-01-01T00:00:00.000Z', '6f1c7a1e-0000-4000-8000-000000000001'])],
  ] as const) {
    add({
      name: `cursor: ${label}`,
      query: `query($c: String) { a: products(after: $c) { totalCount } b: products(sort: PRICE_ASC, after: $c) { totalCount } c: products(sort: NAME, after: $c) { totalCount } }`,
      variables: { c: cursor },
    });
    add({
      name: `seller products cursor: ${label}`,
      query: `query($c: String) { products(first: 2) { edges { node { seller { products(after: $c) { totalCount } } } } } }`,
      variables: { c: cursor },
    });
    add({ name: `users cursor: ${label}`, asAdmin: true, query: `query($c: String) { users(after: $c) { totalCount } }`, variables: { c: cursor } });
  }

  // GET and method tricks
  add({
    name: 'GET mutation',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { logout }')}`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({ name: 'GET query without preflight', method: 'GET', search: `?query=${encodeURIComponent('{ me { id } }')}` });
  add({
    name: 'GET bad variables JSON',
    method: 'GET',
    search: `?query=${encodeURIComponent('{ me { id } }')}&variables=%7Bbad`,
    headers: { 'apollo-require-preflight': 'true' },
  });
  add({ name: 'GET repeated query params', method: 'GET', search: '?query=a&query=b', headers: { 'apollo-require-preflight': 'true' } });
  add({ name: 'GET 20 kB query string', method: 'GET', search: `?query=${'x'.repeat(20_000)}`, headers: { 'apollo-require-preflight': 'true' } });

  // introspection tricks
  add({ name: 'introspection __schema', query: '{ __schema { types { name fields { name } } } }' });
  add({ name: 'introspection __type', query: '{ __type(name: "User") { fields { name } } }' });
  add({ name: 'introspection in fragment', query: '{ ...F } fragment F on Query { __schema { queryType { name } } }' });
  add({ name: 'introspection aliased', query: '{ s: __schema { types { name } } }' });
  add({ name: 'introspection nested type', query: '{ me { __typename } __type(name: "Query") { name } }' });
  add({ name: 'introspection cycle', query: `{ __schema { types { ${'fields { type { '.repeat(8)}name${' } }'.repeat(8)} } } }` });
  add({ name: 'federation _service', query: '{ _service { sdl } }' });
  add({
    name: 'federation _entities',
    query: '{ _entities(representations: [{ __typename: "User", id: "6f1c7a1e-0000-4000-8000-000000000021" }]) { ... on User { phone } } }',
  });

  // tokens that are not tokens
  for (const [label, authorization] of [
    ['empty bearer', 'Bearer '],
    ['basic auth', 'Basic YWRtaW46YWRtaW4='],
    ['alg none', `Bearer ${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ sub: 'x', role: 'ADMIN' })}.`],
    ['hs256 forged', `Bearer ${b64({ alg: 'HS256', typ: 'at+jwt' })}.${b64({ sub: 'x', role: 'ADMIN' })}.c2ln`],
    ['10 kB token', `Bearer ${'a'.repeat(10_000)}`],
    ['two tokens', 'Bearer a Bearer b'],
  ] as const) {
    add({ name: `authorization: ${label}`, query: '{ me { id role } users { totalCount } }', headers: { authorization } });
  }
  add({ name: 'request id injection', query: '{ me { id } }', headers: { 'x-request-id': '"},{"level":"fatal","msg":"forged' } });
  add({
    name: 'forwarded header flood',
    query: '{ me { id } }',
    headers: { 'x-forwarded-for': repeat(500, (i) => `10.0.${i % 255}.${i % 200}`, ', ') },
  });
  add({ name: 'gateway credential from a client', query: '{ me { id } }', headers: { 'x-gateway-credential': 'guess' } });

  return requests;
}
