// GraphQL Code Generator schema loader: the API schema clients see through the gateway (supergraph minus federation internals).
const { readFileSync } = require('node:fs');
const { Supergraph } = require('@apollo/federation-internals');

module.exports = function loadApiSchema(pointer) {
  return Supergraph.build(readFileSync(pointer, 'utf8')).apiSchema().toGraphQLJSSchema();
};
